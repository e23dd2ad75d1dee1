package vn.khuyenhoc.family;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.RegistryFilter;

/** Reads of households, always within a scope path. */
@Component
class FamilyQueries {

    private static final String SELECT = """
            select f.id, f.head_name, f.address, f.members, f.adults, f.school_age_children, f.phone,
                   v.code as village_code, v.name as village_name, c.name as commune_name,
                   f.locality_path::text as locality_path, f.closed_on, f.demo, f.version
            from families f
            join localities v on v.id = f.locality_id
            join localities c on c.id = v.parent_id
            """;

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

    Paged<FamilyView> search(FamilySearch search, String scope, String within, PageQuery page) {
        RegistryFilter filter = filter(search, scope, within);
        long total = jdbc.sql("select count(*) from families f" + filter.sql())
                .params(filter.params())
                .query(Long.class)
                .single();
        List<FamilyView> items = jdbc.sql(SELECT + filter.sql()
                        + " order by f.head_name collate vi_natural, f.id limit :limit offset :offset")
                .params(filter.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(FamilyView.class)
                .list();
        return new Paged<>(items, total, page.page(), page.size());
    }

    void each(FamilySearch search, String scope, String within, Consumer<FamilyView> consumer) {
        RegistryFilter filter = filter(search, scope, within);
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

    private static RegistryFilter filter(FamilySearch search, String scope, String within) {
        return RegistryFilter.within("f", scope, within)
                .nameContains("f", search.q())
                .status("f.closed_on", search.status());
    }
}
