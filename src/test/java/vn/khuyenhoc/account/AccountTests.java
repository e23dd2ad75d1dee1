package vn.khuyenhoc.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

@IntegrationTest
class AccountTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signsInWithTheFormAndLandsOnTheToDoHome() {
        var result = mvc.post()
                .uri("/login")
                .param("username", "admin")
                .param("password", IntegrationTest.ADMIN_PASSWORD)
                .with(csrf());

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/");
    }

    @Test
    void wrongPasswordReturnsToTheFormWithAnError() {
        // not the administrator: failures count towards a lock, and the tests share one database
        SignedInUser viewer = accounts.open(Role.VIEWER, "24133");

        assertThat(mvc.post()
                        .uri("/login")
                        .param("username", viewer.username())
                        .param("password", "wrong")
                        .with(csrf()))
                .hasRedirectedUrl("/login?error");
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = jdbc.sql("select password_hash from accounts where username = 'admin'")
                .query(String.class)
                .single();

        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(IntegrationTest.ADMIN_PASSWORD);
    }

    @Test
    void administratorCreatesAnAccountInsideTheScopeAndTheAuditOmitsThePassword() {
        String username = "can-bo-" + UUID.randomUUID().toString().substring(0, 6);

        assertThat(mvc.post()
                        .uri("/accounts")
                        .param("username", username)
                        .param("fullName", "Nguyễn Văn A")
                        .param("role", "COMMUNE_OFFICER")
                        .param("scopeCode", "24133")
                        .param("password", "mat-khau-dai-1")
                        .with(user(accounts.admin()))
                        .with(csrf()))
                .hasRedirectedUrl("/accounts");
        String audited = jdbc.sql(
                        "select new_value::text from audit_events where entity_type = 'account' and entity_id = :u")
                .param("u", username)
                .query(String.class)
                .single();
        assertThat(audited).contains("COMMUNE_OFFICER").doesNotContain("bcrypt");
    }

    @Test
    void communeAdministratorCannotCreateAnAccountOutsideTheCommune() {
        SignedInUser communeAdmin = accounts.open(Role.PROVINCE_ADMIN, "24133");

        assertThat(mvc.post()
                        .uri("/accounts")
                        .param("username", "ngoai-pham-vi")
                        .param("fullName", "Trần Thị B")
                        .param("role", "VIEWER")
                        .param("scopeCode", "66")
                        .param("password", "mat-khau-dai-1")
                        .with(user(communeAdmin))
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("Phạm vi phải là một địa bàn trong phạm vi của bạn.");
        assertThat(jdbc.sql("select count(*) from accounts where username = 'ngoai-pham-vi'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theAccountFormChoosesNoRoleBeforehandAndOffersTheScopeBySearch() {
        assertThat(mvc.get().uri("/accounts/new").with(user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .contains("<option value=\"\" selected=\"selected\">— Chọn vai trò —</option>")
                .contains("/localities/suggestions")
                .doesNotContain("<option value=\"COMMUNE_OFFICER\" selected");
    }

    @Test
    void anAdministratorEditsAnAccountOnItsPageAndAMismatchIsNamed() {
        SignedInUser clerk = accounts.open(Role.DATA_CLERK, "24133");
        int version = jdbc.sql("select version from accounts where id = :id")
                .param("id", clerk.accountId())
                .query(Integer.class)
                .single();
        assertThat(mvc.get().uri("/accounts/{id}/edit", clerk.accountId()).with(user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .contains("Sửa tài khoản " + clerk.username());

        assertThat(mvc.post()
                        .uri("/accounts/{id}", clerk.accountId())
                        .param("fullName", "Người thử")
                        .param("role", "DATA_CLERK")
                        .param("scopeCode", "66")
                        .param("enabled", "true")
                        .param("version", String.valueOf(version))
                        .with(user(accounts.admin()))
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("không hợp với vai trò Nhân viên nhập liệu");
        assertThat(mvc.post()
                        .uri("/accounts/{id}", clerk.accountId())
                        .param("fullName", "Người thử")
                        .param("role", "DATA_CLERK")
                        .param("scopeCode", "24133")
                        .param("version", String.valueOf(version))
                        .with(user(accounts.admin()))
                        .with(csrf()))
                .hasRedirectedUrl("/accounts");
        assertThat(jdbc.sql("select enabled from accounts where id = :id")
                        .param("id", clerk.accountId())
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    void officerCannotOpenTheAccountPages() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");

        assertThat(mvc.get().uri("/accounts").with(user(officer))).hasStatus(403);
    }

    @Test
    void disabledAccountCannotSignIn() {
        SignedInUser viewer = accounts.open(Role.VIEWER, "24133");
        jdbc.sql("update accounts set enabled = false where id = :id")
                .param("id", viewer.accountId())
                .update();

        assertThat(mvc.post()
                        .uri("/login")
                        .param("username", viewer.username())
                        .param("password", TestAccounts.PASSWORD)
                        .with(csrf()))
                .hasRedirectedUrl("/login?error");
    }
}
