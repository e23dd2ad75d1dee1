package vn.khuyenhoc.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: a database failure that escapes the controllers' own handling (in the sign-in, the session
 * store, a filter) is answered like one inside them, 503 or 409 in Vietnamese, instead of the container's 500 page.
 */
class DatabaseFailureFilter extends OncePerRequestFilter {

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<DatabaseFailureFilter> databaseFailureFilter() {
            var registration = new FilterRegistrationBean<>(new DatabaseFailureFilter());
            // before Spring Session's filter (Integer.MIN_VALUE + 50) and Spring Security's
            registration.setOrder(Integer.MIN_VALUE);
            return registration;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            Optional<Failure> failure = Failure.of(e);
            if (failure.isEmpty() || response.isCommitted()) {
                throw e;
            }
            logger.warn("Answered " + failure.get().status().value() + " for " + request.getRequestURI() + ": " + e);
            write(request, response, failure.get());
        }
    }

    /** Writes the failure as a problem detail (API, open data) or a short page. */
    static void write(HttpServletRequest request, HttpServletResponse response, Failure failure) throws IOException {
        response.reset();
        response.setStatus(failure.status().value());
        if (failure.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Failure.RETRY_AFTER_SECONDS));
        }
        ShortAnswers.write(request, response, failure.title(), failure.detail());
    }
}
