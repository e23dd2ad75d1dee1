package vn.khuyenhoc.reporting;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.ProgrammeYear;

/**
 * The span a report covers and the date its figures are counted on (every figure as of its date): the six-month report
 * 1/1–30/6 as of 30/6, made from 1 July on; the yearly reports the year as of 31/12, or as of the report's date in the
 * current year; the mid-term review always 2021–2025 and the final review 2021–2030, each year of their series as of
 * its own reference date (31/12, or the report's date for a year not yet over).
 *
 * @param series the years whose figures the report shows, each with the date it is counted on; the last is the
 *     report's own figures
 */
record ReportPeriod(LocalDate from, LocalDate to, List<YearAsOf> series, String text, String label, boolean formerMap) {

    private static final int LAST_FORMER_YEAR = 2025;

    ReportPeriod(LocalDate from, LocalDate to, List<YearAsOf> series, String text, String label) {
        this(from, to, series, text, label, false);
    }

    /**
     * The same period shown on the map before 1/7/2025 ({@code map=2024}): by former district or commune, with the
     * figures reported for them; refused naming {@code map} when the period reaches past 2025.
     */
    ReportPeriod onFormerMap() {
        if (year() > LAST_FORMER_YEAR) {
            throw new vn.khuyenhoc.shared.InvalidInputException(
                    "map",
                    "Bản đồ hành chính trước 01/7/2025 chỉ dùng cho báo cáo các năm đến " + LAST_FORMER_YEAR + "; "
                            + label + " vượt quá năm đó.");
        }
        return new ReportPeriod(from, to, series, text + ", theo đơn vị hành chính trước ngày 01/7/2025", label, true);
    }

    /** {@code map=2024} asks for the former map, {@code 2025} or nothing for today's; anything else is refused. */
    ReportPeriod onMap(@Nullable String map) {
        String given = map == null ? "" : map.strip();
        if (given.isEmpty() || given.equals("2025")) {
            return this;
        }
        if (given.equals("2024")) {
            return onFormerMap();
        }
        throw new vn.khuyenhoc.shared.InvalidInputException(
                "map", "Bản đồ “" + given + "” không hợp lệ: 2024 (trước 01/7/2025) hoặc 2025 (hiện nay).");
    }

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final MonthDay FIRST_HALF_ENDS = MonthDay.of(6, 30);
    private static final int MIDTERM_END = 2025;
    private static final int FINAL_END = 2030;

    /** A year of a report's series and the date its figures are counted on. */
    record YearAsOf(int year, LocalDate asOf) {

        /** "2026 (đến 30/11)" for a year counted before its end, else "2026". */
        String label() {
            return asOf.equals(LocalDate.of(year, 12, 31))
                    ? String.valueOf(year)
                    : year + " (đến " + asOf.format(DateTimeFormatter.ofPattern("dd/MM")) + ")";
        }
    }

    /** The last year of the series: the year of the report's own figures. */
    int year() {
        return series.get(series.size() - 1).year();
    }

    /** The date the report's own figures are counted on. */
    LocalDate asOf() {
        return series.get(series.size() - 1).asOf();
    }

    /**
     * The period of a report of this kind dated {@code date}; {@code year} chooses the year of a six-month or yearly
     * report (by default the latest one that can be made on that date) and is refused for the reviews unless it is
     * their milestone, since their period is fixed.
     */
    static ReportPeriod of(ReportKind kind, @Nullable Integer year, LocalDate date) {
        return switch (kind) {
            case ASSOCIATION_SIX_MONTH -> sixMonth(year == null ? latestSixMonthYear(date) : year, date);
            case ASSOCIATION_ANNUAL, MODELS_ANNUAL -> annual(year == null ? date.getYear() : year, date);
            case MIDTERM_2025, FINAL_2030 -> review(kind, year, date);
        };
    }

