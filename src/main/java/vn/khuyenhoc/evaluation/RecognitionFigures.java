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
    public record Rate(long recognised, long all, long registered, long recognisedOfRegistered) {

        public @Nullable Double percent() {
            return all == 0 ? null : Math.round(recognised * 1000.0 / all) / 10.0;
        }

        public @Nullable Double percentOfRegistered() {
            return registered == 0 ? null : Math.round(recognisedOfRegistered * 1000.0 / registered) / 10.0;
        }

        Rate plus(Rate other) {
            return new Rate(
                    recognised + other.recognised,
                    all + other.all,
                    registered + other.registered,
                    recognisedOfRegistered + other.recognisedOfRegistered);
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

    /** Per commune and in total. */
    public record RateTable(int year, Rates total, List<Rates> communes) {}

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
     * The six QĐ 387 rates of a year by commune within a locality. A subject counts as recognised in a year when a
     * round of that year or of an earlier year still valid (the criteria set's validity) recognised it and the
     * recognition was not revoked; a subject holding a valid recognition cannot register again, so none counts twice.
     * All subjects are those of the registries not closed before the end of the year, on the current map; households
     * are read from {@code household_tallies} (kept by the family module's triggers).
     */
    @Transactional(readOnly = true)
    public RateTable rates(int year, String withinPath) {
        LocalDate end = LocalDate.of(year, 12, 31);
        Map<Long, String[]> communes = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, code, name from localities
                        where level = 'COMMUNE' and valid_to is null and path <@ cast(:within as ltree)
                        order by name collate vi_natural
                        """)
                .param("within", withinPath)
                .query((rs, n) ->
                        communes.put(rs.getLong("id"), new String[] {rs.getString("code"), rs.getString("name")}))
                .list();
        Map<Long, Map<RateKind, long[]>> figures = new LinkedHashMap<>();
        communes.keySet().forEach(id -> figures.put(id, new EnumMap<>(RateKind.class)));
        jdbc.sql("""
                        select t.commune_id, r.title, r.level,
                               sum(t.subjects) filter (where t.stage = 'RECOGNISED') as recognised,
                               sum(t.subjects) filter (where r.year = :year) as registered,
                               sum(t.subjects) filter (where r.year = :year and t.stage = 'RECOGNISED') as recognised_registered,
                               sum(t.people) filter (where t.stage = 'RECOGNISED') as people,
                               sum(t.learning_citizens) filter (where t.stage = 'RECOGNISED') as citizens,
                               sum(t.people) filter (where r.year = :year) as registered_people,
                               sum(t.learning_citizens) filter (where r.year = :year) as registered_citizens
                        from registration_tallies t
                        join rounds r on r.id = t.round_id
                        join criteria_sets cs on cs.id = r.criteria_set_id
                        where r.year <= :year and r.year + cs.validity_years > :year and t.subjects <> 0
                          and t.commune_id = any(:communes)
                        group by t.commune_id, r.title, r.level
                        """)
                .param("year", year)
                .param("communes", communes.keySet().toArray(Long[]::new))
                .query((rs, n) -> {
                    Map<RateKind, long[]> f = figures.get(rs.getLong("commune_id"));
                    Title title = Title.valueOf(rs.getString("title"));
                    TitleLevel level = TitleLevel.valueOf(rs.getString("level"));
                    long[] subjects = {
                        rs.getLong("recognised"), 0, rs.getLong("registered"), rs.getLong("recognised_registered")
                    };
                    long[] people = {
                        rs.getLong("citizens"),
                        rs.getLong("people"),
                        rs.getLong("registered_people"),
                        rs.getLong("registered_citizens")
                    };
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
                    return null;
                })
                .list();
        // all subjects of each registry by commune, current at the end of the year
        jdbc.sql("""
                        select commune_id, kind, sum(n) as n from (
                            select ltree2text(subpath(l.path, 1, 1))::bigint as commune_id, 'FAMILY' as kind, t.households as n
                            from household_tallies t join localities l on l.id = t.locality_id
                            where l.path <@ cast(:within as ltree) and nlevel(l.path) >= 2
                              and t.since <= :end and t.closed_on > :end
                            union all
                            select ltree2text(subpath(locality_path, 1, 1))::bigint, 'CLAN', count(*) from clans
                            where locality_path <@ cast(:within as ltree) and nlevel(locality_path) >= 2
                              and (closed_on is null or closed_on > :end)
                            group by 1
                            union all
                            select ltree2text(subpath(path, 1, 1))::bigint, 'VILLAGE', count(*) from localities
                            where path <@ cast(:within as ltree) and level = 'VILLAGE'
                              and (valid_to is null or valid_to > :end) and valid_from <= :end
                            group by 1
                            union all
                            select ltree2text(subpath(locality_path, 1, 1))::bigint, 'ORGANIZATION', count(*) from organizations
                            where locality_path <@ cast(:within as ltree) and nlevel(locality_path) >= 2
                              and (closed_on is null or closed_on > :end)
                            group by 1
                        ) x group by commune_id, kind
                        """)
                .param("within", withinPath)
                .param("end", end)
                .param("year", year)
                .query((rs, n) -> {
                    Map<RateKind, long[]> f = figures.get(rs.getLong("commune_id"));
                    if (f != null) {
                        RateKind kind = switch (rs.getString("kind")) {
                            case "FAMILY" -> RateKind.LEARNING_FAMILY;
                            case "CLAN" -> RateKind.LEARNING_CLAN;
                            case "VILLAGE" -> RateKind.LEARNING_COMMUNITY;
                            default -> RateKind.LEARNING_UNIT;
                        };
                        f.computeIfAbsent(kind, k -> new long[4])[1] += rs.getLong("n");
                    }
                    return null;
                })
                .list();
        List<Rates> lines = new ArrayList<>();
        Map<RateKind, Rate> total = new EnumMap<>(RateKind.class);
        for (RateKind kind : RateKind.values()) {
            total.put(kind, new Rate(0, 0, 0, 0));
        }
        communes.forEach((id, codeName) -> {
            Map<RateKind, Rate> rates = new EnumMap<>(RateKind.class);
            for (RateKind kind : RateKind.values()) {
                long[] f = figures.get(id).getOrDefault(kind, new long[4]);
                Rate rate = new Rate(f[0], f[1], f[2], f[3]);
                rates.put(kind, rate);
                total.merge(kind, rate, Rate::plus);
            }
            lines.add(new Rates(codeName[0], codeName[1], rates));
        });
        return new RateTable(year, new Rates("", "", total), lines);
    }

    private static void add(Map<RateKind, long[]> figures, RateKind kind, long[] values) {
        long[] f = figures.computeIfAbsent(kind, k -> new long[4]);
        for (int i = 0; i < 4; i++) {
            f[i] += values[i];
        }
    }
}
