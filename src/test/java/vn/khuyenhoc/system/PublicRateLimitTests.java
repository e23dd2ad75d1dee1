package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.MovableClock;

/**
 * The per-address limit of the public look-ups, counted in the shared database, with a small limit and a clock the
 * test moves (a day of its own in 2100, so that the counts of other runs and of the application's own filter never mix in).
 */
@IntegrationTest
class PublicRateLimitTests {

    @Autowired
    JdbcClient jdbc;

    private final MovableClock clock = new MovableClock(Instant.parse("2100-01-01T10:00:05Z")
            .plus(Duration.ofDays(
                    java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000))));
    private PublicRateLimit limit;

    @BeforeEach
    void limitOfSixty() {
        limit = new PublicRateLimit(60, jdbc, clock);
    }

    @Test
    void theSixtyFirstVerificationInAMinuteIsRefusedWithRetryAfter() throws Exception {
        for (int i = 0; i < 60; i++) {
            assertThat(send("/verify/KH-0001", "203.0.113.7", "text/html").getStatus())
                    .isEqualTo(200);
        }

        MockHttpServletResponse refused = send("/verify/KH-0001", "203.0.113.7", "text/html");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("55");
        assertThat(refused.getContentType()).startsWith("text/html");
        assertThat(refused.getContentAsString()).contains("Quá nhiều yêu cầu").contains("thử lại sau 55 giây");
    }

    @Test
    void theApiAndOpenDataAnswerAProblemDetail() throws Exception {
        for (int i = 0; i < 60; i++) {
            send("/api/v1/public/indicators", "203.0.113.8", "application/json");
        }

        MockHttpServletResponse api = send("/api/v1/public/indicators", "203.0.113.8", "application/json");
        MockHttpServletResponse csv = send("/public/indicators.csv", "203.0.113.8", "*/*");

        assertThat(api.getStatus()).isEqualTo(429);
        assertThat(api.getContentType()).startsWith("application/problem+json");
        assertThat(api.getContentAsString()).contains("\"status\":429").contains("tối đa 60 mỗi phút");
        assertThat(csv.getStatus()).isEqualTo(429);
        assertThat(csv.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void eachAddressHasItsOwnCountAndANewMinuteStartsAgain() throws Exception {
        for (int i = 0; i < 61; i++) {
            send("/public/statistics", "198.51.100.1", "text/html");
        }

        assertThat(send("/public/statistics", "198.51.100.2", "text/html").getStatus())
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(55));
        assertThat(send("/public/statistics", "198.51.100.1", "text/html").getStatus())
                .isEqualTo(200);
    }

    @Test
    void pagesThatNeedASignInAreNotCounted() throws Exception {
        for (int i = 0; i < 100; i++) {
            assertThat(send("/families", "198.51.100.3", "text/html").getStatus())
                    .isEqualTo(200);
        }
    }

    @Test
    void anotherInstanceCountsTheSameAddressTowardsOneLimit() throws Exception {
        PublicRateLimit other = new PublicRateLimit(60, jdbc, clock);
        for (int i = 0; i < 30; i++) {
            send("/verify/KH-0002", "192.0.2.44", "text/html");
            other.retryAfterSeconds("192.0.2.44");
        }

        assertThat(send("/verify/KH-0002", "192.0.2.44", "text/html").getStatus())
                .isEqualTo(429);
    }

    @Test
    void aNewMinuteDeletesTheOlderCounts() {
        limit.retryAfterSeconds("192.0.2.45");
        clock.advance(Duration.ofMinutes(1));
        limit.retryAfterSeconds("192.0.2.46");

        assertThat(jdbc.sql("select count(*) from public_request_counts where address = '192.0.2.45'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private MockHttpServletResponse send(String uri, String address, String accept) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setRemoteAddr(address);
        request.addHeader("Accept", accept);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
