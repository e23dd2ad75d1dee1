package vn.khuyenhoc.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code khuyenhoc.public-rate-limit} requests a minute per client address to the look-ups anyone may call
 * without signing in ({@code /verify}, {@code /public}, {@code /api/v1/public}); beyond, 429 with {@code Retry-After}.
 * Counted in memory per instance, in fixed one-minute windows. At most {@link #MAX_ADDRESSES} addresses are tracked:
 * when more call within one minute, the newcomers share one count, so that many addresses cannot exhaust memory.
 * Runs before the session and security filters, so a refused request costs no database work.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PublicRateLimit extends OncePerRequestFilter {

    static final int MAX_ADDRESSES = 10_000;
    private static final long WINDOW_MILLIS = 60_000;
    private static final String OVERFLOW = "*";

    private final int limit;
    private final int maxAddresses;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long prunedWindow = -1;

    @Autowired
    PublicRateLimit(@Value("${khuyenhoc.public-rate-limit:60}") int limit) {
        this(limit, MAX_ADDRESSES, Clock.systemUTC());
    }

    PublicRateLimit(int limit, int maxAddresses, Clock clock) {
        this.limit = limit;
        this.maxAddresses = maxAddresses;
        this.clock = clock;
    }

    private record Window(long start, AtomicInteger count) {}

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
        long start = now - now % WINDOW_MILLIS;
        String key = address;
        if (windows.size() >= maxAddresses && !windows.containsKey(key)) {
            if (prunedWindow != start) {
                prunedWindow = start;
                windows.values().removeIf(window -> window.start() < start);
            }
            if (windows.size() >= maxAddresses) {
                key = OVERFLOW;
            }
        }
        Window window = windows.compute(
                key, (k, old) -> old == null || old.start() != start ? new Window(start, new AtomicInteger()) : old);
        if (window.count().incrementAndGet() <= limit) {
            return 0;
        }
        return Math.max(1, (start + WINDOW_MILLIS - now + 999) / 1000);
    }

    int trackedAddresses() {
        return windows.size();
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
