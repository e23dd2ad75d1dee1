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
import vn.khuyenhoc.shared.Relocations;
import vn.khuyenhoc.shared.SignedInUser;

/** Records changes and views in the same transaction as the change itself, so that no write goes unrecorded. */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    AuditTrail(JdbcClient jdbc, JsonMapper json, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.json = json;
        this.batch = batch;
    }

    /**
     * Records one write. {@code before} and {@code after} are the record's values (records serialise to JSON); either
     * is null for a creation or a deletion. {@code localityPath} places the event in a scope.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordChange(
            String action,
            String entityType,
            @Nullable String entityId,
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

    /**
     * Records that someone viewed or exported a list of personal data, with the filter they used, in the caller's
     * transaction (which is therefore not read-only): a new transaction here would wait for a second pooled connection
     * while the page holds one, and twenty views at once would exhaust the pool.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAccess(String action, String entityType, Object filter, String localityPath) {
        recordChange(action, entityType, null, null, filter, localityPath);
    }

    /** One change of a bulk write. */
    public record Change(
            String entityId,
            @Nullable Object before,
            @Nullable Object after,
            @Nullable String localityPath) {}

    /** The records a merge moved: each from its village to {@code to} from {@code on} (action {@code MOVE}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordMoves(
            String entityType, java.util.List<Relocations.Moved> moved, @Nullable Long to, java.time.LocalDate on) {
        recordChanges(
                "MOVE",
                entityType,
                moved.stream()
                        .map(m -> new Change(
                                String.valueOf(m.id()),
                                new Relocations.Place(m.fromLocalityId(), null),
                                new Relocations.Place(to, on),
                                m.fromPath()))
                        .toList());
    }

    /** Records many changes of one action in batches, in the caller's transaction (imports of thousands of rows). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordChanges(String action, String entityType, java.util.List<Change> changes) {
        String actor = currentActor();
        java.util.List<Object[]> rows = new java.util.ArrayList<>(changes.size());
        for (Change change : changes) {
            rows.add(new Object[] {
                actor,
                action,
                entityType,
                change.entityId(),
                change.localityPath(),
                change.before() == null ? null : json.writeValueAsString(change.before()),
                change.after() == null ? null : json.writeValueAsString(change.after())
            });
        }
        batch.batchUpdate("""
                insert into audit_events (actor, action, entity_type, entity_id, locality_path, old_value, new_value)
                values (?, ?, ?, ?, cast(? as ltree), cast(? as jsonb), cast(? as jsonb))
                """, rows);
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

    /**
     * The changes of records of one type, newest first: a record and its parts, such as "17" and "17/2025"; the caller
     * has checked that the record is in the user's scope.
     */
    @Transactional(readOnly = true)
    public java.util.List<AuditEvent> history(String entityType, java.util.List<String> entityIds) {
        return jdbc.sql("""
                        select id, occurred_at, actor, action, entity_type, entity_id,
                               old_value::text as old_value, new_value::text as new_value
                        from audit_events
                        where entity_type = :type and entity_id = any(:ids)
                        order by occurred_at desc, id desc
                        limit 200
                        """)
                .param("type", entityType)
                .param("ids", entityIds.toArray(String[]::new))
                .query(AuditEvent.class)
                .list();
    }

    /** The latest events of some entity types (settings without a scope, such as the plans' targets). */
    @Transactional(readOnly = true)
    public java.util.List<AuditEvent> recent(java.util.List<String> entityTypes, int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor, action, entity_type, entity_id,
                               old_value::text as old_value, new_value::text as new_value
                        from audit_events
                        where entity_type = any(:types)
                        order by occurred_at desc, id desc
                        limit :limit
                        """)
                .param("types", entityTypes.toArray(String[]::new))
                .param("limit", limit)
                .query(AuditEvent.class)
                .list();
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return "system";
        }
        return authentication.getDetails() instanceof vn.khuyenhoc.shared.TokenUse token
                ? token.actor(authentication.getName())
                : authentication.getName();
    }
}
