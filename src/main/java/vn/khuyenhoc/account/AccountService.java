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

    record NewAccount(String username, String fullName, String role, String scopeCode, String password) {}

    @Transactional
    AccountRow create(NewAccount form, SignedInUser admin) {
        requireAdmin(admin);
        String username = VietnameseText.cleanOrEmpty(form.username()).toLowerCase(java.util.Locale.ROOT);
        Role role = parseRole(form.role());
        LocalityView scope = localities
                .find(VietnameseText.cleanOrEmpty(form.scopeCode()), admin.scopePath())
                .filter(LocalityView::current)
                .orElseThrow(() ->
                        new InvalidInputException("scopeCode", "Phạm vi phải là một địa bàn trong phạm vi của bạn."));
        PasswordPolicy.check("password", "Mật khẩu", form.password(), username);
        if (accounts.findByUsername(username).isPresent()) {
            throw new InvalidInputException("username", "Tên đăng nhập “" + username + "” đã có người dùng.");
        }
        Account account = accounts.save(Account.open(
                username,
                VietnameseText.cleanOrEmpty(form.fullName()),
                passwords.encode(form.password()),
                role,
                scope.id(),
                true));
        audit.recordChange("CREATE", ENTITY, username, null, account.snapshot(), scope.path());
        return row(account.id());
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
        LocalityView scope = localities
                .find(VietnameseText.cleanOrEmpty(scopeCode), admin.scopePath())
                .filter(LocalityView::current)
                .orElseThrow(() ->
                        new InvalidInputException("scopeCode", "Phạm vi phải là một địa bàn trong phạm vi của bạn."));
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

    private static Role parseRole(String role) {
        try {
            return Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "Hãy chọn một vai trò.");
        }
    }

    private static void requireAdmin(SignedInUser user) {
        if (!user.canManageAccounts()) {
            throw new AccessDeniedException("Chỉ quản trị viên được quản lý tài khoản.");
        }
    }
}
