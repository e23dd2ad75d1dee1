package vn.khuyenhoc.organization;

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

/** Reads of organizations, always within a scope path. */
@Component
class OrganizationQueries {

    private static final String SELECT = """
            select o.id, o.name, o.kind, o.school_level, o.managing_level, l.code as locality_code,
                   l.name as locality_name, c.name as commune_name, o.locality_id, o.locality_path::text as locality_path,
                   o.opened_on, o.closed_on, o.demo, o.version
            from organizations o
            join localities l on l.id = o.locality_id
            left join localities c on c.id = case when l.level = 'VILLAGE' then l.parent_id else l.id end
            """;

    private final JdbcClient jdbc;

    OrganizationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrganizationView> find(long id, String scope) {
        return jdbc.sql(SELECT + " where o.id = :id and o.locality_path <@ cast(:scope as ltree)")
                .param("id", id)
                .param("scope", scope)
                .query(OrganizationView.class)
                .optional();
    }

    Paged<OrganizationView> search(OrganizationSearch search, String scope, String within, PageQuery page) {
        RegistryFilter filter = filter(search, scope, within);
        long total = jdbc.sql("select count(*) from organizations o" + filter.sql())
                .params(filter.params())
                .query(Long.class)
                .single();
        List<OrganizationView> items = jdbc.sql(
                        SELECT + filter.sql() + " order by o.name collate vi_natural, o.id limit :limit offset :offset")
                .params(filter.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(OrganizationView.class)
                .list();
        return new Paged<>(items, total, page.page(), page.size());
    }

    /** Every row of the search, in order, one at a time; the caller holds a read-only transaction. */
    void each(OrganizationSearch search, String scope, String within, Consumer<OrganizationView> consumer) {
        RegistryFilter filter = filter(search, scope, within);
        try (Stream<OrganizationView> rows = jdbc
                .sql(SELECT + filter.sql() + " order by o.name collate vi_natural, o.id")
                .params(filter.params())
                .query(OrganizationView.class)
                .stream()) {
            rows.forEach(consumer);
        }
    }

    private static RegistryFilter filter(OrganizationSearch search, String scope, String within) {
        return RegistryFilter.within("o", scope, within)
                .nameContains("o", search.q())
                .status("o.closed_on", search.status())
                .and(
                        "o.kind = :kind",
                        "kind",
                        VietnameseText.choose(OrganizationKind.values(), OrganizationKind::label, search.kind())
                                .map(Enum::name)
                                .orElse(null));
    }
}
