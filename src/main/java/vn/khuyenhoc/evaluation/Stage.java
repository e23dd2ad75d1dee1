package vn.khuyenhoc.evaluation;

import java.util.EnumSet;
import java.util.Set;

/** Where a registration is in the cycle (domain guide §6); a return for revision sends it back to self-assessment. */
public enum Stage {
    REGISTERED("Đã đăng ký"),
    RETURNED("Trả lại để bổ sung"),
    SELF_ASSESSED("Đã tự đánh giá"),
    REVIEWED("Đã bình xét"),
    APPRAISED("Đã thẩm định, đạt"),
    REJECTED("Không đạt"),
    RECOGNISED("Đã công nhận"),
    REVOKED("Đã thu hồi công nhận");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Stages at or past self-assessment, review and appraisal: the steps of the funnel. */
    static final Set<Stage> SELF_ASSESSED_OR_LATER =
            EnumSet.of(SELF_ASSESSED, REVIEWED, APPRAISED, REJECTED, RECOGNISED, REVOKED);

    static final Set<Stage> REVIEWED_OR_LATER = EnumSet.of(REVIEWED, APPRAISED, REJECTED, RECOGNISED, REVOKED);
    static final Set<Stage> APPRAISED_OR_LATER = EnumSet.of(APPRAISED, REJECTED, RECOGNISED, REVOKED);
}
