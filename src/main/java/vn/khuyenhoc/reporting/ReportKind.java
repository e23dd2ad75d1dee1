package vn.khuyenhoc.reporting;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The reports the offices produce (domain guide §7), each with who issues it. */
enum ReportKind {
    ASSOCIATION_SIX_MONTH(
            "association-six-month",
            "Báo cáo sơ kết 6 tháng đầu năm công tác khuyến học, khuyến tài, xây dựng xã hội học tập",
            Issuer.ASSOCIATION,
            "bao-cao-6-thang"),
    ASSOCIATION_ANNUAL(
            "association-annual",
            "Báo cáo tổng kết năm công tác khuyến học, khuyến tài, xây dựng xã hội học tập",
            Issuer.ASSOCIATION,
            "bao-cao-tong-ket-nam"),
    MODELS_ANNUAL(
            "models-annual",
            "Báo cáo kết quả xây dựng các mô hình học tập năm",
            Issuer.PEOPLES_COMMITTEE,
            "bao-cao-mo-hinh-hoc-tap-nam"),
    MIDTERM_2025(
            "midterm-2025",
            "Báo cáo sơ kết giai đoạn 2021–2025 thực hiện Chương trình theo Quyết định 387/QĐ-TTg"
                    + " và Kế hoạch 102/KH-UBND",
            Issuer.PEOPLES_COMMITTEE,
            "bao-cao-so-ket"),
    FINAL_2030(
            "final-2030",
            "Báo cáo tổng kết giai đoạn 2021–2030 thực hiện Chương trình theo Quyết định 387/QĐ-TTg"
                    + " và Kế hoạch 102/KH-UBND",
            Issuer.PEOPLES_COMMITTEE,
            "bao-cao-tong-ket");

    /**
     * Who issues a kind by default: the association's own reports go out under its standing committee; the review of
     * the learning models and the reviews of the programme under the People's Committee (a province may name another
     * body in the report's defaults).
     */
    enum Issuer {
        ASSOCIATION,
        PEOPLES_COMMITTEE
    }

    private final String code;
    private final String title;
    private final Issuer issuer;
    private final String fileBase;

    ReportKind(String code, String title, Issuer issuer, String fileBase) {
        this.code = code;
        this.title = title;
        this.issuer = issuer;
        this.fileBase = fileBase;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    Issuer issuer() {
        return issuer;
    }

    /** The start of the file name, in Vietnamese without diacritics: {@code bao-cao-6-thang}. */
    String fileBase() {
        return fileBase;
    }

    /** The milestone a review measures against (2025 or 2030), or none for the yearly reports. */
    @Nullable
    Integer milestone() {
        return switch (this) {
            case MIDTERM_2025 -> 2025;
            case FINAL_2030 -> 2030;
            default -> null;
        };
    }

    static Optional<ReportKind> of(@Nullable String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
