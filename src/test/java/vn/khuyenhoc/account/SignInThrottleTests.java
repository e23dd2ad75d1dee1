package vn.khuyenhoc.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

/** Five failed sign-ins within 15 minutes lock the name for 15 minutes, by form and by HTTP Basic. */
@IntegrationTest
class SignInThrottleTests {

    private static final String API = "/api/v1/localities/24133";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sixWrongPasswordsOnTheApiAnswer429WithRetryAfter() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        for (int i = 0; i < 5; i++) {
            assertThat(basic(officer.username(), "sai-mat-khau-" + i)).hasStatus(401);
        }

        MvcTestResult sixth = basic(officer.username(), "sai-mat-khau-6");

        assertThat(sixth)
                .hasStatus(429)
                .bodyText()
                .contains("Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần, thử lại sau 15 phút");
        assertThat(sixth.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(sixth.getResponse().getHeader("Retry-After"))).isBetween(800L, 900L);
    }

    @Test
    void theRightPasswordIsRefusedDuringTheLock() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        failFiveTimes(officer.username());

        assertThat(basic(officer.username(), TestAccounts.PASSWORD)).hasStatus(429);
    }

    @Test
    void lockOutIsRecordedInTheAuditTrail() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        failFiveTimes(officer.username());
        basic(officer.username(), "sai-nua");

        assertThat(jdbc.sql("""
                        select count(*) from audit_events
                        where action = 'SIGN_IN_LOCKED' and entity_id = :u and locality_path is not null
                        """)
                        .param("u", officer.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theSignInPageSaysTheAccountIsLockedAndForHowLong() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        for (int i = 0; i < 5; i++) {
            assertThat(form(officer.username(), "sai-mat-khau-" + i)).hasRedirectedUrl("/login?error");
        }

        assertThat(form(officer.username(), TestAccounts.PASSWORD)).hasRedirectedUrl("/login?locked=15");
        assertThat(mvc.get().uri("/login?locked=15"))
                .hasStatusOk()
                .bodyText()
                .contains("Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần, thử lại sau 15 phút.");
    }

    @Test
    void unknownUsernamesAreThrottledAlike() {
        String nobody = "khong-co-" + UUID.randomUUID().toString().substring(0, 8);
        failFiveTimes(nobody);

        assertThat(basic(nobody, "bat-ky")).hasStatus(429);
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        for (int i = 0; i < 4; i++) {
            assertThat(basic(officer.username(), "sai-" + i)).hasStatus(401);
        }
        assertThat(basic(officer.username(), TestAccounts.PASSWORD)).hasStatusOk();
        for (int i = 0; i < 4; i++) {
            assertThat(basic(officer.username(), "sai-lai-" + i)).hasStatus(401);
        }

        assertThat(basic(officer.username(), TestAccounts.PASSWORD)).hasStatusOk();
    }

    @Test
    void failuresOlderThanFifteenMinutesAreForgotten() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        for (int i = 0; i < 4; i++) {
            basic(officer.username(), "sai-" + i);
        }
        jdbc.sql("update sign_in_failures set first_failed_at = now() - interval '16 minutes' where username = :u")
                .param("u", officer.username())
                .update();
        basic(officer.username(), "sai-sau-cua-so");

        assertThat(basic(officer.username(), TestAccounts.PASSWORD)).hasStatusOk();
    }

    @Test
    void theLockEndsAfterItsTime() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        failFiveTimes(officer.username());
        jdbc.sql("update sign_in_failures set locked_until = now() - interval '1 second' where username = :u")
                .param("u", officer.username())
                .update();

        assertThat(basic(officer.username(), TestAccounts.PASSWORD)).hasStatusOk();
    }

    private void failFiveTimes(String username) {
        for (int i = 0; i < 5; i++) {
            assertThat(basic(username, "sai-mat-khau-" + i)).hasStatus(401);
        }
    }

    private MvcTestResult basic(String username, String password) {
        return mvc.get().uri(API).with(httpBasic(username, password)).exchange();
    }

    private MvcTestResult form(String username, String password) {
        return mvc.post()
                .uri("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .exchange();
    }
}
