package vn.khuyenhoc.association.member;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The association's six-monthly membership figures per commune: people who are members and officers at the end of a
 * year (or today), by the kind of chapter they belong to, as a share of the commune's population that year, and the
 * change since the end of the previous year. A person in two chapters of a commune counts once.
 */
@Component
class MembershipFigures {

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
                        with counted as (
                            select subpath(m.locality_path, 0, 2) as commune, m.person_id, m.role, ch.kind,
                                   (m.joined_on is null or m.joined_on <= :ref) and (m.left_on is null or m.left_on > :ref) as now_member,
                                   (m.joined_on is null or m.joined_on <= :previous) and (m.left_on is null or m.left_on > :previous) as was_member
                            from members m join chapters ch on ch.id = m.chapter_id
                            where m.locality_path <@ cast(:path as ltree) and m.locality_path <@ cast(:scope as ltree)
                        ),
                        figures as (
                            select commune,
                                   count(distinct person_id) filter (where now_member) as members,
                                   count(distinct person_id) filter (where now_member and role = 'OFFICER') as officers,
                                   count(distinct person_id) filter (where now_member and kind = 'CHI_HOI') as in_chi_hoi,
                                   count(distinct person_id) filter (where now_member and kind = 'BAN_KHUYEN_HOC') as in_ban_khuyen_hoc,
                                   count(distinct person_id) filter (where now_member and kind = 'TO_KHUYEN_HOC') as in_to_khuyen_hoc,
                                   count(distinct person_id) filter (where was_member) as previous
                            from counted group by commune
                        )
                        select c.code as commune_code, c.name as commune_name,
                               coalesce(f.members, 0) as members, coalesce(f.officers, 0) as officers,
                               coalesce(f.in_chi_hoi, 0) as in_chi_hoi, coalesce(f.in_ban_khuyen_hoc, 0) as in_ban_khuyen_hoc,
                               coalesce(f.in_to_khuyen_hoc, 0) as in_to_khuyen_hoc, coalesce(f.previous, 0) as previous,
                               p.population
                        from localities c
                        left join figures f on f.commune = c.path
                        left join commune_populations p on p.locality_id = c.id and p.year = :year
                        where c.level = 'COMMUNE' and c.valid_to is null
                          and c.path <@ cast(:path as ltree) and c.path <@ cast(:scope as ltree)
                        order by c.name collate vi_natural
                        """)
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
