package vn.khuyenhoc.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.criteria.Title;
import vn.khuyenhoc.criteria.TitleLevel;

/**
 * The funnel of rounds and the QĐ 387 recognition rates, read from {@code registration_tallies} (kept by triggers)
 * so that a province of a million registrations a year answers in milliseconds.
 */
@Service
public class RecognitionFigures {

    /** A breakdown line of a funnel: a commune (province view) or a village (commune view). */
    public record LocalityFunnel(String code, String name, Funnel funnel) {}

    /**
     * The figures of one rate in a locality: subjects holding a valid recognition in the year, all current subjects,
     * and those registered that year with how many of them are recognised (the second denominator); for the Công dân
     * học tập rates, people instead of subjects.
     */
    public record Rate(long recognised, long all, long registered, long recognisedOfRegistered, long considered) {

        /** No percentage when there is nothing to count, or no round considered anyone ("chưa có số liệu"). */
        public @Nullable Double percent() {
            return all == 0 || considered == 0 ? null : Math.round(recognised * 1000.0 / all) / 10.0;
        }

        public @Nullable Double percentOfRegistered() {
            return registered == 0 ? null : Math.round(recognisedOfRegistered * 1000.0 / registered) / 10.0;
        }

        Rate plus(Rate other) {
            return new Rate(
                    recognised + other.recognised,
                    all + other.all,
                    registered + other.registered,
                    recognisedOfRegistered + other.recognisedOfRegistered,
                    considered + other.considered);
        }
    }

    /** The six rates of one commune (or of the total). */
    public record Rates(String code, String name, Map<RateKind, Rate> rates) {}

    /** The rates QĐ 387/QĐ-TTg sets targets for. */
    public enum RateKind {
        LEARNING_FAMILY("learning-family-rate", "Hộ gia đình được công nhận Gia đình học tập"),
        LEARNING_CLAN("learning-clan-rate", "Dòng họ được công nhận Dòng họ học tập"),
        LEARNING_COMMUNITY("learning-community-rate", "Thôn, buôn, tổ dân phố được công nhận Cộng đồng học tập"),
        LEARNING_UNIT("learning-unit-rate", "Cơ quan, đơn vị, trường học được công nhận Đơn vị học tập"),
        CITIZEN_WORKER("learning-citizen-worker-rate", "Người lao động trong gia đình học tập đạt Công dân học tập"),
        CITIZEN_OFFICIAL(
                "learning-citizen-official-rate",
                "Cán bộ, công chức, viên chức, người lao động trong đơn vị học tập đạt Công dân học tập");

        private final String code;
        private final String label;

        RateKind(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }
    }

    /** In total and per part (the communes of a province, the villages of a commune), as of {@code asOf}. */
    public record RateTable(int year, LocalDate asOf, Rates total, List<Rates> communes) {}

    private final JdbcClient jdbc;

    RecognitionFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The funnel of one round ({@code roundId}) or of all rounds of the title, level and year, within a locality: the
     * province or a commune from the tallies, a village from its registrations.
     */
    @Transactional(readOnly = true)
    public Funnel funnel(
            Title title, TitleLevel level, int year, @Nullable Long roundId, String withinPath, LocalDate today) {
        String[] labels = withinPath.split("\\.");
        Map<Stage, Long> byStage = new EnumMap<>(Stage.class);
        long[] overdue = {0};
        String sql;
        if (labels.length >= 3) {
            sql = """
                    select g.stage, count(*) as n, count(*) filter (where %s) as overdue
                    from registrations g join rounds r on r.id = g.round_id
                    where r.title = :title and r.level = :level and r.year = :year
                      and (cast(:round as bigint) is null or r.id = :round)
                      and g.locality_path <@ cast(:within as ltree)
                    group by g.stage
                    """.formatted(Funnel.overdueSql("g.stage"));
        } else {
            sql = """
                    select t.stage, sum(t.subjects) as n, coalesce(sum(t.subjects) filter (where %s), 0) as overdue
                    from registration_tallies t join rounds r on r.id = t.round_id
                    where r.title = :title and r.level = :level and r.year = :year
                      and (cast(:round as bigint) is null or r.id = :round)
                      and (cast(:commune as bigint) is null or t.commune_id = :commune)
                      and (r.locality_path <@ cast(:within as ltree) or r.locality_path @> cast(:within as ltree))
                    group by t.stage
                    """.formatted(Funnel.overdueSql("t.stage"));
        }
        jdbc.sql(sql)
                .param("title", title.name())
                .param("level", level.name())
                .param("year", year)
                .param("round", roundId)
                .param("within", withinPath)
                .param("commune", labels.length == 2 ? Long.valueOf(labels[1]) : null)
                .param("today", today)
                .query((rs, n) -> {
                    byStage.merge(Stage.valueOf(rs.getString("stage")), rs.getLong("n"), Long::sum);
                    overdue[0] += rs.getLong("overdue");
                    return null;
                })
                .list();
        return Funnel.of(byStage, overdue[0]);
    }

