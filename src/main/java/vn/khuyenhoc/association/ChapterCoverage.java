package vn.khuyenhoc.association;

import java.time.LocalDate;
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
 * KH 102's coverage, computed from the registries as they stood on a day (the year's reference day, see
 * docs/indicators.md): of the villages, organizations and clans that existed on that day in a subtree, how many
 * hosted on that day a chapter whose movement record of the year says it ran the lifelong-learning movement. A
 * chapter dissolved before the day covers nothing (its host counts as uncovered unless another chapter took over).
 */
@Service
public class ChapterCoverage {

    /**
     * The subjects of each host type as they stood on {@code :asOf} and whether each is covered in {@code :year}.
     * A record exists from its start day (null: before the records begin) until its end day (exclusive: a village
     * retired, an organization closed or a chapter dissolved on a day no longer counts on that day). A record moved by
     * a merge is counted where it stood on the day ({@code *_placements} keep its earlier places); the subtree filter
     * first keeps the commune of {@code :path}, inside which merges move records.
     */
    private static final String SUBJECTS = """
            with chapter_at as materialized (
                select ch.id, coalesce(p.host_village_id, ch.host_village_id) as host_village_id,
                       ch.host_organization_id, ch.host_clan_id, ch.branch_of,
                       coalesce(p.locality_path, ch.locality_path) as locality_path
                from chapters ch
                left join lateral (select cp.host_village_id, cp.locality_path from chapter_placements cp
                                   where cp.chapter_id = ch.id and cp.until > :asOf
                                   order by cp.until limit 1) p on true
                where ch.locality_path <@ subpath(cast(:path as ltree), 0, least(nlevel(cast(:path as ltree)), 2))
                  and (ch.founded_on is null or ch.founded_on <= :asOf)
                  and (ch.dissolved_on is null or ch.dissolved_on > :asOf)
            ),
            -- every host of a chapter whose movement of the year was recorded, whether it ran the movement or not
            recorded as materialized (
                select c.host_village_id, c.host_organization_id, c.host_clan_id, m.runs_movement
                from chapter_at c
                join chapter_movements m on m.chapter_id = c.id and m.year = :year
            ),
            covering as materialized (
                select host_village_id, host_organization_id, host_clan_id from recorded where runs_movement
            ),
            active as materialized (
                select host_village_id, host_organization_id, host_clan_id from chapter_at
            ),
            -- hash joins against the sets of covered and chapter-holding hosts: linear in the subjects
            subjects as (
                select 'VILLAGE' as host_type, v.id, v.path as locality_path,
                       v.id in (select host_village_id from covering where host_village_id is not null) as covered,
                       v.id in (select host_village_id from active where host_village_id is not null) as has_chapter,
                       v.id in (select host_village_id from recorded where host_village_id is not null) as has_record
                from localities v
                where v.level = 'VILLAGE' and v.path <@ cast(:path as ltree)
                  and v.valid_from <= :asOf and (v.valid_to is null or v.valid_to > :asOf)
                union all
                select 'ORGANIZATION', o.id, o.locality_path,
                       o.id in (select host_organization_id from covering where host_organization_id is not null),
                       o.id in (select host_organization_id from active where host_organization_id is not null),
                       o.id in (select host_organization_id from recorded where host_organization_id is not null)
                from (select o.id, coalesce(p.locality_path, o.locality_path) as locality_path
                      from organizations o
                      left join lateral (select op.locality_path from organization_placements op
                                         where op.organization_id = o.id and op.until > :asOf
                                         order by op.until limit 1) p on true
                      where o.locality_path <@ subpath(cast(:path as ltree), 0, least(nlevel(cast(:path as ltree)), 2))
                        and (o.opened_on is null or o.opened_on <= :asOf)
                        and (o.closed_on is null or o.closed_on > :asOf)) o
                where o.locality_path <@ cast(:path as ltree)
                union all
                select 'CLAN', g.id, g.locality_path,
                       g.id in (select host_clan_id from covering where host_clan_id is not null),
                       g.id in (select host_clan_id from active where host_clan_id is not null),
                       g.id in (select host_clan_id from recorded where host_clan_id is not null)
                from (select g.id, coalesce(p.locality_path, g.locality_path) as locality_path
                      from clans g
                      left join lateral (select gp.locality_path from clan_placements gp
                                         where gp.clan_id = g.id and gp.until > :asOf
                                         order by gp.until limit 1) p on true
                      where g.locality_path <@ subpath(cast(:path as ltree), 0, least(nlevel(cast(:path as ltree)), 2))
                        and (g.since is null or g.since <= :asOf)
                        and (g.closed_on is null or g.closed_on > :asOf)) g
                where g.locality_path <@ cast(:path as ltree)
            )
            """;

