package vn.khuyenhoc.association.member;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The association's six-monthly membership figures per commune: people who are members and officers at the end of a
 * year (or today), by the kind of chapter they belong to, as a share of the commune's population that year, and the
 * change since the end of the previous year. A person in two chapters of a commune counts once: memberships without
 * a citizen ID are counted as they are, the few with one are grouped by person first.
 */
@Component
class MembershipFigures {

    private static final String MEMBER_ON_REF =
            "(m.joined_on is null or m.joined_on <= :ref) and (m.left_on is null or m.left_on > :ref)";
    private static final String MEMBER_ON_PREVIOUS =
            "(m.joined_on is null or m.joined_on <= :previous) and (m.left_on is null or m.left_on > :previous)";

    private final JdbcClient jdbc;

    MembershipFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One commune's figures; {@code population} is null until an administrator enters it. */
    record Row(
            String communeCode,
            String communeName,
            long members,
            long officers,
            long inChiHoi,
            long inBanKhuyenHoc,
            long inToKhuyenHoc,
            long previous,
            @Nullable Integer population) {

        public long change() {
            return members - previous;
        }

        public @Nullable Double percentOfPopulation() {
            return population == null ? null : Math.round(10000.0 * members / population) / 100.0;
        }
    }

    List<Row> byCommune(String path, String scope, int year) {
        LocalDate today = LocalDate.now();
        LocalDate end = LocalDate.of(year, 12, 31);
        return jdbc.sql("""
                        with singles as (
                            select m.commune_id,
                                   count(*) filter (where %1$s) as members,
                                   count(*) filter (where %1$s and m.role = 'OFFICER') as officers,
                                   count(*) filter (where %1$s and ch.kind = 'CHI_HOI') as in_chi_hoi,
                                   count(*) filter (where %1$s and ch.kind = 'BAN_KHUYEN_HOC') as in_ban_khuyen_hoc,
                                   count(*) filter (where %1$s and ch.kind = 'TO_KHUYEN_HOC') as in_to_khuyen_hoc,
                                   count(*) filter (where %2$s) as previous
                            from members m join chapters ch on ch.id = m.chapter_id
                            where m.citizen_key is null
                              and m.locality_path <@ cast(:path as ltree) and m.locality_path <@ cast(:scope as ltree)
                            group by m.commune_id
                        ),
                        people as (
                            select m.commune_id, m.person_id,
                                   bool_or(%1$s) as member, bool_or(%1$s and m.role = 'OFFICER') as officer,
                                   bool_or(%1$s and ch.kind = 'CHI_HOI') as in_chi_hoi,
                                   bool_or(%1$s and ch.kind = 'BAN_KHUYEN_HOC') as in_ban_khuyen_hoc,
                                   bool_or(%1$s and ch.kind = 'TO_KHUYEN_HOC') as in_to_khuyen_hoc,
                                   bool_or(%2$s) as was_member
                            from members m join chapters ch on ch.id = m.chapter_id
                            where m.citizen_key is not null
                              and m.locality_path <@ cast(:path as ltree) and m.locality_path <@ cast(:scope as ltree)
                            group by m.commune_id, m.person_id
                        ),
                        figures as (
                            select commune_id, members, officers, in_chi_hoi, in_ban_khuyen_hoc, in_to_khuyen_hoc, previous
                            from singles
                            union all
                            select commune_id, count(*) filter (where member), count(*) filter (where officer),
                                   count(*) filter (where in_chi_hoi), count(*) filter (where in_ban_khuyen_hoc),
                                   count(*) filter (where in_to_khuyen_hoc), count(*) filter (where was_member)
                            from people group by commune_id
                        ),
                        by_commune as (
                            select commune_id, sum(members) as members, sum(officers) as officers,
                                   sum(in_chi_hoi) as in_chi_hoi, sum(in_ban_khuyen_hoc) as in_ban_khuyen_hoc,
                                   sum(in_to_khuyen_hoc) as in_to_khuyen_hoc, sum(previous) as previous
                            from figures group by commune_id
                        )
                        select c.code as commune_code, c.name as commune_name,
                               coalesce(f.members, 0) as members, coalesce(f.officers, 0) as officers,
                               coalesce(f.in_chi_hoi, 0) as in_chi_hoi, coalesce(f.in_ban_khuyen_hoc, 0) as in_ban_khuyen_hoc,
                               coalesce(f.in_to_khuyen_hoc, 0) as in_to_khuyen_hoc, coalesce(f.previous, 0) as previous,
                               p.population
                        from localities c
                        left join by_commune f on f.commune_id = c.id
                        left join commune_populations p on p.locality_id = c.id and p.year = :year
                        where c.level = 'COMMUNE' and c.valid_to is null
                          and c.path <@ cast(:path as ltree) and c.path <@ cast(:scope as ltree)
                        order by c.name collate vi_natural
                        """.formatted(MEMBER_ON_REF, MEMBER_ON_PREVIOUS))
                .param("path", path)
                .param("scope", scope)
                .param("ref", end.isAfter(today) ? today : end)
                .param("previous", LocalDate.of(year - 1, 12, 31))
                .param("year", year)
                .query(Row.class)
                .list();
    }

    void savePopulation(long communeId, int year, int population, String by) {
        jdbc.sql("""
                        insert into commune_populations (locality_id, year, population, updated_by)
                        values (:commune, :year, :population, :by)
                        on conflict (locality_id, year) do update
                            set population = excluded.population, updated_by = excluded.updated_by, updated_at = now()
                        """)
                .param("commune", communeId)
                .param("year", year)
                .param("population", population)
                .param("by", by)
                .update();
    }

    @Nullable
    Integer population(long communeId, int year) {
        return jdbc.sql("select population from commune_populations where locality_id = :commune and year = :year")
                .param("commune", communeId)
                .param("year", year)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }
}
