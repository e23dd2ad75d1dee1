package vn.khuyenhoc.clan;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.RegistryFilter;
import vn.khuyenhoc.shared.VietnameseText;

/** Reads of clans, always within a scope path. */
@Component
class ClanQueries {

    private static final String SELECT = """
            select g.id, g.name, g.kind, g.religion, g.households_approx, l.code as locality_code,
                   l.name as locality_name, c.name as commune_name, g.locality_id, g.locality_path::text as locality_path,
                   g.since, g.closed_on, g.demo, g.version
            from clans g
            join localities l on l.id = g.locality_id
            left join localities c on c.id = case when l.level = 'VILLAGE' then l.parent_id else l.id end
            """;

    private final JdbcClient jdbc;

    ClanQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ClanView> find(long id, String scope) {
        return jdbc.sql(SELECT + " where g.id = :id and g.locality_path <@ cast(:scope as ltree)")
                .param("id", id)
                .param("scope", scope)
                .query(ClanView.class)
                .optional();
    }

    Paged<ClanView> search(ClanSearch search, String scope, String within, PageQuery page) {
        RegistryFilter filter = filter(search, scope, within);
        long total = jdbc.sql("select count(*) from clans g" + filter.sql())
                .params(filter.params())
                .query(Long.class)
                .single();
        List<ClanView> items = jdbc.sql(
                        SELECT + filter.sql() + " order by g.name collate vi_natural, g.id limit :limit offset :offset")
                .params(filter.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ClanView.class)
                .list();
        return new Paged<>(items, total, page.page(), page.size());
    }

    /** Every row of the search, in order; the caller holds a read-only transaction. */
    void each(ClanSearch search, String scope, String within, Consumer<ClanView> consumer) {
        RegistryFilter filter = filter(search, scope, within);
        try (Stream<ClanView> rows = jdbc
                .sql(SELECT + filter.sql() + " order by g.name collate vi_natural, g.id")
                .params(filter.params())
                .query(ClanView.class)
                .stream()) {
            rows.forEach(consumer);
        }
    }

    private static RegistryFilter filter(ClanSearch search, String scope, String within) {
        return RegistryFilter.within("g", scope, within)
                .nameContains("g", search.q())
                .status("g.closed_on", search.status())
                .and(
                        "g.kind = :kind",
                        "kind",
                        VietnameseText.choose(ClanKind.values(), ClanKind::label, search.kind())
                                .map(Enum::name)
                                .orElse(null));
    }
}