    private final JdbcClient jdbc;

    ChapterCoverage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Numerator and denominator of one host type's coverage, and how many subjects have a movement record of the year
     * at all: with none, the year has no data ("chưa có số liệu", no percentage) rather than 0%.
     */
    public record Figure(HostType hostType, long numerator, long denominator, long recorded) {

        public static Figure none(HostType hostType) {
            return new Figure(hostType, 0, 0, 0);
        }

        public @Nullable Double percent() {
            return denominator == 0 || recorded == 0 ? null : Math.round(1000.0 * numerator / denominator) / 10.0;
        }
    }

    /** The three figures of one part of the subtree: a commune of a province, a village of a commune. */
    public record CommuneFigures(String communeCode, String communeName, Map<HostType, Figure> figures) {}

    /** A subject that lacks a chapter, or whose chapter did not run the movement that year. */
    public record Gap(
            HostType hostType, long id, @Nullable String code, String name, String communeName, boolean hasChapter) {}

    private record Row(
            String communeCode,
            String communeName,
            HostType hostType,
            long numerator,
            long denominator,
            long recorded) {}

    /**
     * The three figures for the subtree at {@code path} as of {@code asOf}, and the same for each part of it one level
     * down: the communes of a province, the villages of a commune (a village's own figures for a village).
     */
    @Transactional(readOnly = true)
    public Result coverage(String path, int year, LocalDate asOf) {
        List<Row> rows = jdbc.sql(SUBJECTS + """
                        select c.code as commune_code, c.name as commune_name, s.host_type,
                               count(*) filter (where s.covered) as numerator, count(*) as denominator,
                               count(*) filter (where s.has_record) as recorded
                        from subjects s
                        join localities c on c.path = subpath(s.locality_path, 0, least(nlevel(s.locality_path), nlevel(cast(:path as ltree)) + 1, 3))
                        group by c.code, c.name, s.host_type
                        order by c.name collate vi_natural
                        """)
                .param("path", path)
                .param("year", year)
                .param("asOf", asOf)
                .query(Row.class)
                .list();
        Map<HostType, long[]> totals = new LinkedHashMap<>();
        Map<String, CommuneFigures> communes = new LinkedHashMap<>();
        for (HostType type : HostType.values()) {
            totals.put(type, new long[3]);
        }
        for (Row row : rows) {
            long[] total = totals.get(row.hostType());
            total[0] += row.numerator();
            total[1] += row.denominator();
            total[2] += row.recorded();
            communes.computeIfAbsent(
                            row.communeCode(),
                            code -> new CommuneFigures(code, row.communeName(), new LinkedHashMap<>()))
                    .figures()
                    .put(
                            row.hostType(),
                            new Figure(row.hostType(), row.numerator(), row.denominator(), row.recorded()));
        }
        List<Figure> figures = new ArrayList<>();
        totals.forEach((type, total) -> figures.add(new Figure(type, total[0], total[1], total[2])));
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
    public Paged<Gap> gaps(String path, int year, LocalDate asOf, HostType type, PageQuery page) {
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
                .param("asOf", asOf)
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
                .param("asOf", asOf)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Gap.class)
                .list();
        return new Paged<>(items, total, page.page(), page.size());
    }
}
