package vn.khuyenhoc.association;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.RegistryFilter;
import vn.khuyenhoc.shared.VietnameseText;

/** Reads of chapters and their movement years, always within a scope path. */
@Component
class ChapterQueries {

    private static final String SELECT = """
            select ch.id, ch.kind, ch.name, ch.host_type,
                   coalesce(ch.host_village_id, ch.host_organization_id, ch.host_clan_id) as host_id,
                   hv.code as host_code, coalesce(hv.name, ho.name, hc.name) as host_name,
                   l.code as locality_code, l.name as locality_name, c.name as commune_name,
                   ch.locality_id, ch.locality_path::text as locality_path, ch.founded_on, ch.decision_no, ch.dissolved_on,
                   (select max(m.year) from chapter_movements m where m.chapter_id = ch.id and m.runs_movement) as last_movement_year,
                   ch.demo, ch.version
            from chapters ch
            join localities l on l.id = ch.locality_id
            left join localities c on c.id = case when l.level = 'VILLAGE' then l.parent_id else l.id end
            left join localities hv on hv.id = ch.host_village_id
            left join organizations ho on ho.id = ch.host_organization_id
            left join clans hc on hc.id = ch.host_clan_id
            """;

    private final JdbcClient jdbc;

    ChapterQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ChapterView> find(long id, String scope) {
        return jdbc.sql(SELECT + " where ch.id = :id and ch.locality_path <@ cast(:scope as ltree)")
                .param("id", id)
                .param("scope", scope)
                .query(ChapterView.class)
                .optional();
    }

    Paged<ChapterView> search(ChapterSearch search, String scope, String within, PageQuery page) {
        RegistryFilter filter = filter(search, scope, within);

        long total = jdbc.sql("select count(*) from chapters ch" + filter.sql())
                .params(filter.params())
                .query(Long.class)
                .single();
        List<ChapterView> items = jdbc.sql(SELECT + filter.sql()
                        + " order by ch.name collate vi_natural, ch.id limit :limit offset :offset")
                .params(filter.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ChapterView.class)
                .list();
        return new Paged<>(items, total, page.page(), page.size());
    }

    void each(ChapterSearch search, String scope, String within, java.util.function.Consumer<ChapterView> consumer) {
        RegistryFilter filter = filter(search, scope, within);
        try (java.util.stream.Stream<ChapterView> rows = jdbc
                .sql(SELECT + filter.sql() + " order by ch.name collate vi_natural, ch.id")
                .params(filter.params())
                .query(ChapterView.class)
                .stream()) {
            rows.forEach(consumer);
        }
    }

    private static RegistryFilter filter(ChapterSearch search, String scope, String within) {
        return RegistryFilter.within("ch", scope, within)
                .nameContains("ch", search.q())
                .status("ch.dissolved_on", search.status())
                .and(
                        "ch.host_type = :hostType",
                        "hostType",
                        VietnameseText.choose(HostType.values(), HostType::label, search.hostType())
                                .map(Enum::name)
                                .orElse(null));
    }

    boolean hostHasActiveChapter(HostType type, long hostId) {
        String column = switch (type) {
            case VILLAGE -> "host_village_id";
            case ORGANIZATION -> "host_organization_id";
            case CLAN -> "host_clan_id";
        };
        return jdbc.sql("select exists (select 1 from chapters where dissolved_on is null and " + column + " = :id)")
                .param("id", hostId)
                .query(Boolean.class)
                .single();
    }

    List<Movement> movements(long chapterId) {
        return jdbc.sql("""
                        select year, runs_movement, note, evidence_name, updated_by, updated_at
                        from chapter_movements where chapter_id = :id order by year desc
                        """).param("id", chapterId).query(Movement.class).list();
    }

    Optional<Movement> movement(long chapterId, int year) {
        return jdbc.sql("""
                        select year, runs_movement, note, evidence_name, updated_by, updated_at
                        from chapter_movements where chapter_id = :id and year = :year
                        """)
                .param("id", chapterId)
                .param("year", year)
                .query(Movement.class)
                .optional();
    }

    void saveMovement(long chapterId, int year, boolean runs, String note, Evidence evidence, String actor) {
        jdbc.sql("""
                        insert into chapter_movements (chapter_id, year, runs_movement, note, evidence_name, evidence_type, evidence, updated_by)
                        values (:id, :year, :runs, :note, :name, :type, :content, :actor)
                        on conflict (chapter_id, year) do update set
                            runs_movement = excluded.runs_movement, note = excluded.note,
                            evidence_name = coalesce(excluded.evidence_name, chapter_movements.evidence_name),
                            evidence_type = coalesce(excluded.evidence_type, chapter_movements.evidence_type),
                            evidence = coalesce(excluded.evidence, chapter_movements.evidence),
                            updated_by = excluded.updated_by, updated_at = now()
                        """)
                .param("id", chapterId)
                .param("year", year)
                .param("runs", runs)
                .param("note", note)
                .param("name", evidence.name())
                .param("type", evidence.contentType())
                .param("content", evidence.content())
                .param("actor", actor)
                .update();
    }

    Optional<Evidence> evidence(long chapterId, int year) {
        return jdbc.sql("""
                        select evidence_name as name, evidence_type as content_type, evidence as content
                        from chapter_movements where chapter_id = :id and year = :year and evidence is not null
                        """)
                .param("id", chapterId)
                .param("year", year)
                .query(Evidence.class)
                .optional();
    }
}
