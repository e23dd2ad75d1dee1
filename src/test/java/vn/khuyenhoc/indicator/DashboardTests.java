package vn.khuyenhoc.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;

/** The dashboard of each scope: the province by commune, a commune its own, nobody else's. */
@IntegrationTest
class DashboardTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void theProvinceSeesEveryTargetAndTheCommunesRankedACommuneOfficerOnlyTheirOwn() {
        assertThat(mvc.get()
                        .uri("/dashboard?year=2025")
                        .with(user(accounts.admin()))
                        .exchange())
                .hasStatusOk()
                .bodyText()
                .contains("Tiến độ phong trào học tập suốt đời — Tỉnh Đắk Lắk, năm 2025")
                .contains("Mục tiêu 2025: 70%")
                .contains("Xếp hạng")
                .contains("/webjars/echarts/5.3.1/dist/echarts.min.js");

        var officer = accounts.open(Role.COMMUNE_OFFICER, "22111");
        assertThat(mvc.get().uri("/dashboard").with(user(officer)).exchange())
                .hasStatusOk()
                .bodyText()
                .contains("Tiến độ phong trào học tập suốt đời — Xã")
                .doesNotContain("Xếp hạng");
        assertThat(mvc.get()
                        .uri("/dashboard?locality=22015")
                        .with(user(officer))
                        .exchange())
                .hasStatus(404);
        assertThat(mvc.get().uri("/dashboard?year=2019").with(user(officer)).exchange())
                .hasStatus(400);
    }
}
