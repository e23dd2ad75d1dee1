package vn.khuyenhoc.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** How dates read in Vietnamese documents. */
final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Dates() {}

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** “ngày 05 tháng 12 năm 2025”, as a decision is dated. */
    static String spelled(LocalDate date) {
        return "ngày " + String.format("%02d", date.getDayOfMonth()) + " tháng "
                + String.format("%02d", date.getMonthValue()) + " năm " + date.getYear();
    }
}
