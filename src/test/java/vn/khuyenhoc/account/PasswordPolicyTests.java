package vn.khuyenhoc.account;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.khuyenhoc.shared.InvalidInputException;

class PasswordPolicyTests {

    @Test
    void refusesShortPasswordsNamingTheField() {
        assertThatThrownBy(() -> PasswordPolicy.check("next", "Mật khẩu mới", "ngan-9", "can-bo"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Mật khẩu mới phải có ít nhất 10 ký tự.")
                .extracting(e -> ((InvalidInputException) e).problems().get(0).field())
                .isEqualTo("next");
    }

    @Test
    void refusesTheCommonestPasswordsWhateverTheirCase() {
        for (String common : new String[] {"1234567890", "matkhau123", "Password123", "KHUYENHOC1", "qwertyuiop"}) {
            assertThatThrownBy(() -> PasswordPolicy.check("password", "Mật khẩu", common, "can-bo"))
                    .hasMessageContaining("danh sách mật khẩu phổ biến");
        }
    }

    @Test
    void refusesAPasswordContainingTheUsername() {
        assertThatThrownBy(() -> PasswordPolicy.check("password", "Mật khẩu", "ABC-can-bo-xa-2026", "can-bo-xa"))
                .hasMessage("Mật khẩu không được chứa tên đăng nhập.");
    }

    @Test
    void refusesBlankAndRepetitivePasswords() {
        assertThatThrownBy(() -> PasswordPolicy.check("next", "Mật khẩu mới", " ".repeat(12), "can-bo"))
                .hasMessageContaining("khoảng trắng");
        assertThatThrownBy(() -> PasswordPolicy.check("next", "Mật khẩu mới", "abcabcabca", "can-bo"))
                .hasMessageContaining("4 ký tự khác nhau");
    }

    @Test
    void acceptsALongUncommonPassword() {
        assertThatNoException().isThrownBy(() -> PasswordPolicy.check("password", "Mật khẩu", "Ea-sup-mua-thu", "a.b"));
    }
}
