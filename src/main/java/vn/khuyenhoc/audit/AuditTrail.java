package vn.khuyenhoc.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.SignedInUser;

/** Records changes and views in the same transaction as the change itself, so that no write goes unrecorded. */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Records one write. {@code before} and {@code after} are the record's values (records serialise to JSON); either
     * is null for a creation or a deletion. {@code localityPath} places the event in a scope.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordChange(
            String action,
            String entityType,
            String entityId,
            @Nullable Object before,
            @Nullable Object after,
            @Nullable String localityPath) {
        jdbc.sql("""
                        insert into audit_events (actor, action, entity_type, entity_id, locality_path, old_value, new_value)
                        values (:actor, :action, :entityType, :entityId, cast(:path as ltree), cast(:old as jsonb), cast(:new as jsonb))
                        """)
                .param("actor", currentActor())
                .param("action", action)
                .param("entityType", entityType)
                .param("entityId", entityId)
                .param("path", localityPath)
                .param("old", before == null ? null : json.writeValueAsString(before))
                .param("new", after == null ? null : json.writeValueAsString(after))
                .update();
    }

    /** The events within the user's scope, newest first. */
    @Transactional(readOnly = true)
    public Paged<AuditEvent> events(SignedInUser user, PageQuery page) {
        long total = jdbc.sql("select count(*) from audit_events where locality_path <@ cast(:scope as ltree)")
                .param("scope", user.scopePath())
                .query(Long.class)
                .single();
        var items = jdbc.sql("""
                        select id, occurred_at, actor, action, entity_type, entity_id,
                               old_value::text as old_value, new_value::text as new_value
                        from audit_events
                        where locality_path <@ cast(:scope as ltree)
                        order by occurred_at desc, id desc
                        limit :limit offset :offset
                        """)
                .param("scope", user.scopePath())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(AuditEvent.class)
                .list();
        return new Paged<>(items, total, page.page(), page.size());
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
