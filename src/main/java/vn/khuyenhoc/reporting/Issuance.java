package vn.khuyenhoc.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * How one report is issued: its number and symbol ("15/BC-KH"), its date, and who issues and signs it and to whom it
 * goes. A report is issued by a named signer; without a number the line keeps its blank for the number given on
 * registering the outgoing document ("Số:      /BC-KH").
 */
record Issuance(@Nullable String number, String symbol, LocalDate date, ReportIssuer issuer) {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,6}/[\\p{L}\\d.-]{1,24}");

    /** "Số: 15/BC-KH", or "Số:      /BC-KH" without a number. */
    public String numberLine() {
        // no-break spaces: the blank left for the number must survive HTML's collapsing of white space
        return number == null ? "Số:" + "\u00a0".repeat(12) + "/" + symbol : "Số: " + number;
    }

    /** "Ea Kao, ngày 05 tháng 12 năm 2026" (NĐ 30: days below 10 and months below 3 take a leading zero). */
    public String dateline() {
        int month = date.getMonthValue();
        return issuer.place() + ", ngày " + String.format("%02d", date.getDayOfMonth()) + " tháng "
                + (month < 3 ? "0" + month : String.valueOf(month)) + " năm " + date.getYear();
    }

    /** The ordinary symbol of a report of this kind: the association's "BC-KH", a People's Committee's "BC-UBND". */
    static String symbolOf(ReportKind kind) {
        return kind.issuer() == ReportKind.Issuer.ASSOCIATION ? "BC-KH" : "BC-UBND";
    }

    /**
     * The report's issuance from what was asked for over the defaults of its kind and locality; every problem is named
     * by its field: a number written as "15/BC-KH", a date as 2026-12-05 or 05/12/2026 and not after today, a signer.
     */
    static Issuance of(
            ReportKind kind,
            ReportIssuer defaults,
            @Nullable String number,
            @Nullable String date,
            @Nullable String issuingBody,
            @Nullable String superiorBody,
            @Nullable String place,
            @Nullable String signerTitle,
            @Nullable String signerName,
            @Nullable List<String> recipients,
            LocalDate today) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        String cleanNumber = VietnameseText.cleanOrEmpty(number).replace(" ", "");
        if (!cleanNumber.isEmpty() && !NUMBER.matcher(cleanNumber).matches()) {
            problems.add(new InvalidInputException.FieldProblem(
                    "number", "Số, ký hiệu: viết như 15/BC-KH (số, dấu /, ký hiệu; tối đa 6 chữ số)."));
        }
        LocalDate day = today;
        String cleanDate = VietnameseText.cleanOrEmpty(date);
        if (!cleanDate.isEmpty()) {
            try {
                day = cleanDate.contains("/")
                        ? LocalDate.parse(cleanDate, DateTimeFormatter.ofPattern("d/M/uuuu"))
                        : LocalDate.parse(cleanDate);
                if (day.isAfter(today)) {
                    problems.add(new InvalidInputException.FieldProblem(
                            "date",
                            "Ngày báo cáo " + day.format(ReportPeriod.DAY) + " ở sau hôm nay: báo cáo không ghi ngày"
                                    + " trong tương lai."));
                } else if (day.getYear() < ProgrammeYear.FIRST) {
                    problems.add(new InvalidInputException.FieldProblem(
                            "date", "Ngày báo cáo phải từ năm " + ProgrammeYear.FIRST + "."));
                }
            } catch (DateTimeParseException e) {
                problems.add(new InvalidInputException.FieldProblem(
                        "date", "Ngày báo cáo: viết như 2026-12-05 hoặc 05/12/2026."));
            }
        }
        ReportIssuer issuer = ReportIssuer.of(
                defaults, issuingBody, superiorBody, place, signerTitle, signerName, recipients, problems);
        if (issuer.signerName().isEmpty()) {
            problems.add(new InvalidInputException.FieldProblem(
                    "signerName", "Người ký: nhập họ và tên người ký báo cáo (báo cáo ban hành phải có người ký)."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Issuance(cleanNumber.isEmpty() ? null : cleanNumber, symbolOf(kind), day, issuer);
    }
}
