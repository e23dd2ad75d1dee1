package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import vn.khuyenhoc.IntegrationTest;

/** Requests that reach no controller answer in Vietnamese: a problem detail on the API, the error page elsewhere. */
@IntegrationTest
class RoutingProblemsTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void anUnknownApiAddressIsAVietnameseProblem() throws Exception {
        MvcTestResult answer = mvc.get().uri("/api/v1/khong-co").with(admin()).exchange();

        assertThat(answer).hasStatus(404);
        assertThat(answer.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(answer.getResponse().getContentAsString()).contains("Không tìm thấy");
    }

    @Test
    void aMethodOrContentTypeTheAddressDoesNotTakeIsAVietnameseProblem() throws Exception {
        MvcTestResult method =
                mvc.delete().uri("/api/v1/localities/66").with(admin()).exchange();
        MvcTestResult type = mvc.post()
                .uri("/api/v1/organizations")
                .with(admin())
                .contentType(MediaType.TEXT_PLAIN)
                .content("ten=Truong")
                .exchange();

        assertThat(method).hasStatus(405);
        assertThat(method.getResponse().getContentAsString()).contains("không nhận phương thức DELETE");
        assertThat(type).hasStatus(415);
        assertThat(type.getResponse().getContentAsString()).contains("application/json");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }
}
