package vn.khuyenhoc.shared;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moves the records of a registry that are still active on a day from retired villages to their successor, keeping
 * each one's earlier place in the registry's placements table (record id, locality, path, until the day), so that a
 * figure as of an earlier day still finds it where it stood. Used by each registry's handler of a merge; the table
 * names are the registry's own constants, never input.
 */
public final class Relocations {

    /** One record moved, and where it was. */
    public record Moved(long id, long fromLocalityId, String fromPath) {}

    /** Where a record stood and from which day: the audit's old and new values of a move. */
    public record Place(@Nullable Long localityId, @Nullable LocalDate from) {}

    /** A registry's tables: the records, their placements, the placements' key column and the records' end column. */
    public record Registry(String table, String placements, String key, String endColumn) {}

    private Relocations() {}

    /**
     * What a registry does when villages are retired on {@code on}: with a successor, moves its active records there;
     * without one, refuses when any is still active, naming how many ({@code what}: "hộ gia đình") and asking where
     * they go (field {@code recordsTo}).
     */
    public static List<Moved> relocate(
            JdbcClient jdbc,
            Registry registry,
            List<Long> villages,
            @Nullable Long successor,
            LocalDate on,
            String what) {
        if (successor != null) {
            return move(jdbc, registry, villages, successor, on);
        }
        long active = active(jdbc, registry, villages, on);
        if (active > 0) {
            throw new InvalidInputException(
                    "recordsTo",
                    "Thôn còn " + active + " " + what + " đang theo dõi vào ngày " + on
                            + ": hãy chọn thôn, tổ dân phố nhận các hồ sơ này.");
        }
        return List.of();
    }

    /** How many records of the registry are still active on {@code on} in the villages. */
    public static long active(JdbcClient jdbc, Registry registry, List<Long> villages, LocalDate on) {
        return jdbc.sql("select count(*) from " + registry.table() + " where locality_id = any(:villages) and ("
                        + registry.endColumn() + " is null or " + registry.endColumn() + " > :on)")
                .param("villages", villages.toArray(Long[]::new))
                .param("on", on)
                .query(Long.class)
                .single();
    }

    /** Moves the records active on {@code on} to {@code to}, from that day on. */
    public static List<Moved> move(JdbcClient jdbc, Registry registry, List<Long> villages, long to, LocalDate on) {
        return jdbc.sql("""
                        with moved as (
                            select id, locality_id, locality_path from %1$s
                            where locality_id = any(:villages) and (%4$s is null or %4$s > :on)
                            for update
                        ),
                        kept as (
                            insert into %2$s (%3$s, locality_id, locality_path, until)
                            select id, locality_id, locality_path, :on from moved
                        )
                        update %1$s t set locality_id = :to, version = t.version + 1, updated_at = now()
                        from moved m where t.id = m.id
                        returning t.id, m.locality_id, m.locality_path::text as path
                        """.formatted(registry.table(), registry.placements(), registry.key(), registry.endColumn()))
                .param("villages", villages.toArray(Long[]::new))
                .param("on", on)
                .param("to", to)
                .query((rs, n) -> new Moved(rs.getLong("id"), rs.getLong("locality_id"), rs.getString("path")))
                .list();
    }
}
