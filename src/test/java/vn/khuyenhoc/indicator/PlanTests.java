package vn.khuyenhoc.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;

/** Plans and targets as data, a commune's own target with its reason, the catalogue and the series. */
@IntegrationTest
class PlanTests {

    static final String RATE = "$.indicators[?(@.code == 'learning-family-rate')]";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void aCommuneOwnTargetReplacesThePlansForThatCommuneOnly() throws Exception {
        MvcTestResult missingReason = mvc.post()
                .uri("/plans/overrides")
                .with(user(accounts.admin()))
                .with(csrf())
                .param("localityCode", "22192")
                .param("indicator", "learning-family-rate")
                .param("year", "2025")
                .param("value", "50")
                .exchange();
        assertThat(missingReason).hasStatus3xxRedirection();
        assertThat(targets("22192")).containsExactly(70.0);

        assertThat(mvc.post()
                        .uri("/plans/overrides")
                        .with(user(accounts.admin()))
                        .with(csrf())
                        .param("localityCode", "22192")
                        .param("indicator", "learning-family-rate")
                        .param("year", "2025")
                        .param("value", "50")
                        .param("reason", "Xã đặc biệt khó khăn")
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(targets("22192")).containsExactly(50.0);
        assertThat(targets("66")).containsExactly(70.0);
        assertThat(mvc.get().uri("/plans").with(user(accounts.admin())).exchange())
                .bodyText()
                .contains("Xã đặc biệt khó khăn")
                .contains("22192/learning-family-rate/2025");

        var officer = accounts.open(Role.COMMUNE_OFFICER, "22192");
        assertThat(mvc.post()
                        .uri("/plans/overrides")
                        .with(user(officer))
                        .with(csrf())
                        .param("localityCode", "22192")
                        .param("indicator", "learning-family-rate")
                        .param("year", "2025")
                        .param("value", "10")
                        .param("reason", "Tự hạ mục tiêu")
                        .exchange())
                .hasStatus(403);
        assertThat(targets("22192")).containsExactly(50.0);
    }

    @Test
    void plansCatalogueAndSeriesAnswerThroughTheApi() throws Exception {
        assertThat(mvc.get().uri("/api/v1/plans").with(admin()).exchange())
                .bodyJson()
                .extractingPath("$[*].code")
                .asArray()
                .containsExactly("KH 102/KH-UBND", "QĐ 387/QĐ-TTg", "QĐ 677/QĐ-TTg");
        assertThat(mvc.get().uri("/api/v1/indicators/catalogue").with(admin()).exchange())
                .bodyJson()
                .extractingPath("$.length()")
                .isEqualTo(11);
        MvcTestResult series = mvc.get()
                .uri("/api/v1/indicators/learning-family-rate/series?locality=22192")
                .with(admin())
                .exchange();
        assertThat(series)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.values[0].year")
                .isEqualTo(2021);
        assertThat(JsonPath.<List<Object>>read(series.getResponse().getContentAsString(), "$.values"))
                .hasSize(java.time.Year.now().getValue() - 2020);
        assertThat(mvc.get()
                        .uri("/api/v1/indicators/no-such-thing/series")
                        .with(admin())
                        .exchange())
                .hasStatus(404);
    }

    private List<Double> targets(String locality) throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/indicators?year=2025&locality=" + locality)
                .with(admin())
                .exchange();
        return JsonPath.read(result.getResponse().getContentAsString(), RATE + ".targets['2025']");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }
}
