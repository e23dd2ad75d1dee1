package vn.khuyenhoc.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * Checks on every signed-in request that the account still stands as it did when the session signed in: enabled
 * and of the same session generation (one indexed read of the shared database, so it holds on every instance and for
 * a session signed in at the very moment of the change). An ended page session is invalidated and sent to the
 * sign-in page; an account that must change its password sees only the change-password page, and the API answers
 * 403.
 */
class AccountSessionFilter extends OncePerRequestFilter {

    /** What an account that must change its password may still open. */
    private static final List<String> OPEN_BEFORE_CHANGE = List.of(
            "/account/password", "/logout", "/login", "/error", "/css/", "/js/", "/img/", "/webjars/", "/favicon.ico");

    private final AccountService accounts;

    AccountSessionFilter(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith("/api/");
        AccountService.Standing standing = accounts.standing(user.accountId());
        if (standing == null || !standing.enabled() || standing.sessionGeneration() != user.sessionGeneration()) {
            SecurityContextHolder.clearContext();
            if (api) {
                throw new CredentialsExpiredException("Tài khoản đã bị khóa hoặc đã đổi mật khẩu.");
            }
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            redirect(request, response, "/login?expired");
            return;
        }
        if (standing.passwordChangeRequired() && OPEN_BEFORE_CHANGE.stream().noneMatch(path::startsWith)) {
            if (api) {
                throw new PasswordChangeRequiredException();
            }
            redirect(request, response, "/account/password");
            return;
        }
        chain.doFilter(request, response);
    }

    /** htmx follows a redirect inside the page it swaps, so it is told to load the whole page instead. */
    private static void redirect(HttpServletRequest request, HttpServletResponse response, String target)
            throws IOException {
        String url = request.getContextPath() + target;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", url);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(url);
        }
    }
}
