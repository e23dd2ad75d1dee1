package vn.khuyenhoc.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, before the application sees the request (a request line or headers larger than
 * {@code server.max-http-request-header-size}, a malformed URL): a short Vietnamese message instead of Tomcat's
 * English HTML page, as a problem detail for the API. Runs after Spring Boot's own customizer, whose plain
 * {@link ErrorReportValve} it replaces.
 */
@Component
class TomcatErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // the host adds a valve of this class when it starts unless one is there: ours, then
                host.setErrorReportValveClass(ShortReport.class.getName());
                Pipeline pipeline = host.getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                pipeline.addValve(new ShortReport());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    public static class ShortReport extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, @Nullable Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String detail = status == 400
                    ? "Yêu cầu không hợp lệ: địa chỉ hoặc phần đầu yêu cầu quá dài hay sai định dạng."
                    : status == 413 ? "Yêu cầu quá lớn." : "Máy chủ không xử lý được yêu cầu này (mã " + status + ").";
            // the raw path, as far as Tomcat read it: unknown when the request line itself was too long
            String uri = request.getCoyoteRequest().requestURI().toString();
            boolean api = uri != null && uri.startsWith("/api/");
            try {
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setContentType(api ? "application/problem+json" : "text/html");
                Writer writer = response.getReporter();
                if (writer == null) {
                    return;
                }
                writer.write(
                        api
                                ? ShortAnswers.problem(status, "Yêu cầu không hợp lệ", detail)
                                : ShortAnswers.page("Lỗi " + status, detail, "<p><a href=\"/\">Về trang chủ</a></p>"));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the response already started: nothing more can be said
            }
        }
    }
}
