package vn.khuyenhoc.reporting;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The reports the offices produce (domain guide §7). */
enum ReportKind {
    ASSOCIATION_SIX_MONTH(
            "association-six-month",
            "Báo cáo sơ kết 6 tháng đầu năm công tác khuyến học, khuyến tài, xây dựng xã hội học tập"),
    ASSOCIATION_ANNUAL(
            "association-annual", "Báo cáo tổng kết năm công tác khuyến học, khuyến tài, xây dựng xã hội học tập"),
    MODELS_ANNUAL("models-annual", "Báo cáo kết quả xây dựng các mô hình học tập năm"),
    MIDTERM_2025(
            "midterm-2025",
            "Báo cáo sơ kết giai đoạn 2021–2025 thực hiện Đề án theo Quyết định 387/QĐ-TTg và Kế hoạch 102/KH-UBND"),
    FINAL_2030(
            "final-2030",
            "Báo cáo tổng kết giai đoạn 2021–2030 thực hiện Đề án theo Quyết định 387/QĐ-TTg và Kế hoạch 102/KH-UBND");

    private final String code;
    private final String title;

    ReportKind(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
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
