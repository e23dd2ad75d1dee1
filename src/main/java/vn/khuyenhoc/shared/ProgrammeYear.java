package vn.khuyenhoc.shared;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The years records and figures are kept for: from the start of the programme QĐ 387/QĐ-TTg (2021) to this year.
 */
public final class ProgrammeYear {

    public static final int FIRST = 2021;

    private ProgrammeYear() {}

    public static int current() {
        return Year.now().getValue();
    }

    public static boolean contains(int year) {
        return year >= FIRST && year <= current();
    }

    /** "Năm phải từ 2021 đến 2026." with the field's own label in front. */
    public static String rangeMessage(String label) {
        return label + " phải từ " + FIRST + " đến " + current() + ".";
    }

    /** The year asked for, or this year; a year outside the programme is refused naming the field. */
    public static int check(@Nullable Integer year, String field) {
        int chosen = year == null ? current() : year;
        if (!contains(chosen)) {
            throw new InvalidInputException(field, rangeMessage("Năm"));
        }
        return chosen;
    }

    /**
     * The day a year's figures are counted on: the last day of a year that has ended, today for the current year
     * (a figure is never counted on a day that has not come yet).
     */
    public static LocalDate referenceDate(int year) {
        LocalDate today = LocalDate.now();
        LocalDate end = LocalDate.of(year, 12, 31);
        return end.isAfter(today) ? today : end;
    }

    /** The day asked for, but never after the year's own reference day (a report's cut date inside the year). */
    public static LocalDate referenceDate(int year, LocalDate cut) {
        LocalDate reference = referenceDate(year);
        return cut.isBefore(reference) ? cut : reference;
    }

    /** Every year of the programme so far, this year first (for a year picker). */
    public static List<Integer> newestFirst() {
        return IntStream.iterate(current(), y -> y >= FIRST, y -> y - 1).boxed().toList();
    }

    /** Every year of the programme so far, in order. */
    public static List<Integer> oldestFirst() {
        return IntStream.rangeClosed(FIRST, current()).boxed().toList();
    }
}
