package vn.khuyenhoc.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;

/**
 * The days a record existed: from {@code start} (null: before the records begin) to {@code end} (null: still there).
 * The date rules every registry shares live here so that each says them the same way: no date in the future, the end
 * not before the start, and a record only attached to a place or a host on days when that one existed.
 */
public record Lifespan(@Nullable LocalDate start, @Nullable LocalDate end) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The dates of a form, each checked: none after today and the end not before the start. */
    public static Lifespan checked(
            List<FieldProblem> problems,
            String startField,
            String startLabel,
            @Nullable LocalDate start,
            String endField,
            String endLabel,
            @Nullable LocalDate end) {
        LocalDate today = LocalDate.now();
        if (start != null && start.isAfter(today)) {
            problems.add(new FieldProblem(startField, startLabel + " (" + day(start) + ") không được sau hôm nay."));
        }
        if (end != null && end.isAfter(today)) {
            problems.add(new FieldProblem(endField, endLabel + " (" + day(end) + ") không được sau hôm nay."));
        }
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(new FieldProblem(
                    endField,
                    endLabel + " (" + day(end) + ") không được trước " + lower(startLabel) + " (" + day(start) + ")."));
        }
        return new Lifespan(start, end);
    }

    /**
     * Adds a problem on {@code field} when this record begins on a day {@code other} (a village, an organization, a
     * clan, a chapter) did not exist: before it began, or after it ended.
     */
    public void requireWithin(
            List<FieldProblem> problems, String field, String label, Lifespan other, String otherName) {
        if (start == null) {
            return;
        }
        if (other.start != null && start.isBefore(other.start)) {
            problems.add(new FieldProblem(
                    field,
                    label + " (" + day(start) + ") trước ngày " + otherName + " bắt đầu có (" + day(other.start)
                            + ")."));
        } else if (other.end != null && start.isAfter(other.end)) {
            problems.add(new FieldProblem(
                    field,
                    label + " (" + day(start) + ") sau ngày " + otherName + " không còn (" + day(other.end) + ")."));
        }
    }

    /** Whether this record still exists after {@code other} ended (it must end by then). */
    public boolean outlives(Lifespan other) {
        return other.end != null && (end == null || end.isAfter(other.end));
    }

    /** Whether this record began before {@code other} did. */
    public boolean begunBefore(Lifespan other) {
        return start != null && other.start != null && start.isBefore(other.start);
    }

    public static String day(LocalDate date) {
        return date.format(DAY);
    }

    private static String lower(String label) {
        return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
