package vn.khuyenhoc.account;

import jakarta.servlet.Filter;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * How accounts sign in and stay signed in: the password is checked only when the username is not locked by
 * {@link SignInThrottle}, and {@link #sessionCheck()} ends sessions the account has moved past (disabled, new
 * password, new role or scope) and holds a forced password change. Both security filter chains use it.
 */
@Component
public class AccountSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final AccountService accounts;

    private final ApiTokens tokens;

    AccountSignIn(AccountService accounts, PasswordEncoder encoder, SignInThrottle throttle, ApiTokens tokens) {
        this.tokens = tokens;
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = AccountService.normalise(attempt.getName());
        SignInThrottle.Standing standing = throttle.standing(username);
        if (standing.locked()) {
            throw new SignInLockedException(Duration.ofSeconds(standing.lockedSeconds()));
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            if (standing.failuresOnRecord()) {
                throttle.succeeded(username);
            }
            return signedIn;
        } catch (BadCredentialsException e) {
            throttle.failed(username, addressOf(attempt));
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The filter each chain runs before authorising a request (not a bean, so the container does not run it too). */
    public Filter sessionCheck() {
        return new AccountSessionFilter(accounts);
    }

    /** The filter that signs API requests in by a personal access token ({@code Authorization: Bearer …}). */
    public Filter bearerTokens() {
        return new BearerTokenFilter(tokens);
    }

    private static String addressOf(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "";
    }
}
