package vn.khuyenhoc.account;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.VietnameseText;

/** Signs people in and lets administrators manage the accounts of their own scope. */
@Service
class AccountService implements UserDetailsService {

    private static final String ENTITY = "account";
    private static final String SELECT_SIGNED_IN = """
            select a.id as account_id, a.username, a.full_name, a.password_hash, a.role,
                   l.code as scope_code, l.name as scope_name, l.path::text as scope_path, a.enabled,
                   a.session_generation, a.password_change_required
            from accounts a join localities l on l.id = a.scope_locality_id
            """;

    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final LocalityService localities;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    AccountService(
            AccountRepository accounts,
            JdbcClient jdbc,
            LocalityService localities,
            PasswordEncoder passwords,
            AuditTrail audit) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.localities = localities;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public SignedInUser loadUserByUsername(String username) {
        return jdbc.sql(SELECT_SIGNED_IN + " where a.username = :username")
                .param("username", normalise(username))
                .query(SignedInUser.class)
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("Sai tên đăng nhập hoặc mật khẩu."));
    }

    /** A username as typed, as it is stored and counted by the sign-in throttle. */
    static String normalise(String username) {
        String clean = VietnameseText.cleanOrEmpty(username).toLowerCase(java.util.Locale.ROOT);
        return clean.length() > 100 ? clean.substring(0, 100) : clean;
    }

    /** What every signed-in request checks: see {@link AccountSessionFilter}. */
    record Standing(boolean enabled, int sessionGeneration, boolean passwordChangeRequired) {}

    /** One read on its own connection, outside any transaction: the request's own work has not started yet. */
    @Nullable
    Standing standing(long accountId) {
        return jdbc.sql("select enabled, session_generation, password_change_required from accounts where id = :id")
                .param("id", accountId)
                .query(Standing.class)
                .optional()
                .orElse(null);
    }

    boolean passwordChangeRequired(SignedInUser user) {
        Standing standing = standing(user.accountId());
        return standing != null && standing.passwordChangeRequired();
    }

    @Transactional(readOnly = true)
    Paged<AccountRow> list(SignedInUser admin, PageQuery page) {
        requireAdmin(admin);
        String from =
                " from accounts a join localities l on l.id = a.scope_locality_id where l.path <@ cast(:scope as ltree)";
        long total = jdbc.sql("select count(*)" + from)
                .param("scope", admin.scopePath())
                .query(Long.class)
                .single();
        List<AccountRow> items = jdbc.sql("""
                        select a.id, a.username, a.full_name, a.role, l.code as scope_code, l.name as scope_name,
                               a.enabled, a.version, a.created_at
                        """ + from + " order by a.username limit :limit offset :offset")
                .param("scope", admin.scopePath())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(AccountRow.class)
                .list();
        return new Paged<>(items, total, page.page(), page.size());
    }

    /**
     * An account as an administrator writes it, on the pages or through {@code /api/v1/accounts}: {@code password} only
     * when creating, {@code version} only when editing. {@code scopeCodes} holds one locality for now (several
     * villages per account is not supported yet).
     */
    record AccountForm(
            @Nullable String username,
            @Nullable String displayName,
            @Nullable String role,
            @Nullable List<String> scopeCodes,
            @Nullable Boolean enabled,
            @Nullable String password,
            @Nullable Integer version) {

        static AccountForm of(
                String username, String displayName, String role, String scopeCode, @Nullable String password) {
            return new AccountForm(
                    username,
                    displayName,
                    role,
                    scopeCode.isBlank() ? List.of() : List.of(scopeCode),
                    true,
                    password,
                    null);
        }

        /** The one scope code, as the page's field shows it. */
        public String scopeCode() {
            return scopeCodes == null || scopeCodes.isEmpty() ? "" : String.valueOf(scopeCodes.get(0));
        }
    }

    @Transactional(readOnly = true)
    AccountRow get(long id, SignedInUser admin) {
        requireAdmin(admin);
        return findInScope(id, admin)
                .orElseThrow(() -> new NotFoundException("Không tìm thấy tài khoản số " + id + "."));
    }

    @Transactional
    AccountRow create(AccountForm form, SignedInUser admin) {
        requireAdmin(admin);
        String username = VietnameseText.cleanOrEmpty(form.username()).toLowerCase(java.util.Locale.ROOT);
        Role role = parseRole(form.role());
        LocalityView scope = scopeOf(form.scopeCodes(), role, admin);
        String password = form.password() == null ? "" : form.password();
        PasswordPolicy.check("password", "Mật khẩu", password, username);
        if (accounts.findByUsername(username).isPresent()) {
            throw new InvalidInputException("username", "Tên đăng nhập “" + username + "” đã có người dùng.");
        }
        Account account = Account.open(
                username,
                VietnameseText.cleanOrEmpty(form.displayName()),
                passwords.encode(password),
                role,
                scope.id(),
                true);
        if (Boolean.FALSE.equals(form.enabled())) {
            account.enable(false);
        }
        account = accounts.save(account);
        audit.recordChange("CREATE", ENTITY, username, null, account.snapshot(), scope.path());
        return row(account.id());
    }

    /**
     * An administrator edits an account of their scope (name, role, scope inside their own, enabled) against the
     * version they read. A new role or scope, or a lock, ends the account's sessions at once; an administrator changes
     * neither their own role and scope nor locks themselves out.
     */
    @Transactional
    AccountRow update(long id, AccountForm form, SignedInUser admin) {
        AccountRow row = get(id, admin);
        if (form.version() == null) {
            throw new InvalidInputException("version", "Hãy gửi phiên bản (version) của tài khoản đã đọc.");
        }
        Role role = parseRole(form.role());
        LocalityView scope = scopeOf(form.scopeCodes(), role, admin);
        boolean enabled = form.enabled() == null ? row.enabled() : form.enabled();
        Account account = accounts.findById(id).orElseThrow();
        account.checkVersion(form.version());
        Account.Snapshot before = account.snapshot();
        if (row.id() == admin.accountId()) {
            if (role != before.role() || scope.id() != before.scopeLocalityId()) {
                throw new InvalidInputException("role", "Bạn không thể tự đổi vai trò hoặc phạm vi của mình.");
            }
            if (!enabled) {
                throw new InvalidInputException("enabled", "Bạn không thể tự khóa tài khoản của mình.");
            }
        }
        account.rename(VietnameseText.cleanOrEmpty(form.displayName()));
        account.assign(role, scope.id());
        if (enabled != before.enabled()) {
            account.enable(enabled);
        }
        Account.Snapshot after = account.snapshot();
        if (after.equals(before)) {
            return row;
        }
        accounts.save(account);
        if (role != before.role() || scope.id() != before.scopeLocalityId() || !enabled) {
            endSessions(account.username(), null);
        }
        audit.recordChange("UPDATE", ENTITY, account.username(), before, after, scope.path());
        return row(id);
    }

    /** The one locality of {@code scopeCodes}: current, inside the administrator's scope, and fitting the role. */
    private LocalityView scopeOf(@Nullable List<String> scopeCodes, Role role, SignedInUser admin) {
        List<String> codes = scopeCodes == null
                ? List.of()
                : scopeCodes.stream()
                        .map(VietnameseText::cleanOrEmpty)
                        .filter(c -> !c.isEmpty())
                        .toList();
        if (codes.isEmpty()) {
            throw new InvalidInputException(
                    "scopeCodes",
                    "Hãy chọn phạm vi làm việc: " + role.label() + " làm việc ở " + Account.scopeRule(role) + ".");
        }
        if (codes.size() > 1) {
            throw new InvalidInputException(
                    "scopeCodes",
                    "Mỗi tài khoản hiện chỉ gắn với một địa bàn: hãy gửi đúng một mã trong scopeCodes"
                            + " (một tài khoản cho nhiều thôn chưa được hỗ trợ).");
        }
        LocalityView scope = localities
                .find(codes.get(0), admin.scopePath())
                .filter(LocalityView::current)
                .orElseThrow(() ->
                        new InvalidInputException("scopeCodes", "Phạm vi phải là một địa bàn trong phạm vi của bạn."));
        Account.checkScope(role, scope.level(), scope.name());
        return scope;
    }

    @Transactional
    void setEnabled(long id, boolean enabled, int version, SignedInUser admin) {
        requireAdmin(admin);
        AccountRow row = findInScope(id, admin).orElseThrow(() -> new NotFoundException("Không tìm thấy tài khoản."));
        if (row.id() == admin.accountId() && !enabled) {
            throw new InvalidInputException("enabled", "Bạn không thể tự khóa tài khoản của mình.");
        }
        Account account = accounts.findById(id).orElseThrow();
        account.checkVersion(version);
        Account.Snapshot before = account.snapshot();
        account.enable(enabled);
        accounts.save(account);
        if (!enabled) {
            endSessions(account.username(), null);
        }
        audit.recordChange(
                enabled ? "ENABLE" : "DISABLE",
                ENTITY,
                row.username(),
                before,
                account.snapshot(),
                scopePathOf(account));
    }

    /**
     * The owner changes their password: every other session of the account ends at once; {@code keepSessionId} is the
     * session the change is made from (null for the API).
     */
    @Transactional
    void changeOwnPassword(SignedInUser user, String current, String next, @Nullable String keepSessionId) {
        Account account = accounts.findById(user.accountId()).orElseThrow();
        if (!passwords.matches(current, account.passwordHash())) {
            throw new InvalidInputException("current", "Mật khẩu hiện tại không đúng.");
        }
        PasswordPolicy.check("next", "Mật khẩu mới", next, account.username());
        if (next.equals(current)) {
            throw new InvalidInputException("next", "Mật khẩu mới phải khác mật khẩu hiện tại.");
        }
        account.changePassword(passwords.encode(next));
        accounts.save(account);
        endSessions(account.username(), keepSessionId);
        audit.recordChange("CHANGE_PASSWORD", ENTITY, account.username(), null, null, scopePathOf(account));
    }

    /**
     * An administrator gives an account a temporary password (forgotten, or handed over): its sessions end, a sign-in
     * lock on its name is lifted, and its owner must choose a new password at the next sign-in.
     */
    @Transactional
    String resetPassword(long id, String temporary, int version, SignedInUser admin) {
        requireAdmin(admin);
        AccountRow row = findInScope(id, admin).orElseThrow(() -> new NotFoundException("Không tìm thấy tài khoản."));
        if (row.id() == admin.accountId()) {
            throw new InvalidInputException("password", "Hãy đổi mật khẩu của chính bạn ở trang Đổi mật khẩu.");
        }
        Account account = accounts.findById(id).orElseThrow();
        account.checkVersion(version);
        PasswordPolicy.check("password", "Mật khẩu tạm", temporary, account.username());
        account.resetPassword(passwords.encode(temporary));
        accounts.save(account);
        endSessions(account.username(), null);
        jdbc.sql("delete from sign_in_failures where username = :username")
                .param("username", account.username())
                .update();
        audit.recordChange("RESET_PASSWORD", ENTITY, account.username(), null, null, scopePathOf(account));
        return account.username();
    }

    /** An administrator gives an account another role or scope (inside their own): its open sessions end. */
    @Transactional
    void assign(long id, String role, String scopeCode, int version, SignedInUser admin) {
        requireAdmin(admin);
        AccountRow row = findInScope(id, admin).orElseThrow(() -> new NotFoundException("Không tìm thấy tài khoản."));
        if (row.id() == admin.accountId()) {
            throw new InvalidInputException("role", "Bạn không thể tự đổi vai trò hoặc phạm vi của mình.");
        }
        Role newRole = parseRole(role);
        LocalityView scope = scopeOf(List.of(scopeCode), newRole, admin);
        Account account = accounts.findById(id).orElseThrow();
        account.checkVersion(version);
        Account.Snapshot before = account.snapshot();
        account.assign(newRole, scope.id());
        accounts.save(account);
        endSessions(account.username(), null);
        audit.recordChange("ASSIGN", ENTITY, account.username(), before, account.snapshot(), scope.path());
    }

    /**
     * Deletes the account's stored web sessions but one, in the caller's transaction (Spring Session's own repository
     * would open a second connection with REQUIRES_NEW). The session generation is what guarantees the end; this
     * only frees the rows at once.
     */
    private void endSessions(String username, @Nullable String keepSessionId) {
        if (keepSessionId == null) {
            jdbc.sql("delete from spring_session where principal_name = :username")
                    .param("username", username)
                    .update();
        } else {
            jdbc.sql("delete from spring_session where principal_name = :username and session_id <> :keep")
                    .param("username", username)
                    .param("keep", keepSessionId)
                    .update();
        }
    }

    /**
     * Opens the first administrator, bound to the whole province, unless any account exists; a password printed in the
     * log must be changed at the first sign-in.
     */
    @Transactional
    boolean openFirstAdministrator(String provinceCode, String password, boolean passwordChangeRequired) {
        if (accounts.count() > 0) {
            return false;
        }
        long provinceId = jdbc.sql("select id from localities where code = :code and level = 'PROVINCE'")
                .param("code", provinceCode)
                .query(Long.class)
                .single();
        Account admin = accounts.save(Account.open(
                "admin",
                "Quản trị hệ thống",
                passwords.encode(password),
                Role.PROVINCE_ADMIN,
                provinceId,
                passwordChangeRequired));
        audit.recordChange("CREATE", ENTITY, "admin", null, admin.snapshot(), scopePathOf(admin));
        return true;
    }

    private Optional<AccountRow> findInScope(long id, SignedInUser admin) {
        return jdbc.sql("""
                        select a.id, a.username, a.full_name, a.role, l.code as scope_code, l.name as scope_name,
                               a.enabled, a.version, a.created_at
                        from accounts a join localities l on l.id = a.scope_locality_id
                        where a.id = :id and l.path <@ cast(:scope as ltree)
                        """)
                .param("id", id)
                .param("scope", admin.scopePath())
                .query(AccountRow.class)
                .optional();
    }

    private AccountRow row(long id) {
        return jdbc.sql("""
                        select a.id, a.username, a.full_name, a.role, l.code as scope_code, l.name as scope_name,
                               a.enabled, a.version, a.created_at
                        from accounts a join localities l on l.id = a.scope_locality_id where a.id = :id
                        """).param("id", id).query(AccountRow.class).single();
    }

    private String scopePathOf(Account account) {
        return jdbc.sql("select path::text from localities where id = :id")
                .param("id", account.scopeLocalityId())
                .query(String.class)
                .single();
    }

    private static Role parseRole(@Nullable String role) {
        try {
            return Role.valueOf(VietnameseText.cleanOrEmpty(role));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "role",
                    "Hãy chọn một vai trò: "
                            + java.util.Arrays.stream(Role.values())
                                    .map(r -> r.label() + " (" + r.name() + ")")
                                    .collect(java.util.stream.Collectors.joining(", "))
                            + ".");
        }
    }

    private static void requireAdmin(SignedInUser user) {
        if (!user.canManageAccounts()) {
            throw new AccessDeniedException("Chỉ quản trị viên được quản lý tài khoản.");
        }
    }
}
