package vn.khuyenhoc.locality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.VietnameseText;

/** Reads of the map. Every query takes the caller's scope path and never answers outside it. */
@Component
class LocalityQueries {

    private static final String SELECT = """
            select l.id, l.code, l.name, l.level, l.kind, k.label as kind_label,
                   p.code as parent_code, p.name as parent_name, l.path::text as path,
                   l.valid_from, l.valid_to, l.demo, l.former_map, l.version,
                   (select count(*) from localities c where c.parent_id = l.id and c.valid_to is null) as child_count
            from localities l
            join locality_kinds k on k.code = l.kind
            left join localities p on p.id = l.parent_id
            """;

    /**
     * A row of {@link #SELECT}, mapped by hand: the reflective record mapper looked each component up under its Java
     * name first, and PostgreSQL's driver answers a missing column with an exception (its message formatted, its
     * stack filled), so mapping a province-wide account's 13,000 current localities took about 0.7 s at 4x.
     */
    private static LocalityView view(ResultSet rs, int row) throws SQLException {
        return new LocalityView(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                LocalityLevel.valueOf(rs.getString("level")),
                rs.getString("kind"),
                rs.getString("kind_label"),
                rs.getString("parent_code"),
                rs.getString("parent_name"),
                rs.getString("path"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getBoolean("demo"),
                rs.getBoolean("former_map"),
                rs.getInt("version"),
                rs.getLong("child_count"));
    }

    /**
     * Whether the locality {@code l} is seen by a user of scope {@code :scope}: inside the scope, or on the map before
     * 1/7/2025 (its own trees, outside every path of today) with itself or a unit below it succeeded by a locality in
     * the scope. A province-wide user thus sees the whole former map; a commune user the former communes its commune
     * was formed from, with their district and province.
     */
    static final String VISIBLE = """
            (l.path <@ cast(:scope as ltree) or (l.former_map and exists (
                select 1 from localities d
                join locality_successions s on s.predecessor_id = d.id
                join localities n on n.id = s.successor_id
                where d.path <@ l.path and n.path <@ cast(:scope as ltree))))
            """;

    private final JdbcClient jdbc;

    LocalityQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LocalityView> find(String code, String scope) {
        return jdbc.sql(SELECT + " where l.code = :code and " + VISIBLE)
                .param("code", code)
                .param("scope", scope)
                .query(LocalityQueries::view)
                .optional();
    }

    Paged<LocalityView> children(long parentId, String scope, boolean includeRetired, PageQuery page) {
        String where = " where l.parent_id = :parent and " + VISIBLE
                + (includeRetired ? "" : " and (l.valid_to is null or l.former_map)");
        long total = jdbc.sql("select count(*) from localities l" + where)
                .param("parent", parentId)
                .param("scope", scope)
                .query(Long.class)
                .single();
        List<LocalityView> items = jdbc.sql(SELECT + where
                        + " order by l.valid_to is not null, l.name collate vi_natural limit :limit offset :offset")
                .param("parent", parentId)
                .param("scope", scope)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(LocalityQueries::view)
                .list();
        return new Paged<>(items, total, page.page(), page.size());
    }

    /** Current localities whose name contains the text, compared without diacritics or case. */
    Paged<LocalityView> search(String text, String scope, PageQuery page) {
        String pattern = "%" + escapeLike(VietnameseText.cleanOrEmpty(text)) + "%";
        String where = " where l.valid_to is null and l.path <@ cast(:scope as ltree)"
                + " and l.search_name like search_key(:pattern)";
        long total = jdbc.sql("select count(*) from localities l" + where)
                .param("scope", scope)
                .param("pattern", pattern)
                .query(Long.class)
                .single();
        List<LocalityView> items = jdbc.sql(SELECT + where + """
                         order by case l.level when 'PROVINCE' then 0 when 'COMMUNE' then 1 else 2 end,
                                  l.name collate vi_natural, p.name collate vi_natural
                         limit :limit offset :offset
                        """)
                .param("scope", scope)
                .param("pattern", pattern)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(LocalityQueries::view)
                .list();
        return new Paged<>(items, total, page.page(), page.size());
    }

    /**
     * Localities in force on {@code date} whose name contains the text (or whose code starts with it), compared without
     * diacritics: for a day before 1/7/2025 the former map, as far as the user sees it. {@code validTo} is the last
     * day a locality was in force.
     */
    Paged<LocalityView> searchOn(
            String text, java.time.LocalDate date, @Nullable String parent, String scope, PageQuery page) {
        String cleaned = VietnameseText.cleanOrEmpty(text);
        String where = """
                 where l.valid_from <= :date and (l.valid_to is null or l.valid_to > :date)
                   and (cast(:parent as text) is null
                        or l.parent_id = (select x.id from localities x where x.code = cast(:parent as text)))
                   and (l.search_name like search_key(:pattern) or l.code like :prefix) and\s""" + VISIBLE;
        long total = jdbc.sql("select count(*) from localities l " + where)
                .param("parent", parent)
                .param("scope", scope)
                .param("date", date)
                .param("pattern", "%" + escapeLike(cleaned) + "%")
                .param("prefix", escapeLike(cleaned) + "%")
                .query(Long.class)
                .single();
        List<LocalityView> items = jdbc.sql(SELECT + where + """
                         order by case l.level when 'PROVINCE' then 0 when 'DISTRICT' then 1 when 'COMMUNE' then 2 else 3 end,
                                  l.name collate vi_natural, p.name collate vi_natural
                         limit :limit offset :offset
                        """)
                .param("parent", parent)
                .param("scope", scope)
                .param("date", date)
                .param("pattern", "%" + escapeLike(cleaned) + "%")
                .param("prefix", escapeLike(cleaned) + "%")
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(LocalityQueries::view)
                .list();
        return new Paged<>(items, total, page.page(), page.size());
    }

    /** The first day of a locality and of every locality it took over, however many merges back. */
    java.time.LocalDate lineageFrom(long id) {
        return jdbc.sql("""
                        with recursive lineage (id, valid_from) as (
                            select id, valid_from from localities where id = :id
                            union
                            select s.predecessor_id, v.valid_from from lineage g
                            join locality_successions s on s.successor_id = g.id
                            join localities v on v.id = s.predecessor_id)
                        select min(valid_from) from lineage
                        """).param("id", id).query(java.time.LocalDate.class).single();
    }

    /** The codes of the successors of each of the localities, by locality id (all successors, whatever the scope). */
    java.util.Map<Long, List<String>> successorCodes(java.util.Collection<Long> ids) {
        java.util.Map<Long, List<String>> codes = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return codes;
        }
        jdbc.sql("""
                        select s.predecessor_id, n.code from locality_successions s
                        join localities n on n.id = s.successor_id
                        where s.predecessor_id in (:ids) order by n.code
                        """)
                .param("ids", ids)
                .query((rs, n) -> codes.computeIfAbsent(rs.getLong(1), id -> new java.util.ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return codes;
    }

    /**
     * Up to {@code limit} current communes and villages (or villages only) whose name or code contains the text,
     * for the picker of a form: communes first, then in Vietnamese order.
     */
    List<LocalityView> suggest(String text, String scope, boolean villagesOnly, int limit) {
        String cleaned = VietnameseText.cleanOrEmpty(text);
        return jdbc.sql(SELECT + """
                         where l.valid_to is null and l.path <@ cast(:scope as ltree) and l.level <> 'PROVINCE'
                           and (l.search_name like search_key(:pattern) or l.code like :prefix)
                           and (not :villagesOnly or l.level = 'VILLAGE')
                         order by l.level, l.name collate vi_natural, p.name collate vi_natural
                         limit :limit
                        """)
                .param("scope", scope)
                .param("pattern", "%" + escapeLike(cleaned) + "%")
                .param("prefix", escapeLike(cleaned) + "%")
                .param("villagesOnly", villagesOnly)
                .param("limit", limit)
                .query(LocalityQueries::view)
                .list();
    }

    /** The locality's ancestors from the root down, within the scope only. */
    List<LocalityView> ancestors(LocalityView locality, String scope) {
        return jdbc.sql(SELECT + """
                         where l.path @> cast(:path as ltree) and l.id <> :id and\s""" + VISIBLE + """
                         order by nlevel(l.path)
                        """)
                .param("path", locality.path())
                .param("scope", scope)
                .param("id", locality.id())
                .query(LocalityQueries::view)
                .list();
    }

    /** Successors (for a retired locality) and predecessors (for one made by a merger). */
    List<LocalityView> successors(long id, String scope) {
        return jdbc.sql(SELECT
                        + " join locality_successions s on s.successor_id = l.id"
                        + " where s.predecessor_id = :id and " + VISIBLE + " order by l.name collate vi_natural")
                .param("id", id)
                .param("scope", scope)
                .query(LocalityQueries::view)
                .list();
    }

    List<LocalityView> predecessors(long id, String scope) {
        return jdbc.sql(SELECT
                        + " join locality_successions s on s.predecessor_id = l.id"
                        + " where s.successor_id = :id and " + VISIBLE + " order by l.name collate vi_natural")
                .param("id", id)
                .param("scope", scope)
                .query(LocalityQueries::view)
                .list();
    }

    List<LocalityView> current(String scope) {
        return jdbc.sql(SELECT
                        + " where l.valid_to is null and l.level <> 'PROVINCE' and l.path <@ cast(:scope as ltree)")
                .param("scope", scope)
                .query(LocalityQueries::view)
                .list();
    }

    /** Current localities in scope by level, for the home page. */
    List<LevelCount> countByLevel(String scope) {
        return jdbc.sql("""
                        select level, count(*) as count from localities
                        where valid_to is null and path <@ cast(:scope as ltree)
                        group by level
                        """).param("scope", scope).query(LevelCount.class).list();
    }

    /** Every current commune of the province with its id and path, for imports. */
    List<CommuneRef> communes() {
        return jdbc.sql("""
                        select id, code, name, path::text as path from localities
                        where level = 'COMMUNE' and valid_to is null
                        """).query(CommuneRef.class).list();
    }

    List<LocalityKind> kinds() {
        return jdbc.sql("select code, level, label from locality_kinds order by level, sort_order")
                .query(LocalityKind.class)
                .list();
    }

    boolean currentNameTaken(long communeId, String name) {
        return jdbc.sql("""
                        select exists (select 1 from localities
                                       where parent_id = :commune and valid_to is null and search_name = search_key(:name))
                        """)
                .param("commune", communeId)
                .param("name", name)
                .query(Boolean.class)
                .single();
    }

    /** The next free village code of a commune, "24133-007"; the caller holds a lock on the commune row. */
    String nextVillageCode(long communeId, String communeCode) {
        int next =
                jdbc.sql("""
                        select coalesce(max(cast(substring(code from '-(\\d+)$') as int)), 0) + 1
                        from localities where parent_id = :commune
                        """).param("commune", communeId).query(Integer.class).single();
        return communeCode + "-" + String.format("%03d", next);
    }

    /** Fresh statistics after a bulk insert, so that the planner keeps using the search and path indexes. */
    void analyze() {
        jdbc.sql("analyze localities").update();
    }

    void lockForChildren(long communeId) {
        jdbc.sql("select id from localities where id = :id for update")
                .param("id", communeId)
                .query(Long.class)
                .single();
    }

    void addSuccession(long predecessorId, long successorId, java.time.LocalDate effectiveOn, String note) {
        jdbc.sql("""
                        insert into locality_successions (predecessor_id, successor_id, effective_on, note)
                        values (:predecessor, :successor, :on, :note)
                        """)
                .param("predecessor", predecessorId)
                .param("successor", successorId)
                .param("on", effectiveOn)
                .param("note", note)
                .update();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    record LevelCount(LocalityLevel level, long count) {}

    record CommuneRef(long id, String code, String name, String path) {

        boolean within(String scope) {
            return path.equals(scope) || path.startsWith(scope + ".");
        }
    }
}
