package vn.khuyenhoc.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TokenUse;

/**
 * Signs an API request in by its {@code Authorization: Bearer …} token. A request without one goes on to HTTP Basic; a
 * token that is malformed, unknown, revoked or expired is answered 401 at once, with a Vietnamese problem detail.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.Bearer> bearer = tokens.verify(header.substring(7).trim());
        if (bearer.isEmpty() || !bearer.get().user().isEnabled()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Mã truy cập không dùng được\",\"status\":401,"
                            + "\"detail\":\"Mã truy cập sai, đã bị thu hồi hoặc đã hết hạn. Hãy tạo mã mới"
                            + " ở trang Tài khoản → Mã truy cập API.\"}");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new Authenticated(bearer.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The request's authentication: the token's owner, with the token kept as the details. */
    static final class Authenticated extends AbstractAuthenticationToken {

        private static final long serialVersionUID = 1L;
        private final SignedInUser user;

        Authenticated(ApiTokens.Bearer bearer) {
            super(bearer.user().getAuthorities());
            this.user = bearer.user();
            setDetails(new TokenUse(bearer.tokenId(), bearer.tokenName()));
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public SignedInUser getPrincipal() {
            return user;
        }

        @Override
        public String getName() {
            return user.username();
        }
    }
}
