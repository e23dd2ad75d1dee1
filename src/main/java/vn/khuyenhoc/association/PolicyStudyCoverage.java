package vn.khuyenhoc.association;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * KH 102's fourth target and QĐ 387's last: officers and members of the association who studied the policies, per
 * locality and period. A person counts once, however many chapters they belong to (the same citizen-ID hash): in a
 * commune among that commune's memberships, in the whole subtree once. The denominator is the people who were members
 * on the period's reference day; the numerator, those of them who attended at least one session held in the period.
 * Officers are the people with at least one officer membership; the member figure counts everyone, officers too.
 */
@Service
public class PolicyStudyCoverage {

    private static final String FIGURES = """
            with active as materialized (
                select m.id, m.person_id, m.role = 'OFFICER' as officer,
                       subpath(m.locality_path, 0, least(nlevel(m.locality_path), 2)) as commune
                from members m
                where m.locality_path <@ cast(:path as ltree)
                  and (m.joined_on is null or m.joined_on <= :ref) and (m.left_on is null or m.left_on > :ref)
            ),
            studied as materialized (
                select distinct a.member_id
                from policy_studies s join policy_study_attendance a on a.study_id = s.id
                where s.held_on between :from and :to
            ),
            persons as (
                select a.commune, a.person_id, bool_or(a.officer) as officer,
                       bool_or(a.id in (select member_id from studied)) as studied
                from active a
                group by grouping sets ((a.commune, a.person_id), (a.person_id))
            )
            select p.commune::text as commune_path, c.code as commune_code, c.name as commune_name,
                   count(*) filter (where p.officer) as officers,
                   count(*) filter (where p.officer and p.studied) as officers_studied,
                   count(*) as members,
                   count(*) filter (where p.studied) as members_studied
            from persons p
            left join localities c on c.id = cast(subpath(p.commune, -1)::text as bigint) and nlevel(p.commune) = 2
            group by p.commune, c.code, c.name
            """;

    private final JdbcClient jdbc;

    PolicyStudyCoverage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A numerator over a denominator. */
    public record Ratio(long numerator, long denominator) {

        public @Nullable Double percent() {
            return denominator == 0 ? null : Math.round(1000.0 * numerator / denominator) / 10.0;
        }
    }

    /** The two figures of one commune (or of the whole subtree). */
    public record Figures(
            @Nullable String communeCode, @Nullable String communeName, Ratio officers, Ratio members) {}

    /** The figures of a subtree, once for the whole and once per commune, in Vietnamese order. */
    public record Result(StudyPeriod period, Figures total, List<Figures> communes) {}

    private record Row(
            @Nullable String communePath,
            @Nullable String communeCode,
            @Nullable String communeName,
            long officers,
            long officersStudied,
            long members,
            long membersStudied) {}

    @Transactional(readOnly = true)
    public Result coverage(String path, StudyPeriod period) {
        List<Row> rows = jdbc.sql(FIGURES)
                .param("path", path)
                .param("ref", period.reference())
                .param("from", period.from())
                .param("to", period.to())
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
            if (row.communePath() == null) {
                total = figures;
            } else if (row.communeCode() != null) {
                communes.add(figures);
            }
        }
        java.text.Collator collator = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));
        communes.sort((a, b) -> collator.compare(String.valueOf(a.communeName()), String.valueOf(b.communeName())));
        return new Result(period, total, communes);
    }
}
