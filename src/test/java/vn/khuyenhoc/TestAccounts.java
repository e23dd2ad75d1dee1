package vn.khuyenhoc;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

/** Opens accounts for tests, each with a fresh name, and signs them in as the product would. */
@Component
public class TestAccounts {

    public static final String PASSWORD = "test-password-1";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final UserDetailsService users;

    TestAccounts(JdbcClient jdbc, PasswordEncoder passwords, UserDetailsService users) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.users = users;
    }

    /** A new account with {@link #PASSWORD}, bound to the locality with the given code. */
    public SignedInUser open(Role role, String scopeCode) {
        String username = role.name().toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        insert into accounts (username, full_name, password_hash, role, scope_locality_id)
                        select :username, 'Người thử', :hash, :role, id from localities where code = :scope
                        """)
                .param("username", username)
                .param("hash", passwords.encode(PASSWORD))
                .param("role", role.name())
                .param("scope", scopeCode)
                .update();
        return (SignedInUser) users.loadUserByUsername(username);
    }

    public SignedInUser admin() {
        return (SignedInUser) users.loadUserByUsername("admin");
    }
}
