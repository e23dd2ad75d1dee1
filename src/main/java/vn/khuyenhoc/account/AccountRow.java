package vn.khuyenhoc.account;

import java.time.OffsetDateTime;
import vn.khuyenhoc.shared.Role;

/** An account as the list shows it. */
record AccountRow(
        long id,
        String username,
        String fullName,
        Role role,
        String scopeCode,
        String scopeName,
        boolean enabled,
        int version,
        OffsetDateTime createdAt) {}
