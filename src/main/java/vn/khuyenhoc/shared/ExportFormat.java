package vn.khuyenhoc.shared;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The formats a list can be exported in. */
public enum ExportFormat {
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("text/csv;charset=UTF-8");

    private final String contentType;

    ExportFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExportFormat of(@Nullable String text) {
        return "csv".equalsIgnoreCase(text) ? CSV : XLSX;
    }
}
