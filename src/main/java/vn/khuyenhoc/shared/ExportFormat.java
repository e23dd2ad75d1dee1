package vn.khuyenhoc.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
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
    public void attach(HttpServletResponse response, String baseName) {
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + baseName + "." + extension() + "\"");
    }

    /**
     * The response's body as a download of this format: the content type and the file name are set when the first
     * byte is written, so that an export refused before (a locality outside the scope, a bad filter) answers its
     * error page or problem, not an attachment.
     */
    public OutputStream download(HttpServletResponse response, String baseName) {
        return new OutputStream() {
            private @Nullable OutputStream body;

            private OutputStream body() throws IOException {
                if (body == null) {
                    attach(response, baseName);
                    body = response.getOutputStream();
                }
                return body;
            }

            @Override
            public void write(int b) throws IOException {
                body().write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                body().write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                if (body != null) {
                    body.flush();
                }
            }

            @Override
            public void close() throws IOException {
                if (body != null) {
                    body.close();
                }
            }
        };
    }

    /** XLSX unless CSV is asked for; any other name is refused naming the parameter {@code format}. */
    public static ExportFormat of(@Nullable String text) {
        String chosen = RegistryFilter.oneOf("format", text, List.of("xlsx", "csv"));
        return "csv".equals(chosen) ? CSV : XLSX;
    }
}
