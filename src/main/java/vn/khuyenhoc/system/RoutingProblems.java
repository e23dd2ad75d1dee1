package vn.khuyenhoc.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests that reach no controller (an unknown address, a method or a content type the address does not take): the
 * advice of the API and of the pages apply to their controllers only, so without this Spring answered in English.
 * The API gets a problem detail, a page the error page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // before Boot's English problem details (spring.mvc.problemdetails)
class RoutingProblems {

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        return answer(
                request,
                response,
                HttpStatus.NOT_FOUND,
                "Không tìm thấy",
                "Địa chỉ này không có, hoặc nằm ngoài phạm vi của bạn.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView method(
            HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response) {
        if (e.getSupportedHttpMethods() != null && !e.getSupportedHttpMethods().isEmpty()) {
            response.setHeader(
                    "Allow",
                    String.join(
                            ", ",
                            e.getSupportedHttpMethods().stream()
                                    .map(Object::toString)
                                    .toList()));
        }
        return answer(
                request,
                response,
                HttpStatus.METHOD_NOT_ALLOWED,
                "Không hỗ trợ",
                "Địa chỉ này không nhận phương thức " + e.getMethod() + ".");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ModelAndView contentType(HttpServletRequest request, HttpServletResponse response) {
        return answer(
                request,
                response,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Sai kiểu dữ liệu",
                "Hãy gửi dữ liệu JSON (Content-Type: application/json) hoặc tệp (multipart/form-data) như tài liệu API.");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ModelAndView acceptable(HttpServletRequest request, HttpServletResponse response) {
        return answer(
                request,
                response,
                HttpStatus.NOT_ACCEPTABLE,
                "Không có định dạng này",
                "Địa chỉ này trả về JSON (hoặc tệp theo tham số format); hãy bỏ tiêu đề Accept hoặc dùng application/json.");
    }

    private static ModelAndView answer(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setStatus(status.value());
            try {
                ShortAnswers.writeProblem(response, title, detail);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new ModelAndView();
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("me", LayoutAttributes.current());
        page.addObject("nav", LayoutAttributes.navigation(request));
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("detail", detail);
        return page;
    }
}
