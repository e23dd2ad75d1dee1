package vn.khuyenhoc.indicator;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue of indicators: what each counts (numerator, denominator and, for the recognition rates, the second
 * denominator QĐ 387 asks for), where the figures come from, its unit and direction. Values are computed from the
 * records of the source module; for years without records, from the figures of past paper reports
 * ({@code indicator.reported}), always marked as such.
 */
public enum IndicatorDefinition {
    VILLAGE_CHAPTER_COVERAGE(
            "village-chapter-coverage",
            "Khu dân cư có chi hội, ban khuyến học tổ chức phong trào học tập suốt đời",
            "thôn, buôn, tổ dân phố có chi hội đang hoạt động đã ghi nhận tổ chức phong trào trong năm",
            "thôn, buôn, tổ dân phố đang có",
            null,
            "association"),
    ORGANIZATION_CHAPTER_COVERAGE(
            "organization-chapter-coverage",
            "Cơ quan, đơn vị, trường học có chi hội, ban khuyến học tổ chức phong trào",
            "cơ quan, đơn vị có chi hội, ban khuyến học đã ghi nhận tổ chức phong trào trong năm",
            "cơ quan, đơn vị, trường học đang hoạt động",
            null,
            "association"),
    CLAN_CHAPTER_COVERAGE(
            "clan-chapter-coverage",
            "Dòng họ, hội đồng hương, cơ sở tôn giáo có ban khuyến học tổ chức phong trào",
            "dòng họ, hội đồng hương, cơ sở tôn giáo có ban khuyến học đã ghi nhận tổ chức phong trào trong năm",
            "dòng họ, hội đồng hương, cơ sở tôn giáo đang theo dõi",
            null,
            "association"),
    OFFICER_POLICY_STUDY(
            "officer-policy-study-coverage",
            "Cán bộ Hội Khuyến học được học tập, quán triệt chủ trương, chính sách về khuyến học",
            "cán bộ hội đã dự ít nhất một buổi học tập, quán triệt trong năm (mỗi người một lần)",
            "cán bộ hội vào cuối năm",
            null,
            "association"),
    MEMBER_POLICY_STUDY(
            "member-policy-study-coverage",
            "Hội viên Hội Khuyến học được học tập, quán triệt chủ trương, chính sách về khuyến học",
            "hội viên đã dự ít nhất một buổi học tập, quán triệt trong năm (mỗi người một lần)",
            "hội viên vào cuối năm",
            null,
            "association"),
    LEARNING_FAMILY(
            "learning-family-rate",
            "Hộ gia đình được công nhận Gia đình học tập",
            "hộ có công nhận Gia đình học tập còn hiệu lực trong năm",
            "hộ gia đình trong sổ, chưa ngừng theo dõi trước cuối năm",
            "hộ đăng ký trong năm",
            "evaluation"),
    LEARNING_CLAN(
            "learning-clan-rate",
            "Dòng họ được công nhận Dòng họ học tập",
            "dòng họ, hội đồng hương, cơ sở tôn giáo có công nhận còn hiệu lực trong năm",
            "dòng họ, hội đồng hương, cơ sở tôn giáo đang theo dõi",
            "đối tượng đăng ký trong năm",
            "evaluation"),
    LEARNING_COMMUNITY(
            "learning-community-rate",
            "Thôn, buôn, tổ dân phố được công nhận Cộng đồng học tập",
            "thôn, buôn, tổ dân phố có công nhận Cộng đồng học tập còn hiệu lực trong năm",
            "thôn, buôn, tổ dân phố đang có",
            "thôn, buôn, tổ dân phố đăng ký trong năm",
            "evaluation"),
    LEARNING_UNIT(
            "learning-unit-rate",
            "Cơ quan, đơn vị, trường học được công nhận Đơn vị học tập",
            "cơ quan, đơn vị có công nhận Đơn vị học tập (do xã hoặc tỉnh) còn hiệu lực trong năm",
            "cơ quan, đơn vị, trường học đang hoạt động",
            "cơ quan, đơn vị đăng ký trong năm",
            "evaluation"),
    LEARNING_CITIZEN_WORKER(
            "learning-citizen-worker-rate",
            "Người lao động trong gia đình học tập đạt Công dân học tập",
            "người đạt Công dân học tập trong các gia đình được công nhận (ghi khi tự đánh giá)",
            "người lao động (19–60 tuổi) của các gia đình được công nhận",
            "người lao động của các gia đình đăng ký trong năm",
            "evaluation"),
    LEARNING_CITIZEN_OFFICIAL(
            "learning-citizen-official-rate",
            "Cán bộ, công chức, viên chức, người lao động trong đơn vị học tập đạt Công dân học tập",
            "người đạt Công dân học tập trong các đơn vị được công nhận (ghi khi tự đánh giá)",
            "cán bộ, người lao động của các đơn vị được công nhận",
            "cán bộ, người lao động của các đơn vị đăng ký trong năm",
            "evaluation");

    private final String code;
    private final String label;
    private final String numerator;
    private final String denominator;
    private final @Nullable String secondDenominator;
    private final String source;

    IndicatorDefinition(
            String code,
            String label,
            String numerator,
            String denominator,
            @Nullable String secondDenominator,
            String source) {
        this.code = code;
        this.label = label;
        this.numerator = numerator;
        this.denominator = denominator;
        this.secondDenominator = secondDenominator;
        this.source = source;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String numerator() {
        return numerator;
    }

    public String denominator() {
        return denominator;
    }

    public @Nullable String secondDenominator() {
        return secondDenominator;
    }

    public String source() {
        return source;
    }

    /** Every indicator is a percentage where higher is better. */
    public String unit() {
        return "%";
    }

    public String direction() {
        return "HIGHER_IS_BETTER";
    }

    public static Optional<IndicatorDefinition> of(@Nullable String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
