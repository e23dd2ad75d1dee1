package vn.khuyenhoc.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The bounded queue in front of the pages and the API: at most {@code khuyenhoc.admission.max-concurrent} requests are
 * at work at once; one more waits up to {@code khuyenhoc.admission.wait} for a place, then answers 503 with
 * Retry-After at once. Without it, under 200 connections every request took turns at the pool's two-second wait for
 * its session, its account and its page, and the slowest passed ten seconds. Health, static files and uploads (a
 * phone's slow upload must not hold a place while its bytes arrive) are not counted.
 */
class AdmissionFilter extends OncePerRequestFilter {

    private final Semaphore places;
    private final long waitMillis;

    AdmissionFilter(int maxConcurrent, long waitMillis) {
        this.places = new Semaphore(maxConcurrent, true);
        this.waitMillis = waitMillis;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<AdmissionFilter> admissionFilter(
                @Value("${khuyenhoc.admission.max-concurrent:12}") int maxConcurrent,
                @Value("${khuyenhoc.admission.wait:2s}") java.time.Duration wait) {
            var registration = new FilterRegistrationBean<>(new AdmissionFilter(maxConcurrent, wait.toMillis()));
            // inside DatabaseFailureFilter, before Spring Session (Integer.MIN_VALUE + 50) and Spring Security
            registration.setOrder(
                    Integer.MIN_VALUE + 30); // after PublicRateLimit (+ 20): a refusal for flooding costs no place
            return registration;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String type = request.getContentType();
        return path.startsWith("/actuator/health")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/img/")
                || path.startsWith("/webjars/")
                || path.equals("/favicon.ico")
                || (type != null && type.startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = places.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            DatabaseFailureFilter.write(request, response, Failure.UNAVAILABLE);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }
}