    /** The funnel by commune (within the province) or by village (within a commune). */
    @Transactional(readOnly = true)
    public List<LocalityFunnel> funnelByLocality(
            Title title, TitleLevel level, int year, @Nullable Long roundId, String withinPath, LocalDate today) {
        boolean province = withinPath.split("\\.").length == 1;
        String sql =
                province ? """
                  select l.code, l.name, t.stage, sum(t.subjects) as n, coalesce(sum(t.subjects) filter (where %s), 0) as overdue
                  from registration_tallies t join rounds r on r.id = t.round_id join localities l on l.id = t.commune_id
                  where r.title = :title and r.level = :level and r.year = :year
                    and (cast(:round as bigint) is null or r.id = :round) and t.subjects <> 0
                  group by l.code, l.name, t.stage
                  order by l.name collate vi_natural
                  """.formatted(Funnel.overdueSql("t.stage")) : """
                  select l.code, l.name, g.stage, count(*) as n, count(*) filter (where %s) as overdue
                  from registrations g join rounds r on r.id = g.round_id
                  join localities l on l.path = subpath(g.locality_path, 0, 3)
                  where r.title = :title and r.level = :level and r.year = :year
                    and (cast(:round as bigint) is null or r.id = :round)
                    and g.locality_path <@ cast(:within as ltree) and nlevel(g.locality_path) >= 3
                  group by l.code, l.name, g.stage
                  order by l.name collate vi_natural
                  """.formatted(Funnel.overdueSql("g.stage"));
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Map<Stage, Long>> stages = new LinkedHashMap<>();
        Map<String, Long> overdue = new LinkedHashMap<>();
        jdbc.sql(sql)
                .param("title", title.name())
                .param("level", level.name())
                .param("year", year)
                .param("round", roundId)
                .param("within", withinPath)
                .param("today", today)
                .query((rs, n) -> {
                    String code = rs.getString("code");
                    names.put(code, rs.getString("name"));
                    stages.computeIfAbsent(code, c -> new EnumMap<>(Stage.class))
                            .merge(Stage.valueOf(rs.getString("stage")), rs.getLong("n"), Long::sum);
                    overdue.merge(code, rs.getLong("overdue"), Long::sum);
                    return null;
                })
                .list();
        List<LocalityFunnel> lines = new ArrayList<>();
        names.forEach((code, name) ->
                lines.add(new LocalityFunnel(code, name, Funnel.of(stages.get(code), overdue.get(code)))));
        return lines;
    }

    /**
     * The six QĐ 387 rates of a year as they stood on {@code asOf}, in total and for each part of the locality one
     * level down (the communes of a province, the villages of a commune; a village alone). A subject counts as
     * recognised when a round of that year or of an earlier year still valid (the criteria set's validity) recognised
     * it by a decision dated on or before the day, and the recognition was not revoked by then; a subject holding a
     * valid recognition cannot register again, so none counts twice. All subjects are those of the registries that
     * existed on the day. A province is read from the tallies kept by triggers ({@code registration_tallies},
     * {@code household_tallies}); a commune or a village, by village, from the records themselves.
     */
    @Transactional(readOnly = true)
    public RateTable rates(int year, LocalDate asOf, String withinPath) {
        return rates(year, asOf, withinPath, true);
    }

