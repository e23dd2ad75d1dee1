package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;

/**
 * Prometheus metrics: for a province administrator only, with requests (imports among them, by outcome), the pool,
 * sign-ins and report jobs.
 */
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
        assertThat(mvc.post()
                        .uri("/api/v1/organizations/import?dryRun=true")
                        .multipart()
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "file", "to-chuc.csv", "text/csv", "khong,phai,mau\n1,2,3\n".getBytes()))
                        .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)))
                .hasStatus(200);
        assertThat(mvc.get().uri("/actuator/prometheus").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)))
                .hasStatusOk()
                .bodyText()
                .contains("hikaricp_connections_active")
                .contains("khuyenhoc_sign_in_failures_total")
                .contains("khuyenhoc_report_jobs{")
                .contains("jvm_memory_used_bytes")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/organizations/import\"");
    }
}
