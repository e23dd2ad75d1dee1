package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.khuyenhoc.account.AccountSignIn;
import vn.khuyenhoc.locality.LocalityService;

/** The web slice: the sign-in page and the security rules, without a database. */
@WebMvcTest(HomeController.class)
@Import(SecurityConfiguration.class)
class LoginPageTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    LocalityService localities;

    /** The public look-ups' limit counts in the database; the sign-in pages never reach it. */
    @MockitoBean
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** Only its session check is built here, and it does nothing for a stranger. */
    @MockitoBean(answers = Answers.CALLS_REAL_METHODS)
    AccountSignIn signIn;

    @Test
    void signInPageIsInVietnameseWithACsrfToken() {
        assertThat(mvc.get().uri("/login"))
                .hasStatusOk()
                .bodyText()
                .contains("Đăng nhập")
                .contains("Tên đăng nhập")
                .contains("name=\"_csrf\"");
    }

    @Test
    void homePageSendsAStrangerToTheSignInPage() {
        assertThat(mvc.get().uri("/")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
    }
}
