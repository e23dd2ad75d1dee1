package vn.khuyenhoc.system;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;
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

    /** A body that is not JSON, or a value of the wrong type ({@code "birthYear": "abc"}), named by its field. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return invalid(unreadableInput(e));
    }

    /** {@code ?year=abc}, {@code ?page=x}, {@code ?status=NOPE} for an enum: named by the parameter. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return invalid(mismatchedParameter(e));
    }

    /** A filter record bound from the query ({@code ?stage=NOPE}, {@code ?chapter=abc}), named by its field. */
    @ExceptionHandler(BindException.class)
    ProblemDetail unbound(BindException e) {
        return invalid(unboundInput(e));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return invalid(missingParameter(e.getParameterName()));
    }

    @ExceptionHandler(org.springframework.web.bind.MissingRequestHeaderException.class)
    ProblemDetail missingHeader(org.springframework.web.bind.MissingRequestHeaderException e) {
        return invalid(new InvalidInputException(
                e.getHeaderName(), "Thiếu tiêu đề “" + e.getHeaderName() + "” trong yêu cầu: hãy gửi kèm nó."));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return invalid(
                new InvalidInputException(e.getRequestPartName(), "Hãy gửi tệp “" + e.getRequestPartName() + "”."));
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Dữ liệu vừa thay đổi", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Không có quyền", forbiddenDetail(e));
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

    /** Our own refusals say in Vietnamese who may do it; Spring Security's own say "Access Denied" in English. */
    static String forbiddenDetail(AccessDeniedException e) {
        String message = e.getMessage();
        return message == null || message.chars().allMatch(c -> c < 128)
                ? "Tài khoản của bạn không được làm việc này."
                : message;
    }

    static InvalidInputException unreadableInput(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = field(mismatch);
            return new InvalidInputException(
                    field,
                    "Trường “" + field + "”: giá trị không đúng kiểu (cần " + expected(mismatch.getTargetType())
                            + ").");
        }
        if (cause instanceof StreamReadException read && read.getLocation() != null) {
            return new InvalidInputException(
                    "body",
                    "Nội dung không phải JSON hợp lệ (dòng "
                            + read.getLocation().getLineNr() + ", cột "
                            + read.getLocation().getColumnNr() + ").");
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = field(jackson);
            return new InvalidInputException(field, "Trường “" + field + "”: giá trị không hợp lệ.");
        }
        return new InvalidInputException("body", "Thiếu nội dung JSON hoặc nội dung không phải JSON hợp lệ.");
    }

    static InvalidInputException mismatchedParameter(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String given = String.valueOf(e.getValue());
        return new InvalidInputException(
                e.getName(),
                "Tham số “" + e.getName() + "”: giá trị “" + shorten(given) + "” không đúng kiểu (cần " + expected(type)
                        + ").");
    }

    static InvalidInputException unboundInput(BindException e) {
        List<FieldProblem> problems = e.getFieldErrors().stream()
                .map(error -> {
                    TypeMismatchException mismatch = error.contains(TypeMismatchException.class)
                            ? error.unwrap(TypeMismatchException.class)
                            : null;
                    return new FieldProblem(
                            error.getField(),
                            "Tham số “" + error.getField() + "”: giá trị “"
                                    + shorten(String.valueOf(error.getRejectedValue())) + "” không đúng kiểu (cần "
                                    + expected(mismatch == null ? null : mismatch.getRequiredType()) + ").");
                })
                .toList();
        return problems.isEmpty()
                ? new InvalidInputException("query", "Tham số không hợp lệ.")
                : new InvalidInputException(problems);
    }

    static InvalidInputException missingParameter(String name) {
        return new InvalidInputException(name, "Thiếu tham số “" + name + "”.");
    }

    /** {@code members[0].birthYear} from the path Jackson kept. */
    private static String field(JacksonException e) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "giá trị khác";
        }
        if (type.isEnum()) {
            return "một trong: "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .collect(Collectors.joining(", "));
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true hoặc false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "số";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "chuỗi";
        }
        if (type == LocalDate.class) {
            return "ngày dạng năm-tháng-ngày, ví dụ 2025-12-31";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "ngày giờ ISO 8601";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "danh sách";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "đối tượng";
        }
        return "giá trị khác";
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
