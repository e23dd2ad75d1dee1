package vn.khuyenhoc.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
        @Nullable String newValue) {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** When it happened on a clock in Vietnam (the database answers in UTC). */
    @JsonIgnore
    public LocalDateTime occurredInVietnam() {
        return occurredAt.atZoneSameInstant(VIETNAM).toLocalDateTime();
    }
}
