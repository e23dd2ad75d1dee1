package vn.khuyenhoc.evaluation;

/**
 * The three scorings of a registration: by the subject itself, at the village meeting or the unit's assessment team
 * (bình xét), and by the commune or province (thẩm định).
 */
public enum AssessmentStage {
    SELF("Tự đánh giá"),
    REVIEW("Bình xét"),
    APPRAISAL("Thẩm định");

    private final String label;

    AssessmentStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
