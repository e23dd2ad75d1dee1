package vn.khuyenhoc.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import vn.khuyenhoc.shared.InvalidInputException;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters, not one of the commonest passwords (the
 * committed list {@code common-passwords.txt}) and without the account's username inside it.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    /**
     * Refuses a weak password; {@code field} and {@code label} name the form field (such as "next", "Mật khẩu mới") so
     * that the message says which one is wrong.
     */
    static void check(String field, String label, String password, String username) {
        if (password.length() < MIN_LENGTH) {
            throw new InvalidInputException(field, label + " phải có ít nhất " + MIN_LENGTH + " ký tự.");
        }
        if (password.strip().length() < MIN_LENGTH) {
            throw new InvalidInputException(
                    field, label + " phải có ít nhất " + MIN_LENGTH + " ký tự không kể khoảng trắng ở hai đầu.");
        }
        // "abcabcabca", "          ": a few characters repeated are guessed as quickly as a common password
        if (password.codePoints().distinct().count() < 4) {
            throw new InvalidInputException(field, label + " cần ít nhất 4 ký tự khác nhau.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            throw new InvalidInputException(
                    field, label + " nằm trong danh sách mật khẩu phổ biến, rất dễ bị đoán: hãy chọn mật khẩu khác.");
        }
        if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException(field, label + " không được chứa tên đăng nhập.");
        }
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
