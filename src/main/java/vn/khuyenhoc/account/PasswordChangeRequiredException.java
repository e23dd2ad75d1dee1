package vn.khuyenhoc.account;

import org.springframework.security.access.AccessDeniedException;

/** The account must choose its own password before anything else: the API answers 403 with this message. */
public class PasswordChangeRequiredException extends AccessDeniedException {

    private static final long serialVersionUID = 1L;

    PasswordChangeRequiredException() {
        super("Tài khoản phải đổi mật khẩu trước khi làm việc: hãy đăng nhập trên trang web và đổi mật khẩu"
                + " (Đổi mật khẩu), rồi gọi lại.");
    }
}
