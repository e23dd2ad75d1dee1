package vn.khuyenhoc.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code khuyenhoc.public-rate-limit} requests a minute per client address to the look-ups anyone may call
 * without signing in ({@code /verify}, {@code /public}, {@code /api/v1/public}); beyond, 429 with {@code Retry-After}.
 * Counted in PostgreSQL ({@code public_request_counts}), so that several instances behind a load balancer share one
 * count per address: one upsert per request, in fixed one-minute windows of the instances' clocks; the first request
 * of a new minute on an instance deletes the older minutes, so the table holds one minute's addresses. Runs before
 * the session and security filters, so a refused request costs one statement. When the database cannot be reached
 * the look-up goes on (its page answers for itself): a limit must not turn an outage into refusals.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PublicRateLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PublicRateLimit.class);
    private static final long WINDOW_MILLIS = 60_000;

    private final int limit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile long prunedMinute = -1;
    private volatile long warnedAt;

    @Autowired
    PublicRateLimit(@Value("${khuyenhoc.public-rate-limit:60}") int limit, JdbcClient jdbc) {
        this(limit, jdbc, Clock.systemUTC());
    }

    PublicRateLimit(int limit, JdbcClient jdbc, Clock clock) {
        this.limit = limit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/verify")
                || path.startsWith("/verify/")
                || path.startsWith("/public/")
                || path.startsWith("/api/v1/public/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long retryAfter = retryAfterSeconds(request.getRemoteAddr());
        if (retryAfter == 0) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
        response.setCharacterEncoding("UTF-8");
        String detail = "Quá nhiều yêu cầu tra cứu từ địa chỉ của bạn (tối đa " + limit + " mỗi phút). Hãy thử lại sau "
                + retryAfter + " giây.";
        if (wantsPage(request)) {
            response.setContentType("text/html");
            response.getWriter().write(ShortAnswers.page("Quá nhiều yêu cầu", detail, ""));
        } else {
            ShortAnswers.writeProblem(response, "Quá nhiều yêu cầu", detail);
        }
    }

    /** 0 when the request may go on, otherwise the seconds until the address's window ends. */
    long retryAfterSeconds(String address) {
        long now = clock.millis();
        long minute = now / WINDOW_MILLIS;
        int requests;
        try {
            if (prunedMinute != minute) {
                prunedMinute = minute;
                jdbc.sql("delete from public_request_counts where minute < :minute")
                        .param("minute", minute)
                        .update();
            }
            requests = jdbc.sql("""
                            insert into public_request_counts as c (address, minute, requests)
                            values (:address, :minute, 1)
                            on conflict (address, minute) do update set requests = c.requests + 1
                            returning requests
                            """)
                    .param("address", address)
                    .param("minute", minute)
                    .query(Integer.class)
                    .single();
        } catch (DataAccessException e) {
            if (now - warnedAt > WINDOW_MILLIS) {
                warnedAt = now;
                log.warn("Public look-ups are not counted while the database is unreachable: {}", e.getMessage());
            }
            return 0;
        }
        if (requests <= limit) {
            return 0;
        }
        return Math.max(1, ((minute + 1) * WINDOW_MILLIS - now + 999) / 1000);
    }

    /** Pages for browsers; the API and the open-data files (CSV, JSON) get a problem detail. */
    private static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.contains("/api/") || ShortAnswers.json(path)) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || accept.contains("text/html") || accept.contains("*/*");
    }
}
