package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AdmissionFilterTests {

    @Test
    void aRequestBeyondTheLimitIsRefusedWith503AfterItsWait() throws Exception {
        AdmissionFilter filter = new AdmissionFilter(1, 50);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            try {
                filter.doFilter(request("/families"), new MockHttpServletResponse(), (req, res) -> {
                    inside.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        first.start();
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(request("/api/v1/families"), refused, new MockFilterChain());
        MockHttpServletResponse health = new MockHttpServletResponse();
        filter.doFilter(request("/actuator/health"), health, new MockFilterChain());
        release.countDown();
        first.join();
        MockHttpServletResponse later = new MockHttpServletResponse();
        filter.doFilter(request("/families"), later, new MockFilterChain());

        assertThat(refused.getStatus()).isEqualTo(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
        assertThat(refused.getContentAsString()).contains("Hệ thống đang bận");
        assertThat(health.getStatus()).isEqualTo(200);
        assertThat(later.getStatus()).isEqualTo(200);
    }

    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        return request;
    }
}
