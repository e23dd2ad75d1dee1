package vn.khuyenhoc.shared;

import java.util.List;

/** Input that breaks a rule; each error names the field it concerns and says in Vietnamese what is wrong. */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream()
                .map(FieldProblem::message)
                .reduce((a, b) -> a + "; " + b)
                .orElse("Dữ liệu không hợp lệ"));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The same problems with a field renamed: a service names the page's field, an API body calls it otherwise. */
    public InvalidInputException renamed(String field, String as) {
        return new InvalidInputException(problems.stream()
                .map(p -> p.field().equals(field) ? new FieldProblem(as, p.message()) : p)
                .toList());
    }

    /** Serializable: flash attributes carry problems across a redirect in the session, which is stored in the database. */
    public record FieldProblem(String field, String message) implements java.io.Serializable {}
}
