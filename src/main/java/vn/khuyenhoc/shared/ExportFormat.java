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

    /** Prepares a download: content type and a file name made of {@code baseName} and this format's extension. */
    public void attach(jakarta.servlet.http.HttpServletResponse response, String baseName) {
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + baseName + "." + extension() + "\"");
    }

    public static ExportFormat of(@Nullable String text) {
        return "csv".equalsIgnoreCase(text) ? CSV : XLSX;
    }
}
