package vn.khuyenhoc.association;

import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * KH 102's fourth target and QĐ 387's last: officers and members of the association who studied the policies, per
 * locality and period. A person counts once, however many chapters they belong to (the same citizen-ID hash): in a
 * commune among that commune's memberships, in the whole subtree once. The denominator is the people who were members
 * on the period's reference day; the numerator, those of them who attended at least one session held in the period
 * (periods are whole years).
 * Officers are the people with at least one officer membership; the member figure counts everyone, officers too.
 */
@Service
public class PolicyStudyCoverage {

    /**
     * Memberships without a citizen ID are people of their own: for a province or a commune they are read from
     * {@code member_tallies} (counts kept by triggers, a few thousand rows instead of a million), for a village from
     * the memberships themselves.
     */
    private static final String SINGLES_TALLIED = """
            singles as (
                select t.commune_id,
                       sum(t.members) filter (where t.officer) as officers,
                       sum(t.members) filter (where t.officer and t.studied_years & :mask <> 0) as officers_studied,
                       sum(t.members) as members,
                       sum(t.members) filter (where t.studied_years & :mask <> 0) as members_studied
                from member_tallies t
                where t.commune_id in (select c.id from localities c where c.level = 'COMMUNE' and c.path <@ cast(:path as ltree))
                  and t.joined_year <= :refYear and t.left_year > :refYear
                group by t.commune_id
            )""";

    private static final String SINGLES_COUNTED = """
            singles as (
                select %1$s as commune_id,
                       count(*) filter (where m.role = 'OFFICER') as officers,
                       count(*) filter (where m.role = 'OFFICER' and m.studied_years & :mask <> 0) as officers_studied,
                       count(*) as members,
                       count(*) filter (where m.studied_years & :mask <> 0) as members_studied
                from members m
                where m.citizen_key is null and m.locality_path <@ cast(:path as ltree)
                  and (m.joined_on is null or m.joined_on <= :ref) and (m.left_on is null or m.left_on > :ref)
                group by 1
            )""";

    /** The part a membership is counted in: its commune in a province, its village in a commune or a village. */
    private static final String BY_COMMUNE = "m.commune_id";

    private static final String BY_VILLAGE =
            "case when nlevel(m.locality_path) >= 3 then ltree2text(subpath(m.locality_path, 2, 1))::bigint end";

    /**
     * The few memberships with a citizen ID are grouped by person, per commune and over the whole subtree ({@code
     * grouping sets}); each membership carries its commune and the years it attended a session ({@code
     * studied_years}, kept by triggers), so no attendance row is read.
     */
    private static final String FIGURES = """
            with %1$s,
            people as (
                select %2$s as commune_id, grouping(%2$s) = 1 as whole,
                       bool_or(m.role = 'OFFICER') as officer, bool_or(m.studied_years & :mask <> 0) as studied
                from members m
                where m.citizen_key is not null and m.locality_path <@ cast(:path as ltree)
                  and (m.joined_on is null or m.joined_on <= :ref) and (m.left_on is null or m.left_on > :ref)
                group by grouping sets ((%2$s, m.person_id), (m.person_id))
            ),
            figures as (
                select commune_id, false as whole, officers, officers_studied, members, members_studied from singles
                union all
                select null, true, sum(officers), sum(officers_studied), sum(members), sum(members_studied) from singles
                union all
                select commune_id, whole, count(*) filter (where officer), count(*) filter (where officer and studied),
                       count(*), count(*) filter (where studied)
                from people group by commune_id, whole
            )
            select f.whole, c.code as commune_code, c.name as commune_name,
                   coalesce(sum(f.officers), 0)::bigint as officers,
                   coalesce(sum(f.officers_studied), 0)::bigint as officers_studied,
                   coalesce(sum(f.members), 0)::bigint as members,
                   coalesce(sum(f.members_studied), 0)::bigint as members_studied
            from figures f
            left join localities c on c.id = f.commune_id
            group by f.whole, c.code, c.name
            """;

    private final JdbcClient jdbc;

    PolicyStudyCoverage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A numerator over a denominator. Attendance is the only record of a period's sessions, so a period with none
     * recorded has no data ("chưa có số liệu", no percentage) rather than 0%.
     */
    public record Ratio(long numerator, long denominator) {

        public @Nullable Double percent() {
            return denominator == 0 || numerator == 0 ? null : Math.round(1000.0 * numerator / denominator) / 10.0;
        }
    }

    /** The two figures of one commune (or of the whole subtree). */
    public record Figures(
            @Nullable String communeCode, @Nullable String communeName, Ratio officers, Ratio members) {}

    /**
     * The figures of a subtree, once for the whole and once per part (the communes of a province, the villages of a
     * commune), in Vietnamese order.
     */
    public record Result(StudyPeriod period, Figures total, List<Figures> communes) {}

    private record Row(
            boolean whole,
            @Nullable String communeCode,
            @Nullable String communeName,
            long officers,
            long officersStudied,
            long members,
            long membersStudied) {}

    @Transactional(readOnly = true)
    public Result coverage(String path, StudyPeriod period) {
        return coverage(path, period, true);
    }

    /** The same, in total only when {@code byPart} is false: a commune's total is then read from the tallies. */
    @Transactional(readOnly = true)
    public Result coverage(String path, StudyPeriod period, boolean byPart) {
        // paths are ids from the province down: "1" a province, "1.37" a commune, "1.37.4012" a village; a province
        // (and a commune's total alone) is counted by commune from the tallies, a commune by village from the
        // memberships
        int depth = path.split("\\.").length;
        boolean province = depth == 1 || (!byPart && depth == 2);
        List<Row> rows = jdbc.sql(
                        province
                                ? FIGURES.formatted(SINGLES_TALLIED, BY_COMMUNE)
                                : FIGURES.formatted(SINGLES_COUNTED.formatted(BY_VILLAGE), BY_VILLAGE))
                .param("path", path)
                .param("ref", period.reference())
                .param("refYear", period.reference().getYear())
                .param("mask", period.yearMask())
                .query(Row.class)
                .list();
        Figures total = new Figures(null, null, new Ratio(0, 0), new Ratio(0, 0));
        List<Figures> communes = new ArrayList<>();
        for (Row row : rows) {
            Figures figures = new Figures(
                    row.communeCode(),
                    row.communeName(),
                    new Ratio(row.officersStudied(), row.officers()),
                    new Ratio(row.membersStudied(), row.members()));
            if (row.whole()) {
                total = figures;
            } else if (row.communeCode() != null) {
                communes.add(figures);
            }
        }
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        communes.sort((a, b) -> collator.compare(String.valueOf(a.communeName()), String.valueOf(b.communeName())));
        return new Result(period, total, communes);
    }
}
