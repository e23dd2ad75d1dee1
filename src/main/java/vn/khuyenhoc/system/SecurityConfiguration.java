package vn.khuyenhoc.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import vn.khuyenhoc.account.AccountSignIn;
import vn.khuyenhoc.account.PasswordChangeRequiredException;
import vn.khuyenhoc.account.SignInLockedException;

/**
 * Two doors: the API takes a personal access token (Bearer) or HTTP Basic and answers 401/403 as problem details; the
 * pages use the sign-in form, a session that expires and CSRF tokens on every form. Both sign in through {@link AccountSignIn} (throttled: 429 on
 * the API, a message on the form) and check on each request that the session still follows its account.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
// not for --backup and --restore, which start without a web server
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccountSignIn signIn) throws Exception {
        http.securityMatcher("/api/**", "/actuator/prometheus")
                .authenticationManager(new ProviderManager(signIn))
                .addFilterBefore(signIn.bearerTokens(), BasicAuthenticationFilter.class)
                .addFilterBefore(signIn.sessionCheck(), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/public/**")
                        .permitAll()
                        // the whole instance's figures: for the province-wide administrator, not one bound to a commune
                        .requestMatchers("/actuator/prometheus")
                        .access((authentication, context) ->
                                new org.springframework.security.authorization.AuthorizationDecision(
                                        authentication.get().getPrincipal()
                                                        instanceof vn.khuyenhoc.shared.SignedInUser user
                                                && user.canChangeProvinceSettings()))
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.realmName("Khuyen Hoc So")
                        .authenticationEntryPoint((request, response, e) -> {
                            if (e instanceof SignInLockedException locked) {
                                response.setHeader("Retry-After", String.valueOf(locked.retryAfterSeconds()));
                                problem(response, 429, "Tạm khóa đăng nhập", locked.getMessage());
                                return;
                            }
                            // the account could not be read: the database is down or busy, not the password wrong
                            var failure = Failure.of(e.getCause());
                            if (e instanceof InternalAuthenticationServiceException && failure.isPresent()) {
                                DatabaseFailureFilter.write(request, response, failure.get());
                                return;
                            }
                            problem(
                                    response,
                                    401,
                                    "Chưa đăng nhập",
                                    "Hãy gửi mã truy cập (Authorization: Bearer …) hoặc tên đăng nhập và mật khẩu (HTTP Basic).");
                        }))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) -> {
                    if (e instanceof PasswordChangeRequiredException) {
                        problem(response, 403, "Cần đổi mật khẩu", e.getMessage());
                    } else {
                        problem(response, 403, "Không có quyền", "Tài khoản của bạn không được làm việc này.");
                    }
                }))
                .headers(SecurityConfiguration::headers)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()); // no cookies on this door, so no cross-site request to forge
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AccountSignIn signIn) throws Exception {
        http.authenticationManager(new ProviderManager(signIn))
                .addFilterBefore(signIn.sessionCheck(), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/sw.js",
                                "/manifest.webmanifest",
                                "/icons/**",
                                "/error",
                                "/verify",
                                "/verify/**",
                                "/public/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/api-docs",
                                "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/accounts/**", "/audit/**")
                        .hasRole("PROVINCE_ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        // the to-do home: what is due for this person
                        .defaultSuccessUrl("/")
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof SignInLockedException locked
                                        ? "/login?locked=" + locked.retryAfterMinutes()
                                        : e instanceof InternalAuthenticationServiceException
                                                        && Failure.of(e.getCause())
                                                                .isPresent()
                                                ? "/login?unavailable"
                                                : "/login?error")))
                        .permitAll())
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) -> {
                    String path = request.getRequestURI()
                            .substring(request.getContextPath().length());
                    String accept = request.getHeader("Accept");
                    if (path.startsWith("/field/api/") || (accept != null && accept.contains("json"))) {
                        // the field app's script and other JSON callers read a problem, in Vietnamese
                        problem(
                                response,
                                403,
                                "Không được phép",
                                e instanceof org.springframework.security.web.csrf.CsrfException
                                        ? "Thiếu hoặc sai mã chống giả mạo (CSRF) của phiên: hãy tải lại trang rồi gửi lại."
                                        : "Tài khoản của bạn không được làm việc này.");
                    } else {
                        new org.springframework.security.web.access.AccessDeniedHandlerImpl()
                                .handle(request, response, e);
                    }
                }))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(SecurityConfiguration::headers)
                .sessionManagement(session -> session.invalidSessionUrl("/login?expired"));
        return http.build();
    }

    /**
     * Pages run only the site's own scripts (htmx, ECharts and app.js are served by the app; no inline script or
     * handler), send no address to other sites and ask for no device. The policy goes on HTML answers only: a browser's
     * PDF viewer must not inherit it.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                    + "form-action 'self'; frame-ancestors 'none'";

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter(
                        "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
                .addHeaderWriter((request, response) -> {
                    String type = response.getContentType();
                    if (type != null
                            && type.startsWith("text/html")
                            && !response.containsHeader("Content-Security-Policy")) {
                        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                    }
                });
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Khuyen Hoc So\", charset=\"UTF-8\"");
        }
        response.setStatus(status);
        ShortAnswers.writeProblem(response, title, detail);
    }
}