    /**
     * The same, in total only when {@code byPart} is false: a commune's total is then read from the tallies, as a
     * province's (a dashboard's earlier years need no breakdown by village).
     */
    @Transactional(readOnly = true)
    public RateTable rates(int year, LocalDate asOf, String withinPath, boolean byPart) {
        int depth = withinPath.split("\\.").length;
        boolean province = depth == 1;
        boolean fromTallies = province || (!byPart && depth == 2);
        Long commune = !province && depth == 2 ? Long.valueOf(withinPath.split("\\.")[1]) : null;
        // the parts: villages that existed on the day; communes of today for every year (a commune formed on 1/7/2025
        // carries the history of what it was formed from, so earlier years are shown on today's map)
        Map<Long, String[]> parts = new LinkedHashMap<>();
        if (byPart) {
            jdbc.sql("""
                            select id, code, name from localities
                            where path <@ cast(:within as ltree) and nlevel(path) = least(nlevel(cast(:within as ltree)) + 1, 3)
                              and (level <> 'VILLAGE' or valid_from <= :asOf) and (valid_to is null or valid_to > :asOf)
                            order by name collate vi_natural
                            """)
                    .param("within", withinPath)
                    .param("asOf", asOf)
                    .query((rs, n) ->
                            parts.put(rs.getLong("id"), new String[] {rs.getString("code"), rs.getString("name")}))
                    .list();
        }
        Map<Long, Map<RateKind, long[]>> figures = new LinkedHashMap<>();
        parts.keySet().forEach(id -> figures.put(id, new EnumMap<>(RateKind.class)));
        Map<RateKind, long[]> whole = new EnumMap<>(RateKind.class);
        String tallied = """
                select t.commune_id as part_id, r.title, r.level,
                       sum(t.subjects) as considered,
                       sum(t.subjects) filter (where %1$s) as recognised,
                       sum(t.subjects) filter (where r.year = :year) as registered,
                       sum(t.subjects) filter (where r.year = :year and %1$s) as recognised_registered,
                       sum(t.people) filter (where %1$s) as people,
                       sum(t.learning_citizens) filter (where %1$s) as citizens,
                       sum(t.people) filter (where r.year = :year) as registered_people,
                       sum(t.learning_citizens) filter (where r.year = :year) as registered_citizens
                from registration_tallies t
                join rounds r on r.id = t.round_id
                join criteria_sets cs on cs.id = r.criteria_set_id
                where r.year <= :year and r.year + cs.validity_years > :year and t.subjects <> 0
                  and (cast(:commune as bigint) is null and r.locality_path <@ cast(:within as ltree)
                       or t.commune_id = cast(:commune as bigint))
                group by t.commune_id, r.title, r.level
                """.formatted(
                        "t.stage in ('RECOGNISED', 'REVOKED') and t.recognised_on <= :asOf and t.revoked_on > :asOf");
        // a commune or a village: each registration counted where its subject stood on the day (a household, clan or
        // organization moved by a merge of villages takes its recognition along; the round's file stays where it was).
        // The commune's registrations of the valid rounds are read first (a few tens of thousands, by the path index)
        // and placed afterwards, so that the planner never guesses the placement's selectivity.
        String counted = """
                with valid_rounds as materialized (
                    select r.id, r.title, r.level, r.year
                    from rounds r join criteria_sets cs on cs.id = r.criteria_set_id
                    where r.year <= :year and r.year + cs.validity_years > :year
                ),
                commune as materialized (
                    select g.title as subject_title, g.subject_id, g.locality_path, g.stage, g.recognised_on, g.revoked_on,
                           g.people, g.learning_citizens, r.title, r.level, r.year
                    from registrations g join valid_rounds r on r.id = g.round_id
                    where g.locality_path <@ subpath(cast(:within as ltree), 0, 2)
                ),
                placed as (
                    select g.*, coalesce(case g.subject_title
                        when 'LEARNING_FAMILY' then (
                            select coalesce((select fp.locality_path from family_placements fp
                                             where fp.family_id = f.id and fp.until > :asOf
                                             order by fp.until limit 1), f.locality_path)
                            from families f where f.id = g.subject_id)
                        when 'LEARNING_CLAN' then (
                            select coalesce((select gp.locality_path from clan_placements gp
                                             where gp.clan_id = k.id and gp.until > :asOf
                                             order by gp.until limit 1), k.locality_path)
                            from clans k where k.id = g.subject_id)
                        when 'LEARNING_UNIT' then (
                            select coalesce((select op.locality_path from organization_placements op
                                             where op.organization_id = o.id and op.until > :asOf
                                             order by op.until limit 1), o.locality_path)
                            from organizations o where o.id = g.subject_id)
                        end, g.locality_path) as path
                    from commune g
                )
                select case when nlevel(g.path) >= 3 then ltree2text(subpath(g.path, 2, 1))::bigint
                            else 0 end as part_id, g.title, g.level,
                       count(*) as considered,
                       count(*) filter (where %1$s) as recognised,
                       count(*) filter (where g.year = :year) as registered,
                       count(*) filter (where g.year = :year and %1$s) as recognised_registered,
                       coalesce(sum(g.people) filter (where %1$s), 0) as people,
                       coalesce(sum(g.learning_citizens) filter (where %1$s), 0) as citizens,
                       coalesce(sum(g.people) filter (where g.year = :year), 0) as registered_people,
                       coalesce(sum(g.learning_citizens) filter (where g.year = :year), 0) as registered_citizens
                from placed g
                where g.path <@ cast(:within as ltree)
                group by 1, g.title, g.level
                """.formatted("g.stage in ('RECOGNISED', 'REVOKED') and g.recognised_on <= :asOf"
                + " and coalesce(g.revoked_on, 'infinity') > :asOf");
        jdbc.sql(fromTallies ? tallied : counted)
                .param("commune", commune)
                .param("year", year)
                .param("asOf", asOf)
                .param("within", withinPath)
                .query((rs, n) -> {
                    Map<RateKind, long[]> f = figures.get(rs.getLong("part_id"));
                    Title title = Title.valueOf(rs.getString("title"));
                    TitleLevel level = TitleLevel.valueOf(rs.getString("level"));
                    long[] subjects = {
                        rs.getLong("recognised"),
                        0,
                        rs.getLong("registered"),
                        rs.getLong("recognised_registered"),
                        rs.getLong("considered")
                    };
                    long[] people = {
                        rs.getLong("citizens"),
                        rs.getLong("people"),
                        rs.getLong("registered_people"),
                        rs.getLong("registered_citizens"),
                        rs.getLong("considered")
                    };
                    addByTitle(whole, title, level, subjects, people);
                    if (f != null) {
                        addByTitle(f, title, level, subjects, people);
                    }
                    return null;
                })
                .list();
        // all subjects of each registry by part, as they existed on the day (households from the tallies, corrected
        // for the households a merge moved after the day)
        jdbc.sql("""
                        with households as materialized (
                            -- computed once: inlined, it was joined to the part's villages, which the planner guesses
                            -- are one row, in a nested loop that read the moved households once per village (75 s
                            -- for a commune's year before the merges, 2.9 s materialised)
                            -- the tallies count each household in the village it is in now
                            select t.locality_id, t.households as n
                            from household_tallies t
                            where t.since <= :asOf and t.closed_on > :asOf
                              and (cast(:province as boolean) or t.locality_id in (
                                  select id from localities
                                  where path <@ subpath(cast(:within as ltree), 0, least(nlevel(cast(:within as ltree)), 2))))
                            union all
                            -- a household moved by a merge after the day stood elsewhere then: out of where it is,
                            -- into where it was (a handful of rows: only the moved households are read)
                            select x.locality_id, x.n
                            from families f
                            join lateral (select fp.locality_id from family_placements fp
                                          where fp.family_id = f.id and fp.until > :asOf
                                          order by fp.until limit 1) p on true
                            cross join lateral (values (f.locality_id, -1), (p.locality_id, 1)) x (locality_id, n)
                            -- looked up by key (an "in" was a hash semi-join over a scan of all households)
                            where f.id = any(array(select distinct family_id from family_placements where until > :asOf))
                              and (f.since is null or f.since <= :asOf) and (f.closed_on is null or f.closed_on > :asOf)
                        ),
                        placed as (
                            select l.path, 'FAMILY' as kind, h.n from households h join localities l on l.id = h.locality_id
                            union all
                            select coalesce(p.locality_path, g.locality_path), 'CLAN', 1 from clans g
                            left join lateral (select gp.locality_path from clan_placements gp
                                               where gp.clan_id = g.id and gp.until > :asOf
                                               order by gp.until limit 1) p on true
                            where g.locality_path <@ subpath(cast(:within as ltree), 0, least(nlevel(cast(:within as ltree)), 2))
                              and (g.since is null or g.since <= :asOf) and (g.closed_on is null or g.closed_on > :asOf)
                            union all
                            select path, 'VILLAGE', 1 from localities
                            where path <@ cast(:within as ltree) and level = 'VILLAGE'
                              and valid_from <= :asOf and (valid_to is null or valid_to > :asOf)
                            union all
                            select coalesce(p.locality_path, o.locality_path), 'ORGANIZATION', 1 from organizations o
                            left join lateral (select op.locality_path from organization_placements op
                                               where op.organization_id = o.id and op.until > :asOf
                                               order by op.until limit 1) p on true
                            where o.locality_path <@ subpath(cast(:within as ltree), 0, least(nlevel(cast(:within as ltree)), 2))
                              and (o.opened_on is null or o.opened_on <= :asOf) and (o.closed_on is null or o.closed_on > :asOf)
                        )
                        select case when nlevel(path) > least(nlevel(cast(:within as ltree)), 2)
                                    then ltree2text(subpath(path, least(nlevel(cast(:within as ltree)), 2), 1))::bigint
                                    else 0 end as part_id, kind, sum(n) as n
                        from placed
                        where path <@ cast(:within as ltree)
                        group by 1, 2
                        """)
                .param("within", withinPath)
                .param("asOf", asOf)
                .param("province", province)
                .query((rs, n) -> {
                    RateKind kind = switch (rs.getString("kind")) {
                        case "FAMILY" -> RateKind.LEARNING_FAMILY;
                        case "CLAN" -> RateKind.LEARNING_CLAN;
                        case "VILLAGE" -> RateKind.LEARNING_COMMUNITY;
                        default -> RateKind.LEARNING_UNIT;
                    };
                    whole.computeIfAbsent(kind, k -> new long[5])[1] += rs.getLong("n");
                    Map<RateKind, long[]> f = figures.get(rs.getLong("part_id"));
                    if (f != null) {
                        f.computeIfAbsent(kind, k -> new long[5])[1] += rs.getLong("n");
                    }
                    return null;
                })
                .list();
        List<Rates> lines = new ArrayList<>();
        parts.forEach((id, codeName) -> lines.add(new Rates(codeName[0], codeName[1], rates(figures.get(id)))));
        return new RateTable(year, asOf, new Rates("", "", rates(whole)), lines);
    }

