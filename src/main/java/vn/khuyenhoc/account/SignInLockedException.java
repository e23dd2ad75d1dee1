package vn.khuyenhoc.account;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused because its username failed too often lately: the API answers 429 with {@code Retry-After}. */
public class SignInLockedException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    SignInLockedException(Duration retryAfter) {
        super("Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần, thử lại sau " + minutes(retryAfter.toSeconds())
                + " phút.");
        this.retryAfterSeconds = retryAfter.toSeconds();
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Whole minutes, rounded up, as the sign-in page says them. */
    public long retryAfterMinutes() {
        return minutes(retryAfterSeconds);
    }

    private static long minutes(long seconds) {
        return Math.max(1, (seconds + 59) / 60);
    }
}
