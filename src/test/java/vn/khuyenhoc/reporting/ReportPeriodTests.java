package vn.khuyenhoc.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.khuyenhoc.shared.InvalidInputException;

/** The periods reports cover and the dates their figures are counted on. */
class ReportPeriodTests {

    @Test
    void theSixMonthReportIsRefusedBeforeJuly() {
        assertThatThrownBy(() -> ReportPeriod.of(ReportKind.ASSOCIATION_SIX_MONTH, 2026, LocalDate.of(2026, 6, 30)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("chỉ lập được từ ngày 01/07/2026");
    }

    @Test
    void theSixMonthReportCoversTheFirstHalfAsOfThirtiethOfJune() {
        ReportPeriod period = ReportPeriod.of(ReportKind.ASSOCIATION_SIX_MONTH, 2026, LocalDate.of(2026, 11, 30));
        assertThat(period.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(period.asOf()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(period.text())
                .isEqualTo("6 tháng đầu năm 2026, từ ngày 01/01/2026 đến ngày 30/06/2026"
                        + " (số liệu tính đến ngày 30/06/2026)");
    }

    @Test
    void theSixMonthReportIsOfferedForAYearOnlyFromItsJuly() {
        assertThat(ReportPeriod.yearsOffered(ReportKind.ASSOCIATION_SIX_MONTH, LocalDate.of(2026, 6, 30)))
                .first()
                .isEqualTo(2025);
        assertThat(ReportPeriod.yearsOffered(ReportKind.ASSOCIATION_SIX_MONTH, LocalDate.of(2026, 7, 1)))
                .first()
                .isEqualTo(2026);
        assertThat(ReportPeriod.of(ReportKind.ASSOCIATION_SIX_MONTH, null, LocalDate.of(2026, 3, 2))
                        .year())
                .isEqualTo(2025);
    }

    @Test
    void theAnnualReportOfTheCurrentYearIsAsOfTheReportDate() {
        ReportPeriod current = ReportPeriod.of(ReportKind.ASSOCIATION_ANNUAL, 2026, LocalDate.of(2026, 11, 30));
        assertThat(current.asOf()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(current.text()).contains("đến ngày 30/11/2026, ngày lập báo cáo");
        ReportPeriod past = ReportPeriod.of(ReportKind.MODELS_ANNUAL, 2024, LocalDate.of(2026, 11, 30));
        assertThat(past.asOf()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void theMidTermReviewIsAlways2021To2025() {
        ReportPeriod period = ReportPeriod.of(ReportKind.MIDTERM_2025, null, LocalDate.of(2026, 11, 30));
        assertThat(period.year()).isEqualTo(2025);
        assertThat(period.asOf()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(period.series())
                .extracting(ReportPeriod.YearAsOf::year)
                .containsExactly(2021, 2022, 2023, 2024, 2025);
        assertThat(period.series()).allMatch(y -> y.asOf().equals(LocalDate.of(y.year(), 12, 31)));
        assertThat(period.text()).startsWith("giai đoạn 2021–2025").doesNotContain("2026");
        assertThat(ReportPeriod.of(ReportKind.MIDTERM_2025, 2025, LocalDate.of(2026, 11, 30)))
                .isEqualTo(period);
        assertThatThrownBy(() -> ReportPeriod.of(ReportKind.MIDTERM_2025, 2026, LocalDate.of(2026, 11, 30)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("luôn là giai đoạn 2021–2025");
    }

    @Test
    void theFinalReviewCountsEachYearAsOfItsOwnDate() {
        ReportPeriod period = ReportPeriod.of(ReportKind.FINAL_2030, null, LocalDate.of(2026, 11, 30));
        assertThat(period.series())
                .containsExactly(
                        new ReportPeriod.YearAsOf(2021, LocalDate.of(2021, 12, 31)),
                        new ReportPeriod.YearAsOf(2022, LocalDate.of(2022, 12, 31)),
                        new ReportPeriod.YearAsOf(2023, LocalDate.of(2023, 12, 31)),
                        new ReportPeriod.YearAsOf(2024, LocalDate.of(2024, 12, 31)),
                        new ReportPeriod.YearAsOf(2025, LocalDate.of(2025, 12, 31)),
                        new ReportPeriod.YearAsOf(2026, LocalDate.of(2026, 11, 30)));
        assertThat(period.text()).startsWith("giai đoạn 2021–2030");
        assertThatThrownBy(() -> ReportPeriod.of(ReportKind.FINAL_2030, 2026, LocalDate.of(2026, 11, 30)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aReportDatedBeforeItsYearIsRefused() {
        assertThatThrownBy(() -> ReportPeriod.of(ReportKind.ASSOCIATION_ANNUAL, 2026, LocalDate.of(2025, 12, 31)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("trước năm báo cáo 2026");
    }
}