    private static Map<RateKind, Rate> rates(Map<RateKind, long[]> figures) {
        Map<RateKind, Rate> rates = new EnumMap<>(RateKind.class);
        for (RateKind kind : RateKind.values()) {
            long[] f = figures.getOrDefault(kind, new long[5]);
            rates.put(kind, new Rate(f[0], f[1], f[2], f[3], f[4]));
        }
        return rates;
    }

    /** Which rates a title's figures feed: subjects, and people for the two Công dân học tập rates. */
    private static void addByTitle(
            Map<RateKind, long[]> f, Title title, TitleLevel level, long[] subjects, long[] people) {
        switch (title) {
            case LEARNING_FAMILY -> {
                add(f, RateKind.LEARNING_FAMILY, subjects);
                add(f, RateKind.CITIZEN_WORKER, people);
            }
            case LEARNING_CLAN -> add(f, RateKind.LEARNING_CLAN, subjects);
            case LEARNING_COMMUNITY -> {
                if (level == TitleLevel.VILLAGE) {
                    add(f, RateKind.LEARNING_COMMUNITY, subjects);
                }
            }
            case LEARNING_UNIT -> {
                add(f, RateKind.LEARNING_UNIT, subjects);
                add(f, RateKind.CITIZEN_OFFICIAL, people);
            }
        }
    }

    private static void add(Map<RateKind, long[]> figures, RateKind kind, long[] values) {
        long[] f = figures.computeIfAbsent(kind, k -> new long[5]);
        for (int i = 0; i < values.length; i++) {
            f[i] += values[i];
        }
    }
}
