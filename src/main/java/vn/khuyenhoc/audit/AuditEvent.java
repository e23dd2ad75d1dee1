package vn.khuyenhoc.audit;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One line of the audit trail. */
public record AuditEvent(
        long id,
        OffsetDateTime occurredAt,
        String actor,
        String action,
        String entityType,
        @Nullable String entityId,
        @Nullable String oldValue,
        @Nullable String newValue) {}
