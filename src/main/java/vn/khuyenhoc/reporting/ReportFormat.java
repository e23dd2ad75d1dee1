package vn.khuyenhoc.reporting;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.shared.InvalidInputException;

/** The formats offices exchange reports in. */
enum ReportFormat {
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PDF("application/pdf");

    private final String contentType;

    ReportFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ReportFormat of(@Nullable String text) {
        if (text == null || text.isBlank() || "pdf".equalsIgnoreCase(text)) {
            return PDF;
        }
        if ("xlsx".equalsIgnoreCase(text)) {
            return XLSX;
        }
        throw new InvalidInputException("format", "Định dạng “" + text + "” không có: chọn pdf hoặc xlsx.");
    }
}
