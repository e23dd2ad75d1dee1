package vn.khuyenhoc.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.Role;

/** An account: a person who signs in, with one role, bound to one locality subtree. */
@Table("accounts")
class Account {

    static final int MIN_PASSWORD_LENGTH = 10;

    private @Id @Nullable Long id;
    private final String username;
    private String fullName;
    private String passwordHash;
    private Role role;
    private long scopeLocalityId;
    private boolean enabled;
    private @Version @Nullable Integer version;
    private Instant updatedAt;

    @PersistenceCreator
    Account(
            @Nullable Long id,
            String username,
            String fullName,
            String passwordHash,
            Role role,
            long scopeLocalityId,
            boolean enabled,
            @Nullable Integer version,
            Instant updatedAt) {
        this.id = id;
        this.username = username;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.scopeLocalityId = scopeLocalityId;
        this.enabled = enabled;
        this.version = version;
        this.updatedAt = updatedAt;
    }

    static Account open(String username, String fullName, String passwordHash, Role role, long scopeLocalityId) {
        if (!username.matches("[a-z0-9._-]{3,40}")) {
            throw new InvalidInputException(
                    "username",
                    "Tên đăng nhập gồm 3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang.");
        }
        return new Account(
                null,
                username,
                requireFullName(fullName),
                passwordHash,
                role,
                scopeLocalityId,
                true,
                null,
                Instant.now());
    }

    static String requireFullName(String fullName) {
        if (fullName.isBlank()) {
            throw new InvalidInputException("fullName", "Họ và tên không được để trống.");
        }
        if (fullName.length() > 120) {
            throw new InvalidInputException("fullName", "Họ và tên dài quá 120 ký tự.");
        }
        return fullName;
    }

    /** Checks a new password before it is hashed. */
    static void requireStrongPassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password", "Mật khẩu phải có ít nhất " + MIN_PASSWORD_LENGTH + " ký tự.");
        }
    }

    void checkVersion(int expected) {
        if (version == null || version != expected) {
            throw new ConflictException(
                    "Tài khoản “" + username + "” vừa được người khác thay đổi. Hãy tải lại trang.");
        }
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.updatedAt = Instant.now();
    }

    void enable(boolean enabled) {
        this.enabled = enabled;
        this.updatedAt = Instant.now();
    }

    Long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    long scopeLocalityId() {
        return scopeLocalityId;
    }

    /** What the audit trail records: never the password hash. */
    Snapshot snapshot() {
        return new Snapshot(username, fullName, role, scopeLocalityId, enabled);
    }

    record Snapshot(String username, String fullName, Role role, long scopeLocalityId, boolean enabled) {}
}
