package vn.khuyenhoc.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A report's shares read as the dashboard's: Vietnamese, a comma before the one decimal. */
class PercentTests {

    @Test
    void aShareHasADecimalCommaAndItsOriginMark() {
        assertThat(new Report.Percent(100.0 / 3, "").toString()).isEqualTo("33,3%");
        assertThat(new Report.Percent(100.0, "BC").toString()).isEqualTo("100,0% (BC)");
        assertThat(new Report.Percent(null, "").toString()).isEqualTo("chưa có số liệu");
    }
}
