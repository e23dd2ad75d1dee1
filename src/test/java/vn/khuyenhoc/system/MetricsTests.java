package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;

/** Prometheus metrics: for a province administrator only, with requests, the pool, sign-ins and report jobs. */
@IntegrationTest
class MetricsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void anAdministratorReadsTheMetricsOthersDoNot() {
        assertThat(mvc.get().uri("/api/v1/localities/66").with(httpBasic("nobody-here", "wrong-password-1")))
                .hasStatus(401);
        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus(401);
        var officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        assertThat(mvc.get().uri("/actuator/prometheus").with(httpBasic(officer.username(), TestAccounts.PASSWORD)))
                .hasStatus(403);
        var communeAdministrator = accounts.open(Role.PROVINCE_ADMIN, "24133");
        assertThat(mvc.get()
                        .uri("/actuator/prometheus")
                        .with(httpBasic(communeAdministrator.username(), TestAccounts.PASSWORD)))
                .hasStatus(403);
        assertThat(mvc.get().uri("/actuator/prometheus").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)))
                .hasStatusOk()
                .bodyText()
                .contains("hikaricp_connections_active")
                .contains("khuyenhoc_sign_in_failures_total")
                .contains("khuyenhoc_report_jobs{")
                .contains("jvm_memory_used_bytes");
    }
}
