package vn.khuyenhoc.account;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the very first start, opens the province administrator {@code admin} with the password from
 * {@code KHUYENHOC_ADMIN_PASSWORD}, or a random one written once to the log, which must be changed at the first sign-in
 * (anyone who reads the log knows it).
 */
@Component
@Order(20)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final AccountService accounts;
    private final String provinceCode;
    private final String configuredPassword;

    FirstAdministrator(
            AccountService accounts,
            @Value("${khuyenhoc.province-code:66}") String provinceCode,
            @Value("${KHUYENHOC_ADMIN_PASSWORD:}") String configuredPassword) {
        this.accounts = accounts;
        this.provinceCode = provinceCode.strip();
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        if (!accounts.openFirstAdministrator(provinceCode, password, generated)) {
            return;
        }
        if (generated) {
            log.warn(
                    "\n\n    Tài khoản quản trị đầu tiên / first administrator:  admin  /  {}\n"
                            + "    Mật khẩu này chỉ in một lần: lần đăng nhập đầu tiên sẽ yêu cầu đổi mật khẩu.\n",
                    password);
        } else {
            log.info("First administrator 'admin' opened with the password from KHUYENHOC_ADMIN_PASSWORD.");
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