    /** The years a report of this kind can be made for on {@code today}, newest first (the reviews: none to choose). */
    static List<Integer> yearsOffered(ReportKind kind, LocalDate today) {
        int last = switch (kind) {
            case ASSOCIATION_SIX_MONTH -> latestSixMonthYear(today);
            case ASSOCIATION_ANNUAL, MODELS_ANNUAL -> today.getYear();
            case MIDTERM_2025, FINAL_2030 -> ProgrammeYear.FIRST - 1;
        };
        return IntStream.iterate(Math.min(last, ProgrammeYear.current()), y -> y >= ProgrammeYear.FIRST, y -> y - 1)
                .boxed()
                .toList();
    }

    private static int latestSixMonthYear(LocalDate date) {
        return date.isBefore(LocalDate.of(date.getYear(), 7, 1)) ? date.getYear() - 1 : date.getYear();
    }

    private static ReportPeriod sixMonth(int year, LocalDate date) {
        ProgrammeYear.check(year, "year");
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = FIRST_HALF_ENDS.atYear(year);
        if (!date.isAfter(to)) {
            throw new InvalidInputException(
                    "year",
                    "Báo cáo sơ kết 6 tháng đầu năm " + year + " (từ ngày " + from.format(DAY) + " đến ngày "
                            + to.format(DAY) + ") chỉ lập được từ ngày 01/07/" + year + "; ngày báo cáo là "
                            + date.format(DAY) + ".");
        }
        return new ReportPeriod(
                from,
                to,
                List.of(new YearAsOf(year, to)),
                "6 tháng đầu năm " + year + ", từ ngày " + from.format(DAY) + " đến ngày " + to.format(DAY)
                        + " (số liệu tính đến ngày " + to.format(DAY) + ")",
                "6 tháng đầu năm " + year);
    }

    private static ReportPeriod annual(int year, LocalDate date) {
        ProgrammeYear.check(year, "year");
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        if (date.isBefore(from)) {
            throw new InvalidInputException(
                    "date", "Ngày báo cáo " + date.format(DAY) + " ở trước năm báo cáo " + year + ".");
        }
        LocalDate to = date.isBefore(end) ? date : end;
        String text = "năm " + year + ", từ ngày " + from.format(DAY) + " đến ngày " + to.format(DAY)
                + (to.equals(end) ? "" : ", ngày lập báo cáo") + " (số liệu tính đến ngày " + to.format(DAY) + ")";
        return new ReportPeriod(from, to, List.of(new YearAsOf(year, to)), text, "năm " + year);
    }

    private static ReportPeriod review(ReportKind kind, @Nullable Integer year, LocalDate date) {
        int end = kind == ReportKind.MIDTERM_2025 ? MIDTERM_END : FINAL_END;
        String span = ProgrammeYear.FIRST + "–" + end;
        if (year != null && year != end) {
            throw new InvalidInputException(
                    "year",
                    "Báo cáo " + (end == MIDTERM_END ? "sơ kết" : "tổng kết") + " luôn là giai đoạn " + span
                            + ": bỏ trống năm (hoặc chọn " + end + "), không chọn năm " + year + ".");
        }
        LocalDate from = LocalDate.of(ProgrammeYear.FIRST, 1, 1);
        LocalDate last = LocalDate.of(end, 12, 31);
        LocalDate to = date.isBefore(last) ? date : last;
        List<YearAsOf> series = IntStream.rangeClosed(ProgrammeYear.FIRST, to.getYear())
                .mapToObj(y -> new YearAsOf(y, y == to.getYear() ? to : LocalDate.of(y, 12, 31)))
                .toList();
        String text = "giai đoạn " + span + ", từ ngày " + from.format(DAY) + " đến ngày " + last.format(DAY)
                + (to.equals(last)
                        ? " (số liệu mỗi năm tính đến ngày 31/12 của năm đó)"
                        : " (số liệu đến ngày lập báo cáo " + to.format(DAY)
                                + "; mỗi năm đã qua tính đến ngày 31/12 của năm đó)");
        return new ReportPeriod(from, to, series, text, "giai đoạn " + span);
    }
}
