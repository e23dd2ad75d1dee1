package vn.khuyenhoc.association;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;

/**
 * KH 102's coverage, computed from the registries: of the current villages, active organizations and active clans
 * of a subtree, how many host a chapter that ran the lifelong-learning movement in the year. A chapter counts for a
 * year when it was founded by the end of that year, not dissolved before the next, and its movement record of that
 * year says it ran the movement.
 */
@Service
public class ChapterCoverage {

    /** The subjects of each host type and whether each is covered, for one subtree and year. */
    private static final String SUBJECTS = """
            with covering as materialized (
                select ch.host_village_id, ch.host_organization_id, ch.host_clan_id
                from chapters ch
                join chapter_movements m on m.chapter_id = ch.id and m.year = :year and m.runs_movement
                where ch.locality_path <@ cast(:path as ltree)
                  and (ch.founded_on is null or ch.founded_on < make_date(:year + 1, 1, 1))
                  and (ch.dissolved_on is null or ch.dissolved_on >= make_date(:year + 1, 1, 1))
            ),
            active as materialized (
                select ch.host_village_id, ch.host_organization_id, ch.host_clan_id
                from chapters ch
                where ch.dissolved_on is null and ch.locality_path <@ cast(:path as ltree)
            ),
            -- hash joins against the sets of covered and chapter-holding hosts: linear in the subjects
            subjects as (
                select 'VILLAGE' as host_type, v.id, v.path as locality_path,
                       v.id in (select host_village_id from covering where host_village_id is not null) as covered,
                       v.id in (select host_village_id from active where host_village_id is not null) as has_chapter
                from localities v
                where v.level = 'VILLAGE' and v.valid_to is null and v.path <@ cast(:path as ltree)
                union all
                select 'ORGANIZATION', o.id, o.locality_path,
                       o.id in (select host_organization_id from covering where host_organization_id is not null),
                       o.id in (select host_organization_id from active where host_organization_id is not null)
                from organizations o
                where o.closed_on is null and o.locality_path <@ cast(:path as ltree)
                union all
                select 'CLAN', g.id, g.locality_path,
                       g.id in (select host_clan_id from covering where host_clan_id is not null),
                       g.id in (select host_clan_id from active where host_clan_id is not null)
                from clans g
                where g.closed_on is null and g.locality_path <@ cast(:path as ltree)
            )
            """;

    private final JdbcClient jdbc;

    ChapterCoverage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Numerator and denominator of one host type's coverage. */
    public record Figure(HostType hostType, long numerator, long denominator) {

        public @Nullable Double percent() {
            return denominator == 0 ? null : Math.round(1000.0 * numerator / denominator) / 10.0;
        }
    }

    /** The three figures of one commune. */
    public record CommuneFigures(String communeCode, String communeName, Map<HostType, Figure> figures) {}

    /** A subject that lacks a chapter, or whose chapter did not run the movement that year. */
    public record Gap(
            HostType hostType, long id, @Nullable String code, String name, String communeName, boolean hasChapter) {}

    private record Row(String communeCode, String communeName, HostType hostType, long numerator, long denominator) {}

    /** The three figures for the subtree at {@code path}, and the same for each commune in it. */
    @Transactional(readOnly = true)
    public Result coverage(String path, int year) {
        List<Row> rows = jdbc.sql(SUBJECTS + """
                        select c.code as commune_code, c.name as commune_name, s.host_type,
                               count(*) filter (where s.covered) as numerator, count(*) as denominator
                        from subjects s
                        join localities c on c.path = subpath(s.locality_path, 0, 2)
                        group by c.code, c.name, s.host_type
                        order by c.name collate vi_natural
                        """)
                .param("path", path)
                .param("year", year)
                .query(Row.class)
                .list();
        Map<HostType, long[]> totals = new LinkedHashMap<>();
        Map<String, CommuneFigures> communes = new LinkedHashMap<>();
        for (HostType type : HostType.values()) {
            totals.put(type, new long[2]);
        }
        for (Row row : rows) {
            long[] total = totals.get(row.hostType());
            total[0] += row.numerator();
            total[1] += row.denominator();
            communes.computeIfAbsent(
                            row.communeCode(),
                            code -> new CommuneFigures(code, row.communeName(), new LinkedHashMap<>()))
                    .figures()
                    .put(row.hostType(), new Figure(row.hostType(), row.numerator(), row.denominator()));
        }
        List<Figure> figures = new ArrayList<>();
        totals.forEach((type, total) -> figures.add(new Figure(type, total[0], total[1])));
        return new Result(figures, new ArrayList<>(communes.values()));
    }

    public record Result(List<Figure> figures, List<CommuneFigures> communes) {

        public Figure figure(HostType type) {
            return figures.stream()
                    .filter(f -> f.hostType() == type)
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** The uncovered subjects of one host type, those without any chapter first. */
    @Transactional(readOnly = true)
    public Paged<Gap> gaps(String path, int year, HostType type, PageQuery page) {
        String from = SUBJECTS + """
                , gaps as (
                    select s.host_type, s.id, s.has_chapter, c.name as commune_name,
                           coalesce(v.code, null) as code, coalesce(v.name, o.name, g.name) as name
                    from subjects s
                    join localities c on c.path = subpath(s.locality_path, 0, 2)
                    left join localities v on s.host_type = 'VILLAGE' and v.id = s.id
                    left join organizations o on s.host_type = 'ORGANIZATION' and o.id = s.id
                    left join clans g on s.host_type = 'CLAN' and g.id = s.id
                    where not s.covered and s.host_type = :type
                )
                """;
        long total = jdbc.sql(from + " select count(*) from gaps")
                .param("path", path)
                .param("year", year)
                .param("type", type.name())
                .query(Long.class)
                .single();
        List<Gap> items = jdbc.sql(from + """
                         select host_type, id, code, name, commune_name, has_chapter from gaps
                         order by has_chapter, commune_name collate vi_natural, name collate vi_natural
                         limit :limit offset :offset
                        """)
                .param("path", path)
                .param("year", year)
                .param("type", type.name())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Gap.class)
                .list();
        return new Paged<>(items, total, page.page(), page.size());
    }
}
