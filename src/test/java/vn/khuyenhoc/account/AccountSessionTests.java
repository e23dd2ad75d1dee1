package vn.khuyenhoc.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

/** Sessions follow the account: they end when it is disabled, its password or role changes; forced changes. */
@IntegrationTest
class AccountSessionTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void sessionsAreStoredInPostgresql() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");

        signIn(officer.username(), TestAccounts.PASSWORD);

        assertThat(sessionsOf(officer.username())).isEqualTo(1);
    }

    @Test
    void sessionCookieKeepsTheServerSettingsAndIsSecureOverHttps() {
        // Spring Session writes the cookie: server.servlet.session.cookie.* must still apply to it
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        MvcTestResult overHttps = mvc.post()
                .uri("/login")
                .secure(true)
                .param("username", officer.username())
                .param("password", TestAccounts.PASSWORD)
                .with(csrf())
                .exchange();
        MvcTestResult overHttp = mvc.post()
                .uri("/login")
                .param("username", officer.username())
                .param("password", TestAccounts.PASSWORD)
                .with(csrf())
                .exchange();

        assertThat(overHttps.getResponse().getHeader("Set-Cookie"))
                .startsWith("SESSION=")
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .contains("Secure");
        assertThat(overHttp.getResponse().getHeader("Set-Cookie"))
                .contains("HttpOnly")
                .doesNotContain("Secure");
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecure() throws Exception {
        // through Tomcat: X-Forwarded-Proto is believed from an internal proxy (here the loopback address)
        HttpClient client = HttpClient.newHttpClient();

        HttpResponse<Void> proxied = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("X-Forwarded-Proto", "https")
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> direct = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(proxied.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(
                        cookie -> assertThat(cookie).startsWith("SESSION=").contains("Secure"));
        assertThat(direct.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(
                        cookie -> assertThat(cookie).startsWith("SESSION=").doesNotContain("Secure"));
    }

    @Test
    void disabledAccountsOpenSessionIsRefusedOnTheNextRequest() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        Cookie session = signIn(officer.username(), TestAccounts.PASSWORD);
        assertThat(mvc.get().uri("/").cookie(session)).hasStatusOk();

        assertThat(mvc.post()
                        .uri("/accounts/{id}/enabled", officer.accountId())
                        .param("enabled", "false")
                        .param("version", String.valueOf(versionOf(officer)))
                        .with(user(accounts.admin()))
                        .with(csrf()))
                .hasRedirectedUrl("/accounts");

        assertThat(mvc.get().uri("/").cookie(session)).hasStatus3xxRedirection();
        assertThat(mvc.post()
                        .uri("/organizations")
                        .param("name", "Trường thử phiên đã khóa")
                        .cookie(session)
                        .with(csrf()))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .contains("/login");
        assertThat(sessionsOf(officer.username())).isZero();
    }

    @Test
    void sessionOfAnOlderGenerationIsRefusedEvenIfItsRowSurvives() {
        // as when another instance changed the account while this session was being saved
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        Cookie session = signIn(officer.username(), TestAccounts.PASSWORD);
        jdbc.sql("update accounts set session_generation = session_generation + 1 where id = :id")
                .param("id", officer.accountId())
                .update();

        assertThat(mvc.get().uri("/").cookie(session)).hasRedirectedUrl("/login?expired");
    }

    @Test
    void disabledAccountIsRefusedOnTheApi() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        assertThat(mvc.get().uri("/api/v1/localities/24133").with(httpBasic(officer.username(), TestAccounts.PASSWORD)))
                .hasStatusOk();
        jdbc.sql("update accounts set enabled = false where id = :id")
                .param("id", officer.accountId())
                .update();

        assertThat(mvc.get().uri("/api/v1/localities/24133").with(httpBasic(officer.username(), TestAccounts.PASSWORD)))
                .hasStatus(401);
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsAndKeepsThisOne() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        Cookie here = signIn(officer.username(), TestAccounts.PASSWORD);
        Cookie elsewhere = signIn(officer.username(), TestAccounts.PASSWORD);

        MvcTestResult changed = mvc.post()
                .uri("/account/password")
                .param("current", TestAccounts.PASSWORD)
                .param("next", "mot-mat-khau-moi-7")
                .param("confirm", "mot-mat-khau-moi-7")
                .cookie(here)
                .with(csrf())
                .exchange();

        assertThat(changed).hasRedirectedUrl("/");
        Cookie renewed = changed.getResponse().getCookie("SESSION");
        assertThat(renewed).isNotNull();
        assertThat(mvc.get().uri("/").cookie(renewed)).hasStatusOk();
        assertThat(mvc.get().uri("/").cookie(elsewhere)).hasStatus3xxRedirection();
        assertThat(sessionsOf(officer.username())).isEqualTo(1);
        signIn(officer.username(), "mot-mat-khau-moi-7");
    }

    @Test
    void changingTheRoleEndsTheAccountsSessions() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        Cookie session = signIn(officer.username(), TestAccounts.PASSWORD);

        assertThat(mvc.post()
                        .uri("/accounts/{id}/assignment", officer.accountId())
                        .param("role", "VIEWER")
                        .param("scopeCode", "24133")
                        .param("version", String.valueOf(versionOf(officer)))
                        .with(user(accounts.admin()))
                        .with(csrf()))
                .hasRedirectedUrl("/accounts");

        assertThat(mvc.get().uri("/").cookie(session)).hasStatus3xxRedirection();
        assertThat(jdbc.sql("select role from accounts where id = :id")
                        .param("id", officer.accountId())
                        .query(String.class)
                        .single())
                .isEqualTo("VIEWER");
    }

    @Test
    void accountCreatedByAnAdministratorMustChangeItsPasswordFirst() {
        String username = "moi-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(mvc.post()
                        .uri("/accounts")
                        .param("username", username)
                        .param("fullName", "Lê Thị Mới")
                        .param("role", "DATA_CLERK")
                        .param("scopeCode", "24133")
                        .param("password", "mat-khau-ban-dau-1")
                        .with(user(accounts.admin()))
                        .with(csrf()))
                .hasRedirectedUrl("/accounts");
        Cookie session = signIn(username, "mat-khau-ban-dau-1");

        assertThat(mvc.get().uri("/families").cookie(session)).hasRedirectedUrl("/account/password");
        assertThat(mvc.get().uri("/account/password").cookie(session))
                .hasStatusOk()
                .bodyText()
                .contains("mật khẩu do người khác đặt");
        assertThat(mvc.get().uri("/api/v1/localities/24133").with(httpBasic(username, "mat-khau-ban-dau-1")))
                .hasStatus(403)
                .bodyText()
                .contains("phải đổi mật khẩu");

        MvcTestResult changed = mvc.post()
                .uri("/account/password")
                .param("current", "mat-khau-ban-dau-1")
                .param("next", "mat-khau-cua-toi-9")
                .param("confirm", "mat-khau-cua-toi-9")
                .cookie(session)
                .with(csrf())
                .exchange();
        assertThat(changed).hasRedirectedUrl("/");
        assertThat(mvc.get().uri("/families").cookie(changed.getResponse().getCookie("SESSION")))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/localities/24133").with(httpBasic(username, "mat-khau-cua-toi-9")))
                .hasStatusOk();
    }

    @Test
    void administratorsResetEndsTheSessionsAndForcesAChange() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        Cookie session = signIn(officer.username(), TestAccounts.PASSWORD);

        assertThat(mvc.post()
                        .uri("/accounts/{id}/password", officer.accountId())
                        .param("password", "tam-thoi-2026-xyz")
                        .param("version", String.valueOf(versionOf(officer)))
                        .with(user(accounts.admin()))
                        .with(csrf()))
                .hasRedirectedUrl("/accounts");

        assertThat(mvc.get().uri("/").cookie(session)).hasStatus3xxRedirection();
        Cookie fresh = signIn(officer.username(), "tam-thoi-2026-xyz");
        assertThat(mvc.get().uri("/").cookie(fresh)).hasRedirectedUrl("/account/password");
    }

    @Test
    void weakPasswordsAreRefusedWithTheFieldNamed() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");

        assertThat(changeOwnPassword(officer, "ngan-qua"))
                .hasStatusOk()
                .bodyText()
                .contains("Mật khẩu mới phải có ít nhất 10 ký tự.");
        assertThat(changeOwnPassword(officer, "matkhau123"))
                .hasStatusOk()
                .bodyText()
                .contains("Mật khẩu mới nằm trong danh sách mật khẩu phổ biến");
        assertThat(changeOwnPassword(officer, "Password123"))
                .hasStatusOk()
                .bodyText()
                .contains("Mật khẩu mới nằm trong danh sách mật khẩu phổ biến");
        assertThat(changeOwnPassword(officer, "x-" + officer.username() + "-2026"))
                .hasStatusOk()
                .bodyText()
                .contains("Mật khẩu mới không được chứa tên đăng nhập.");
        assertThat(mvc.post()
                        .uri("/accounts")
                        .param("username", "yeu-" + UUID.randomUUID().toString().substring(0, 6))
                        .param("fullName", "Phạm Văn Yếu")
                        .param("role", "VIEWER")
                        .param("scopeCode", "24133")
                        .param("password", "1234567890")
                        .with(user(accounts.admin()))
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("Mật khẩu nằm trong danh sách mật khẩu phổ biến");
    }

    private MvcTestResult changeOwnPassword(SignedInUser user, String next) {
        return mvc.post()
                .uri("/account/password")
                .param("current", TestAccounts.PASSWORD)
                .param("next", next)
                .param("confirm", next)
                .with(user(user))
                .with(csrf())
                .exchange();
    }

    private Cookie signIn(String username, String password) {
        MvcTestResult result = mvc.post()
                .uri("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .exchange();
        assertThat(result).hasRedirectedUrl("/");
        Cookie session = result.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        return session;
    }

    private int versionOf(SignedInUser user) {
        return jdbc.sql("select version from accounts where id = :id")
                .param("id", user.accountId())
                .query(Integer.class)
                .single();
    }

    private long sessionsOf(String username) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }
}
