package vn.khuyenhoc.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;

/**
 * What a phone is given instead of a 102-bar chart and 815-pixel tables: the ten lowest and highest communes, a search
 * by name without diacritics, tables that become cards; and one number format, whatever the browser's language.
 */
@IntegrationTest
class PhoneLayoutTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDashboardListsTheLowestAndHighestCommunesAndFindsOneTypedWithoutDiacritics() {
        assertThat(mvc.get()
                        .uri("/dashboard?year=2025&q=buon ma thuot")
                        .with(user(accounts.admin()))
                        .exchange())
                .hasStatusOk()
                .bodyText()
                .contains("10 xã thấp nhất", "10 xã cao nhất")
                .contains("Kết quả tìm “buon ma thuot”: 1")
                .contains("data-label=\"Tỷ lệ\"")
                // the charts stay for a wide screen
                .contains("class=\"desktop-only\"")
                .contains("data-chart=");
    }

    @Test
    void publicStatisticsFindACommuneAsACardOfLabelledFigures() {
        assertThat(mvc.get().uri("/public/statistics?year=2025&q=ea tul").exchange())
                .hasStatusOk()
                .bodyText()
                .contains("Kết quả tìm “ea tul”: 1")
                .contains("<th scope=\"row\">Xã Ea Tul</th>")
                .contains("class=\"list cards\"")
                .contains("role=\"region\"")
                .contains("tabindex=\"0\"");
    }

    @Test
    void aShareIsWrittenTheVietnameseWayEvenToABrowserInEnglish() {
        String locality = "C54.H-TAY-HOA.X-HOA-BINH-1";
        jdbc.sql(
                        "delete from reported_figures where year = 2022 and locality_id = (select id from localities where code = :code)")
                .param("code", locality)
                .update();
        assertThat(mvc.post()
                        .uri("/api/v1/reported-figures")
                        .with(user(accounts.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"localityCode":"%s","year":2022,"indicator":"learning-family-rate","numerator":1,
                                 "denominator":3,"source":"Báo cáo 12/BC-KH ngày 20/12/2022"}""".formatted(locality)))
                .hasStatus(201);
        try {
            assertThat(mvc.get()
                            .uri("/reported-figures?locality=" + locality + "&year=2022")
                            .locale(Locale.US)
                            .header("Accept-Language", "en-US")
                            .with(user(accounts.admin()))
                            .exchange())
                    .hasStatusOk()
                    .bodyText()
                    .contains("33,3%")
                    .doesNotContain("33.3%");
        } finally {
            jdbc.sql(
                            "delete from reported_figures where year = 2022 and locality_id = (select id from localities where code = :code)")
                    .param("code", locality)
                    .update();
        }
    }
}
