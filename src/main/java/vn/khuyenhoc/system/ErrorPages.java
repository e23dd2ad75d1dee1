package vn.khuyenhoc.system;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.NotFoundException;

/** Errors on pages: a Vietnamese page with the right status; the API has its own problem details. */
@ControllerAdvice(annotations = Controller.class)
// after ApiProblems (a @RestController is a @Controller too), before Spring Boot's problem details for pages
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ErrorPages {

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, HttpServletResponse response, Model model) {
        return page(response, model, HttpStatus.NOT_FOUND, "Không tìm thấy", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    String forbidden(AccessDeniedException e, HttpServletResponse response, Model model) {
        return page(response, model, HttpStatus.FORBIDDEN, "Không có quyền", ApiProblems.forbiddenDetail(e));
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException e, HttpServletResponse response, Model model) {
        return page(response, model, HttpStatus.CONFLICT, "Dữ liệu vừa thay đổi", e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, HttpServletResponse response, Model model) {
        return page(response, model, HttpStatus.BAD_REQUEST, "Dữ liệu không hợp lệ", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String mismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response, Model model) {
        return invalid(ApiProblems.mismatchedParameter(e), response, model);
    }

    @ExceptionHandler(BindException.class)
    String unbound(BindException e, HttpServletResponse response, Model model) {
        return invalid(ApiProblems.unboundInput(e), response, model);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String missing(MissingServletRequestParameterException e, HttpServletResponse response, Model model) {
        return invalid(ApiProblems.missingParameter(e.getParameterName()), response, model);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletResponse response, Model model) {
        return page(response, model, HttpStatus.CONTENT_TOO_LARGE, "Tệp quá lớn", "Tệp tải lên tối đa 20 MB.");
    }

    /** Races answer 409 naming the record; a busy or unreachable database 503 with Retry-After. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    String database(Exception e, HttpServletResponse response, Model model) throws Exception {
        Failure failure = Failure.of(e).orElseThrow(() -> e);
        if (failure.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Failure.RETRY_AFTER_SECONDS));
        }
        return page(response, model, failure.status(), failure.title(), failure.detail());
    }

    private static String page(
            HttpServletResponse response, Model model, HttpStatus status, String title, String detail) {
        response.setStatus(status.value());
        model.addAttribute("me", LayoutAttributes.current());
        model.addAttribute("nav", Navigation.of(LayoutAttributes.current(), null));
        model.addAttribute("status", status.value());
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "error";
    }
}
