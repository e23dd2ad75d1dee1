package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * Settings that apply to every commune are changed only by a province administrator bound to the province: one bound
 * to a commune is refused (403 with a Vietnamese reason) and sees no button to change them.
 */
@IntegrationTest
class ProvinceSettingsTests {

    static final String REFUSED = "Chỉ quản trị cấp tỉnh (phạm vi toàn tỉnh)";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private SignedInUser communeAdmin() {
        return accounts.open(Role.PROVINCE_ADMIN, "24133");
    }

    @Test
    void aCommuneBoundAdministratorCannotChangeThePlansTargets() {
        assertThat(mvc.post()
                        .uri("/plans/targets")
                        .with(user(communeAdmin()))
                        .with(csrf())
                        .param("plan", "KH 102/KH-UBND")
                        .param("indicator", "learning-family-rate")
                        .param("year", "2030")
                        .param("value", "1"))
                .hasStatus(403)
                .bodyText()
                .contains(REFUSED);
        assertThat(jdbc.sql("select count(*) from indicator_targets where value = 1")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aCommuneBoundAdministratorStillSetsItsOwnCommunesTarget() {
        assertThat(mvc.post()
                        .uri("/plans/overrides")
                        .with(user(communeAdmin()))
                        .with(csrf())
                        .param("localityCode", "24133")
                        .param("indicator", "learning-clan-rate")
                        .param("year", "2030")
                        .param("value", "40")
                        .param("reason", "Xã mới sáp nhập"))
                .hasStatus3xxRedirection();
    }

    @Test
    void theTargetFormIsShownOnlyToTheProvinceWideAdministrator() {
        assertThat(mvc.get().uri("/plans").with(user(communeAdmin())))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("action=\"/plans/targets\"");
        assertThat(mvc.get().uri("/plans").with(user(accounts.admin())))
                .bodyText()
                .contains("action=\"/plans/targets\"");
    }

    @Test
    void aCommuneBoundAdministratorCannotCloneIssueRetireOrEditACriteriaSet() {
        long id = inForceSet();
        SignedInUser admin = communeAdmin();
        for (String action : new String[] {"clone", "publish", "retire"}) {
            assertThat(mvc.post()
                            .uri("/criteria-sets/" + id + "/" + action)
                            .with(user(admin))
                            .with(csrf()))
                    .as(action)
                    .hasStatus(403);
        }
        assertThat(mvc.get().uri("/criteria-sets/" + id + "/edit").with(user(admin)))
                .hasStatus(403);
        assertThat(mvc.get().uri("/criteria-sets/" + id).with(user(admin)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("Nhân bản thành phiên bản mới")
                .doesNotContain("Thôi áp dụng</button>");
        assertThat(mvc.get().uri("/criteria-sets/" + id).with(user(accounts.admin())))
                .bodyText()
                .contains("Nhân bản thành phiên bản mới");
    }

    @Test
    void aCommuneBoundAdministratorCannotImportACriteriaSet() throws Exception {
        long id = inForceSet();
        String exported = mvc.get()
                .uri("/criteria-sets/" + id + "/export")
                .with(user(accounts.admin()))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        MockMultipartFile file =
                new MockMultipartFile("file", "bo.json", "application/json", exported.getBytes(StandardCharsets.UTF_8));
        long before =
                jdbc.sql("select count(*) from criteria_sets").query(Long.class).single();

        assertThat(mvc.post()
                        .uri("/api/v1/criteria-sets")
                        .multipart()
                        .file(file)
                        .with(user(communeAdmin())))
                .hasStatus(403)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains(REFUSED);
        assertThat(mvc.post()
                        .uri("/criteria-sets/import")
                        .multipart()
                        .file(file)
                        .with(user(communeAdmin()))
                        .with(csrf()))
                .hasStatus(403);
        assertThat(jdbc.sql("select count(*) from criteria_sets")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aCommuneBoundAdministratorCannotChangeTheRecognisingAuthorities() {
        long before = jdbc.sql("select count(*) from recognising_authorities")
                .query(Long.class)
                .single();
        assertThat(mvc.post()
                        .uri("/recognising-authorities")
                        .with(user(communeAdmin()))
                        .with(csrf())
                        .param("titleLevel", "LEARNING_FAMILY/HOUSEHOLD")
                        .param("fromYear", "2029")
                        .param("authority", "PROVINCE_CHAIR"))
                .hasStatus(403)
                .bodyText()
                .contains(REFUSED);
        assertThat(jdbc.sql("select count(*) from recognising_authorities")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(mvc.get().uri("/recognising-authorities").with(user(communeAdmin())))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("name=\"fromYear\"");
    }

    @Test
    void aCommuneBoundAdministratorCannotAddAPolicyDocument() {
        String number = "Chỉ thị " + UUID.randomUUID().toString().substring(0, 6) + "-CT/TU";
        assertThat(mvc.post()
                        .uri("/policy-documents")
                        .with(user(communeAdmin()))
                        .with(csrf())
                        .param("number", number)
                        .param("title", "Về tăng cường khuyến học"))
                .hasStatus(403)
                .bodyText()
                .contains(REFUSED);
        assertThat(jdbc.sql("select count(*) from policy_documents where number = :n")
                        .param("n", number)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(mvc.get().uri("/policy-documents").with(user(communeAdmin())))
                .bodyText()
                .doesNotContain("Thêm văn bản");
        assertThat(mvc.post()
                        .uri("/policy-documents")
                        .with(user(accounts.admin()))
                        .with(csrf())
                        .param("number", number)
                        .param("title", "Về tăng cường khuyến học"))
                .hasStatus3xxRedirection();
    }

    private long inForceSet() {
        return jdbc.sql("select id from criteria_sets where status = 'IN_FORCE' order by id limit 1")
                .query(Long.class)
                .single();
    }
}
