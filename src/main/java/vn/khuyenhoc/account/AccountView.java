package vn.khuyenhoc.account;

import java.time.OffsetDateTime;
import java.util.List;
import vn.khuyenhoc.shared.Role;

/**
 * An account as {@code /api/v1/accounts} answers it, in the shape it is written ({@code displayName},
 * {@code scopeCodes}); never the password nor its hash.
 */
record AccountView(
        long id,
        String username,
        String displayName,
        Role role,
        String roleLabel,
        List<String> scopeCodes,
        String scopeName,
        boolean enabled,
        int version,
        OffsetDateTime createdAt) {

    static AccountView of(AccountRow row) {
        return new AccountView(
                row.id(),
                row.username(),
                row.fullName(),
                row.role(),
                row.role().label(),
                List.of(row.scopeCode()),
                row.scopeName(),
                row.enabled(),
                row.version(),
                row.createdAt());
    }
}
