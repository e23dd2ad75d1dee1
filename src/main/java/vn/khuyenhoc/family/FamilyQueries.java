package vn.khuyenhoc.family;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.RegistryFilter;
import vn.khuyenhoc.shared.VietnameseText;

/** Reads of households, always within a scope path. */
@Component
class FamilyQueries {

    private static final String COLUMNS = """
            select f.id, f.head_name, f.address, f.members, f.adults, f.school_age_children, f.phone,
                   v.code as village_code, v.name as village_name, c.name as commune_name,
                   f.locality_path::text as locality_path, f.since, f.closed_on, f.demo, f.version
            """;
    private static final String LOCALITIES = """
            join localities v on v.id = f.locality_id
            join localities c on c.id = v.parent_id
            """;
    private static final String SELECT = COLUMNS + " from families f " + LOCALITIES;

    private final JdbcClient jdbc;

    FamilyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<FamilyView> find(long id, String scope) {
        return jdbc.sql(SELECT + " where f.id = :id and f.locality_path <@ cast(:scope as ltree)")
                .param("id", id)
                .param("scope", scope)
                .query(FamilyView.class)
                .optional();
    }

    /**
     * One page of the list. Counting the 900,000 households of a province takes longer than reading a page, so
     * the count stops at {@code countLimit} (the page shows "more than"); the API asks for the exact count.
     */
    Paged<FamilyView> search(FamilySearch search, String scope, String within, PageQuery page, long countLimit) {
        RegistryFilter filter = filter(search, scope, within, true);
        if (VietnameseText.cleanOrEmpty(search.q()).isEmpty()) {
            return page(filter.params(), "", filter.sql(), page, countLimit);
        }
        // With a search text the matches are found first and sorted after: in name order the planner would hope to
        // meet 50 matches early and may read most of the province instead. Within a commune or a village, its
        // few thousand households are read first and compared with the text, cheaper than the trigram index for
        // common syllables (nguyen, tran, thi); over the province the trigram index finds them.
        String with = within.split("\\.").length >= 2
                ? "with scoped as materialized (select f.id, f.head_name, f.search_name from families f"
                        + filter(search, scope, within, false).sql()
                        + "), matches as materialized (select id, head_name from scoped"
                        + " where search_name like search_key(:q)) "
                : "with matches as materialized (select f.id, f.head_name from families f" + filter.sql() + ") ";
        return matches(filter.params(), with, page, countLimit);
    }

    private record Counted(FamilyView family, long total) {}

    /**
     * The matches are counted in the statement that reads the page, so the matching runs once; they carry their
     * names, so they are sorted and cut to the page before anything else is read for the page's rows only.
     */
    private Paged<FamilyView> matches(Map<String, Object> params, String with, PageQuery page, long countLimit) {
        RowMapper<FamilyView> families = new DataClassRowMapper<>(FamilyView.class);
        List<Counted> rows = jdbc.sql(with
                        + ", picked as (select id, count(*) over () as total_count from matches"
                        + " order by head_name collate vi_natural, id limit :limit offset :offset) "
                        + COLUMNS + ", p.total_count from picked p join families f on f.id = p.id " + LOCALITIES
                        + " order by f.head_name collate vi_natural, f.id")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new Counted(families.mapRow(rs, n), rs.getLong("total_count")))
                .list();
        if (rows.isEmpty() && page.page() > 0) {
            return page(params, with, " where f.id in (select id from matches)", page, countLimit);
        }
        long total = rows.isEmpty() ? 0 : Math.min(rows.get(0).total(), countLimit);
        return new Paged<>(rows.stream().map(Counted::family).toList(), total, page.page(), page.size());
    }

    private Paged<FamilyView> page(
            Map<String, Object> params, String with, String where, PageQuery page, long countLimit) {
        long total = jdbc.sql(
                        with + "select count(*) from (select 1 from families f" + where + " limit :countLimit) counted")
                .params(params)
                .param("countLimit", countLimit)
                .query(Long.class)
                .single();
        List<FamilyView> items = jdbc.sql(with + SELECT + where
                        + " order by f.head_name collate vi_natural, f.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(FamilyView.class)
                .list();
        return new Paged<>(items, total, page.page(), page.size());
    }

    void each(FamilySearch search, String scope, String within, Consumer<FamilyView> consumer) {
        RegistryFilter filter = filter(search, scope, within, true);
        try (Stream<FamilyView> rows = jdbc
                .sql(
                        SELECT + filter.sql()
                                + " order by c.name collate vi_natural, v.name collate vi_natural, f.head_name collate vi_natural, f.id")
                .params(filter.params())
                .query(FamilyView.class)
                .stream()) {
            rows.forEach(consumer);
        }
    }

    /**
     * Holds, until the transaction ends, the right to add or rename households of one village: two people saving the
     * same household at once then see each other's row in {@link #likelyDuplicates} (ten at once made six copies).
     */
    void lockVillage(long villageId) {
        jdbc.sql("select pg_advisory_xact_lock(:space, :village)")
                .param("space", 1_330_001) // households' lock space, apart from any other advisory lock
                .param("village", Math.toIntExact(villageId))
                .query((rs, n) -> 0)
                .list();
    }

    /** Current households of the village whose head has the same name, compared without diacritics. */
    List<FamilyView> likelyDuplicates(long villageId, String headName, long exceptId) {
        return jdbc.sql(
                        SELECT
                                + " where f.locality_id = :village and f.closed_on is null and f.search_name = search_key(:name) and f.id <> :except")
                .param("village", villageId)
                .param("name", headName)
                .param("except", exceptId)
                .query(FamilyView.class)
                .list();
    }

    /**
     * Paths are ids from the province down, so a commune's or a village's households are also found by
     * {@code locality_id}, whose statistics lead the planner to the small set instead of scanning in name order.
     */
    private static RegistryFilter filter(FamilySearch search, String scope, String within, boolean byName) {
        String[] ids = within.split("\\.");
        RegistryFilter filter = RegistryFilter.within("f", scope, within)
                .nameContains("f", byName ? search.q() : null)
                .status("f.closed_on", search.status());
        if (ids.length == 2) {
            filter.and(
                    "f.locality_id = any(array(select id from localities where parent_id = :communeId))",
                    "communeId",
                    Long.valueOf(ids[1]));
        } else if (ids.length >= 3) {
            filter.and("f.locality_id = :villageId", "villageId", Long.valueOf(ids[ids.length - 1]));
        }
        return filter;
    }
}
