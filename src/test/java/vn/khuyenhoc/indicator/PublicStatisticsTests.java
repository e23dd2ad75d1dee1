package vn.khuyenhoc.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import vn.khuyenhoc.IntegrationTest;

/** Public statistics and open data answer without sign-in, with aggregates only. */
@IntegrationTest
class PublicStatisticsTests {

    static final String PRIVATE_NAME = "Vũ Thị Riêng Tư";

    @Autowired
    MockMvcTester mvc;

    @Test
    void theProvincesProgressAndOpenDataNeedNoSignInAndNameNobody() throws Exception {
        String village = JsonOf.read(
                mvc.post()
                        .uri("/api/v1/localities")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentCode\":\"22081\",\"name\":\"Thôn Công Khai\",\"kind\":\"thôn\"}")
                        .exchange(),
                "$.code");
        assertThat(mvc.post()
                        .uri("/api/v1/families")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"villageCode\":\"" + village + "\",\"headName\":\"" + PRIVATE_NAME
                                + "\",\"members\":3,\"adults\":2,\"schoolAgeChildren\":1}")
                        .exchange())
                .hasStatus(201);

        MvcTestResult page = mvc.get().uri("/public/statistics?year=2025").exchange();
        assertThat(page)
                .hasStatusOk()
                .bodyText()
                .contains("Phong trào học tập suốt đời — Tỉnh Đắk Lắk, năm 2025")
                .contains("Hộ gia đình được công nhận Gia đình học tập")
                .contains("mục tiêu 2025: 70%")
                .doesNotContain(PRIVATE_NAME);

        MvcTestResult api = mvc.get().uri("/api/v1/public/indicators?year=2025").exchange();
        assertThat(api)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total.length()")
                .isEqualTo(11);
        assertThat(api).bodyJson().extractingPath("$.communes.length()").isEqualTo(102);

        MvcTestResult csv = mvc.get().uri("/public/indicators.csv?year=2025").exchange();
        assertThat(csv).hasStatusOk();
        String text = csv.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.lines().count()).isEqualTo(1 + 103 * 11);
        assertThat(text).contains("year,locality_code,locality_name,indicator").doesNotContain(PRIVATE_NAME);
        assertThat(mvc.get().uri("/public/indicators.json?year=2025").exchange())
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.length()")
                .isEqualTo(103 * 11);

        MvcTestResult outside =
                mvc.get().uri("/api/v1/public/indicators?year=2019").exchange();
        assertThat(outside).hasStatus(400).bodyText().contains("year");
    }

    @Test
    void theSummaryForANationalRollUpNamesTheProvinceAndCarriesTheTotalsToAdd() throws Exception {
        MvcTestResult table =
                mvc.get().uri("/api/v1/public/indicators?year=2025").exchange();
        MvcTestResult summary =
                mvc.get().uri("/api/v1/public/summary?year=2025").exchange();

        assertThat(summary).hasStatusOk().bodyJson().extractingPath("$.format").isEqualTo(1);
        assertThat(summary).bodyJson().extractingPath("$.province").isEqualTo("66");
        assertThat(summary).bodyJson().extractingPath("$.provinceName").isEqualTo("Tỉnh Đắk Lắk");
        assertThat(summary).bodyJson().extractingPath("$.year").isEqualTo(2025);
        assertThat(summary).bodyJson().extractingPath("$.communes").isEqualTo(102);
        assertThat(summary).bodyJson().extractingPath("$.indicators.length()").isEqualTo(11);
        assertThat(summary).bodyJson().extractingPath("$.computedAt").isNotNull();
        for (int i = 0; i < 11; i++) {
            for (String field : java.util.List.of("code", "numerator", "denominator", "origin")) {
                assertThat(JsonOf.read(summary, "$.indicators[" + i + "]." + field))
                        .as(field + " of indicator " + i)
                        .isEqualTo(JsonOf.read(table, "$.total[" + i + "]." + field));
            }
        }
        assertThat(mvc.get().uri("/api/v1/public/summary?year=2019").exchange())
                .hasStatus(400)
                .bodyText()
                .contains("year");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }

    /** Reads one value of a JSON answer. */
    static final class JsonOf {
        static String read(MvcTestResult result, String path) throws Exception {
            return String.valueOf(com.jayway.jsonpath.JsonPath.<Object>read(
                    result.getResponse().getContentAsString(), path));
        }
    }
}
