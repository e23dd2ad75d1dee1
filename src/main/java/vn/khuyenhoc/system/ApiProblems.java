package vn.khuyenhoc.system;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.NotFoundException;

/** Errors of the JSON API as RFC 9457 problem details, in Vietnamese. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Không tìm thấy", e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Dữ liệu không hợp lệ", e.getMessage());
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Dữ liệu vừa thay đổi", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        // our own refusals say in Vietnamese who may do it; Spring Security's own say "Access Denied"
        String detail = e.getMessage() == null || e.getMessage().startsWith("Access Denied")
                ? "Tài khoản của bạn không được làm việc này."
                : e.getMessage();
        return problem(HttpStatus.FORBIDDEN, "Không có quyền", detail);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge() {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Tệp quá lớn", "Tệp tải lên tối đa 20 MB.");
    }

    /**
     * Races (a stale version, a duplicate saved a moment earlier) answer 409 naming the record; a database that is busy
     * or unreachable answers 503 with Retry-After. Anything else is a defect and stays a 500.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> database(Exception e) throws Exception {
        Failure failure = Failure.of(e).orElseThrow(() -> e);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(failure.status());
        if (failure.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(Failure.RETRY_AFTER_SECONDS));
        }
        return answer.body(problem(failure.status(), failure.title(), failure.detail()));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
