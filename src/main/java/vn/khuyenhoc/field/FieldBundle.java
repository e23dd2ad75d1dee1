package vn.khuyenhoc.field;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.criteria.CriteriaService;
import vn.khuyenhoc.criteria.CriteriaSet;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * What the phone keeps for its clerk: the villages, active households and this year's household rounds of the scope,
 * with the registrations and their criteria sets. Read straight from the tables of the modules this one depends on;
 * the download of this personal list is written to the audit trail like any other.
 */
@Component
class FieldBundle {

    record Bundle(
            String username,
            String fullName,
            String scopeName,
            boolean phones,
            List<Village> villages,
            List<Household> households,
            List<Round> rounds,
            List<Registration> registrations,
            List<CriteriaSet> criteriaSets,
            OffsetDateTime loadedAt) {}

    record Village(String code, String name, String communeName) {}

    record Household(
            long id,
            String headName,
            @Nullable String address,
            int members,
            int adults,
            int schoolAgeChildren,
            @Nullable String phone,
            String villageCode,
            @Nullable LocalDate since,
            int version) {}

    record Round(
            long id,
            String title,
            int year,
            String localityName,
            LocalDate registrationDue,
            LocalDate selfAssessmentDue,
            long criteriaSetId) {}

    record Registration(
            long id,
            long roundId,
            long subjectId,
            String subjectName,
            String stage,
            @Nullable String result,
            @Nullable String returnComment,
            int version,
            @Nullable String scores,
            @Nullable String comment,
            List<String> evidenceItems) {}

    private final JdbcClient jdbc;
    private final CriteriaService criteria;
    private final AuditTrail audit;

    FieldBundle(JdbcClient jdbc, CriteriaService criteria, AuditTrail audit) {
        this.jdbc = jdbc;
        this.criteria = criteria;
        this.audit = audit;
    }

    @Transactional
    Bundle of(SignedInUser user) {
        LocalDate today = LocalDate.now();
        String scope = user.scopePath();
        audit.recordAccess("DOWNLOAD", "field-bundle", Map.of("scope", user.scopeCode()), scope);
        List<Village> villages = jdbc.sql("""
                        select v.code, v.name, c.name as commune_name
                        from localities v join localities c on c.id = v.parent_id
                        where v.level = 'VILLAGE' and v.path <@ cast(:scope as ltree)
                          and (v.valid_to is null or v.valid_to > :today) and not v.former_map
                        order by c.name collate vi_natural, v.name collate vi_natural
                        """)
                .param("scope", scope)
                .param("today", today)
                .query(Village.class)
                .list();
        boolean phones = user.canSeePhones();
        List<Household> households = jdbc.sql("""
                        select f.id, f.head_name, f.address, f.members, f.adults, f.school_age_children,
                               case when :phones then f.phone end as phone, v.code as village_code, f.since, f.version
                        from families f join localities v on v.id = f.locality_id
                        where f.locality_path <@ cast(:scope as ltree) and f.closed_on is null
                        order by f.head_name collate vi_natural, f.id
                        """)
                .param("scope", scope)
                .param("phones", phones)
                .query(Household.class)
                .list();
        List<Round> rounds = jdbc.sql("""
                        select r.id, r.title, r.year, l.name as locality_name, r.registration_due,
                               r.self_assessment_due, r.criteria_set_id
                        from rounds r join localities l on l.id = r.locality_id
                        where r.level = 'HOUSEHOLD' and r.year = :year and r.decision_due >= :today
                          and (r.locality_path <@ cast(:scope as ltree) or r.locality_path @> cast(:scope as ltree))
                        order by r.id
                        """)
                .param("year", today.getYear())
                .param("today", today)
                .param("scope", scope)
                .query(Round.class)
                .list();
        List<Long> roundIds = rounds.stream().map(Round::id).toList();
        List<Registration> registrations = roundIds.isEmpty()
                ? List.of()
                : jdbc.sql("""
                                select g.id, g.round_id, g.subject_id, g.subject_name, g.stage, g.result,
                                       g.return_comment, g.version, a.scores::text as scores, a.comment,
                                       array(select distinct e.item_code from evidence_files e
                                             where e.registration_id = g.id order by 1) as evidence_items
                                from registrations g
                                left join assessments a on a.registration_id = g.id and a.stage = 'SELF'
                                where g.round_id in (:rounds) and g.locality_path <@ cast(:scope as ltree)
                                order by g.id
                                """)
                        .param("rounds", roundIds)
                        .param("scope", scope)
                        .query((rs, n) -> new Registration(
                                rs.getLong("id"),
                                rs.getLong("round_id"),
                                rs.getLong("subject_id"),
                                rs.getString("subject_name"),
                                rs.getString("stage"),
                                rs.getString("result"),
                                rs.getString("return_comment"),
                                rs.getInt("version"),
                                rs.getString("scores"),
                                rs.getString("comment"),
                                List.of((String[]) rs.getArray("evidence_items").getArray())))
                        .list();
        List<CriteriaSet> sets = rounds.stream()
                .map(Round::criteriaSetId)
                .distinct()
                .map(criteria::get)
                .toList();
        return new Bundle(
                user.username(),
                user.fullName(),
                user.scopeName(),
                phones,
                villages,
                households,
                rounds,
                registrations,
                sets,
                OffsetDateTime.now());
    }
}
