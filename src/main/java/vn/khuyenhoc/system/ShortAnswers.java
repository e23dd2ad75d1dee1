package vn.khuyenhoc.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.util.HtmlUtils;

/**
 * What is said outside Spring MVC's views (filters, security entry points, the container's error valve): an RFC 9457
 * problem detail for the API and the open-data files, a short Vietnamese page otherwise. One place, so that the five
 * writers of these answers cannot drift apart in format or escaping.
 */
final class ShortAnswers {

    private ShortAnswers() {}

    /** Whether the answer at {@code path} (without the context path) is JSON: the API and the open-data files. */
    static boolean json(String path) {
        return path.startsWith("/api/") || path.endsWith(".json") || path.endsWith(".csv");
    }

    /** The status is set by the caller, with any header; this writes the body of the kind the request expects. */
    static void write(HttpServletRequest request, HttpServletResponse response, String title, String detail)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (json(path)) {
            writeProblem(response, title, detail);
        } else {
            response.setCharacterEncoding("UTF-8");
            response.setContentType("text/html");
            response.getWriter().write(page(title, detail, "<p><a href=\"\">Thử lại</a></p>"));
        }
    }

    static void writeProblem(HttpServletResponse response, String title, String detail) throws IOException {
        response.setCharacterEncoding("UTF-8");
        response.setContentType("application/problem+json");
        response.getWriter().write(problem(response.getStatus(), title, detail));
    }

    static String problem(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + escapeJson(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + escapeJson(detail) + "\"}";
    }

    /** A page on its own (no layout, no session): {@code extra} is trusted HTML added after the detail. */
    static String page(String title, String detail, String extra) {
        return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlUtils.htmlEscape(title, "UTF-8") + "</title></head><body><main><h1>"
                + HtmlUtils.htmlEscape(title, "UTF-8") + "</h1><p>" + HtmlUtils.htmlEscape(detail, "UTF-8") + "</p>"
                + extra
                + "</main></body></html>";
    }

    private static String escapeJson(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
