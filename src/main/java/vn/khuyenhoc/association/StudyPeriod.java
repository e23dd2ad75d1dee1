package vn.khuyenhoc.association;

import java.time.LocalDate;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.ProgrammeYear;

/**
 * The period a policy-study figure covers: a calendar year, or a stage of the plan (2021–2025, 2026–2030). Members
 * are counted as they stood at the end of the period, or today while the period runs.
 */
public record StudyPeriod(LocalDate from, LocalDate to, String code, String label) {

    public static StudyPeriod year(int year) {
        return new StudyPeriod(
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), String.valueOf(year), "Năm " + year);
    }

    /**
     * The period cut at a day inside it (a report's cut date): members are counted on that day. Attendance is kept by
     * whole years ({@code studied_years}), so sessions later in the cut year still count in the numerator.
     */
    public StudyPeriod until(LocalDate cut) {
        return cut.isBefore(to) ? new StudyPeriod(from, cut, code, label) : this;
    }

    /** "2025", "2021-2025" or "2026-2030"; anything else is refused naming the field {@code period}. */
    public static StudyPeriod parse(String text, int defaultYear) {
        String code = text == null ? "" : text.strip();
        if (code.isEmpty()) {
            code = String.valueOf(defaultYear);
        }
        switch (code) {
            case "2021-2025" -> {
                return new StudyPeriod(
                        LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31), code, "Giai đoạn 2021–2025");
            }
            case "2026-2030" -> {
                return new StudyPeriod(
                        LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31), code, "Giai đoạn 2026–2030");
            }
            default -> {
                if (code.matches("\\d{4}")) {
                    int year = Integer.parseInt(code);
                    if (ProgrammeYear.contains(year)) {
                        return year(year);
                    }
                }
                throw new InvalidInputException(
                        "period",
                        "Kỳ phải là một năm từ " + ProgrammeYear.FIRST + " đến " + ProgrammeYear.current()
                                + ", hoặc 2021-2025, 2026-2030.");
            }
        }
    }

    /** The period's years as the bits of {@code members.studied_years}: bit 0 is 2021. */
    public int yearMask() {
        int mask = 0;
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            mask |= 1 << (year - ProgrammeYear.FIRST);
        }
        return mask;
    }

    /** The day members are counted on: the end of the period, or today if it has not ended. */
    public LocalDate reference() {
        LocalDate today = LocalDate.now();
        return to.isAfter(today) ? today : to;
    }
}
