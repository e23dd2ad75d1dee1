package vn.khuyenhoc.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import vn.khuyenhoc.locality.LocalityLevel;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.Role;

/** An account: a person who signs in, with one role, bound to one locality subtree. */
@Table("accounts")
class Account {

    private @Id @Nullable Long id;
    private final String username;
    private String fullName;
    private String passwordHash;
    private Role role;
    private long scopeLocalityId;
    private boolean enabled;
    /** Sessions signed in under an earlier generation are ended: see {@link #endSessions()}. */
    private int sessionGeneration;

    private boolean passwordChangeRequired;
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
            int sessionGeneration,
            boolean passwordChangeRequired,
            @Nullable Integer version,
            Instant updatedAt) {
        this.id = id;
        this.username = username;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.scopeLocalityId = scopeLocalityId;
        this.enabled = enabled;
        this.sessionGeneration = sessionGeneration;
        this.passwordChangeRequired = passwordChangeRequired;
        this.version = version;
        this.updatedAt = updatedAt;
    }

    /**
     * A new account. {@code passwordChangeRequired} when someone else chose the password (an administrator), so that
     * only its owner knows the password it works with.
     */
    static Account open(
            String username,
            String fullName,
            String passwordHash,
            Role role,
            long scopeLocalityId,
            boolean passwordChangeRequired) {
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
                0,
                passwordChangeRequired,
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

    /**
     * Which localities a role works in: a province administrator, the decision office and a viewer the province or a
     * commune (a commune-bound administrator runs that commune, see {@code SignedInUser.canChangeProvinceSettings}; the
     * recognising authority is a commune's or the province's chair); a commune officer a commune; a data clerk a
     * commune or one village (the village clerk). An account holds one locality.
     */
    static void checkScope(Role role, LocalityLevel level, String scopeName) {
        boolean fits = switch (role) {
            case PROVINCE_ADMIN, DECISION_OFFICE, VIEWER ->
                level == LocalityLevel.PROVINCE || level == LocalityLevel.COMMUNE;
            case COMMUNE_OFFICER -> level == LocalityLevel.COMMUNE;
            case DATA_CLERK -> level == LocalityLevel.COMMUNE || level == LocalityLevel.VILLAGE;
        };
        if (!fits) {
            throw new InvalidInputException(
                    "scopeCodes",
                    "Phạm vi “" + scopeName + "” không hợp với vai trò " + role.label() + ": vai trò này làm việc ở "
                            + scopeRule(role) + ".");
        }
    }

    /** The rule of {@link #checkScope} in words, as the form shows it next to the role. */
    static String scopeRule(Role role) {
        return switch (role) {
            case PROVINCE_ADMIN, DECISION_OFFICE, VIEWER -> "cả tỉnh hoặc một xã, phường";
            case COMMUNE_OFFICER -> "một xã, phường";
            case DATA_CLERK -> "một thôn, tổ dân phố hoặc một xã, phường";
        };
    }

    void checkVersion(int expected) {
        if (version == null || version != expected) {
            throw new ConflictException(
                    "Tài khoản “" + username + "” vừa được người khác thay đổi. Hãy tải lại trang.");
        }
    }

    /** The owner chose a new password: their other sessions end, and no change is required any more. */
    void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.passwordChangeRequired = false;
        endSessions();
    }

    /** An administrator chose a temporary password: every session ends and the owner must choose their own. */
    void resetPassword(String temporaryHash) {
        this.passwordHash = temporaryHash;
        this.passwordChangeRequired = true;
        endSessions();
    }

    void enable(boolean enabled) {
        this.enabled = enabled;
        if (!enabled) {
            endSessions();
        }
        this.updatedAt = Instant.now();
    }

    /** A new display name; sessions go on (they show the new name from their next sign-in). */
    void rename(String fullName) {
        String name = requireFullName(fullName);
        if (!name.equals(this.fullName)) {
            this.fullName = name;
            this.updatedAt = Instant.now();
        }
    }

    boolean enabled() {
        return enabled;
    }

    Role role() {
        return role;
    }

    /** A new role or scope: sessions holding the old ones end, so that no page keeps acting with them. */
    void assign(Role role, long scopeLocalityId) {
        if (role == this.role && scopeLocalityId == this.scopeLocalityId) {
            return;
        }
        this.role = role;
        this.scopeLocalityId = scopeLocalityId;
        endSessions();
    }

    /**
     * Ends every session signed in before now: each request compares its session's generation with the account's
     * (see {@code AccountSessionFilter}).
     */
    private void endSessions() {
        this.sessionGeneration++;
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
