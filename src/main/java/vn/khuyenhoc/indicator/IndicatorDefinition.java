package vn.khuyenhoc.indicator;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue of indicators: what each counts (numerator, denominator and, for the recognition rates, the second
 * denominator QĐ 387 asks for), where the figures come from, its unit and direction, and the day it is counted on
 * ({@link #rule()}). Values are computed from the records of the source module; years before the records begin take
 * the reported figures of past paper reports ({@code indicator.reported}), always marked as such.
 */
public enum IndicatorDefinition {
    VILLAGE_CHAPTER_COVERAGE(
            "village-chapter-coverage",
            "Khu dân cư có chi hội, ban khuyến học tổ chức phong trào học tập suốt đời",
            "thôn, buôn, tổ dân phố có chi hội hoạt động vào ngày tham chiếu, đã ghi nhận tổ chức phong trào trong năm",
            "thôn, buôn, tổ dân phố có vào ngày tham chiếu",
            null,
            "association"),
    ORGANIZATION_CHAPTER_COVERAGE(
            "organization-chapter-coverage",
            "Cơ quan, đơn vị, trường học có chi hội, ban khuyến học tổ chức phong trào",
            "cơ quan, đơn vị có chi hội, ban khuyến học đã ghi nhận tổ chức phong trào trong năm",
            "cơ quan, đơn vị, trường học hoạt động vào ngày tham chiếu",
            null,
            "association"),
    CLAN_CHAPTER_COVERAGE(
            "clan-chapter-coverage",
            "Dòng họ, hội đồng hương, cơ sở tôn giáo có ban khuyến học tổ chức phong trào",
            "dòng họ, hội đồng hương, cơ sở tôn giáo có ban khuyến học đã ghi nhận tổ chức phong trào trong năm",
            "dòng họ, hội đồng hương, cơ sở tôn giáo có vào ngày tham chiếu",
            null,
            "association"),
    OFFICER_POLICY_STUDY(
            "officer-policy-study-coverage",
            "Cán bộ Hội Khuyến học được học tập, quán triệt chủ trương, chính sách về khuyến học",
            "cán bộ hội đã dự ít nhất một buổi học tập, quán triệt trong năm (mỗi người một lần)",
            "cán bộ hội vào ngày tham chiếu",
            null,
            "association"),
    MEMBER_POLICY_STUDY(
            "member-policy-study-coverage",
            "Hội viên Hội Khuyến học được học tập, quán triệt chủ trương, chính sách về khuyến học",
            "hội viên đã dự ít nhất một buổi học tập, quán triệt trong năm (mỗi người một lần)",
            "hội viên vào ngày tham chiếu",
            null,
            "association"),
    LEARNING_FAMILY(
            "learning-family-rate",
            "Hộ gia đình được công nhận Gia đình học tập",
            "hộ có công nhận Gia đình học tập còn hiệu lực vào ngày tham chiếu",
            "hộ gia đình trong sổ vào ngày tham chiếu",
            "hộ đăng ký trong năm",
            "evaluation"),
    LEARNING_CLAN(
            "learning-clan-rate",
            "Dòng họ được công nhận Dòng họ học tập",
            "dòng họ, hội đồng hương, cơ sở tôn giáo có công nhận còn hiệu lực vào ngày tham chiếu",
            "dòng họ, hội đồng hương, cơ sở tôn giáo có vào ngày tham chiếu",
            "đối tượng đăng ký trong năm",
            "evaluation"),
    LEARNING_COMMUNITY(
            "learning-community-rate",
            "Thôn, buôn, tổ dân phố được công nhận Cộng đồng học tập",
            "thôn, buôn, tổ dân phố có công nhận Cộng đồng học tập còn hiệu lực vào ngày tham chiếu",
            "thôn, buôn, tổ dân phố có vào ngày tham chiếu",
            "thôn, buôn, tổ dân phố đăng ký trong năm",
            "evaluation"),
    LEARNING_UNIT(
            "learning-unit-rate",
            "Cơ quan, đơn vị, trường học được công nhận Đơn vị học tập",
            "cơ quan, đơn vị có công nhận Đơn vị học tập (do xã hoặc tỉnh) còn hiệu lực vào ngày tham chiếu",
            "cơ quan, đơn vị, trường học hoạt động vào ngày tham chiếu",
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

    /**
     * The day the indicator is counted on and what counts on it (docs/indicators.md): the same rule for the
     * dashboard, the public statistics, the API and the reports.
     */
    public String rule() {
        String day = "Tính trên hồ sơ như tại ngày tham chiếu: 31/12 với năm đã qua, hôm nay với năm đang diễn ra,"
                + " ngày chốt số liệu với báo cáo (30/6 với báo cáo 6 tháng). ";
        return day
                + switch (this) {
                    case VILLAGE_CHAPTER_COVERAGE, ORGANIZATION_CHAPTER_COVERAGE, CLAN_CHAPTER_COVERAGE ->
                        "Mẫu số: đối tượng đã có và chưa giải thể, đóng cửa vào ngày đó (thôn, cơ quan, dòng họ sáp nhập được"
                                + " tính ở nơi chúng thuộc về vào ngày đó). Tử số: đối tượng có chi hội, ban khuyến học đã"
                                + " thành lập và chưa giải thể vào ngày đó, có ghi nhận tổ chức phong trào của năm. Chi hội giải"
                                + " thể trước ngày tham chiếu không được tính cho năm đó. Năm chưa có ghi nhận phong trào nào:"
                                + " chưa có số liệu.";
                    case OFFICER_POLICY_STUDY, MEMBER_POLICY_STUDY ->
                        "Mẫu số: người có tư cách hội viên (cán bộ hội) vào ngày đó, mỗi người một lần. Tử số: những người đó"
                                + " đã dự ít nhất một buổi học tập, quán triệt trong năm. Chưa ghi nhận ai dự: chưa có số liệu.";
                    default ->
                        "Mẫu số: đối tượng đã có và chưa ngừng theo dõi vào ngày đó. Tử số: đối tượng có quyết định công nhận"
                                + " ký đến ngày đó, của đợt năm đó hoặc đợt trước còn hiệu lực trong năm, chưa bị thu hồi trước"
                                + " ngày đó. Không có đợt đánh giá nào còn hiệu lực: chưa có số liệu.";
                };
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
