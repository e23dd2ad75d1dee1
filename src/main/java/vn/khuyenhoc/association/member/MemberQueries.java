package vn.khuyenhoc.association.member;

import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.RegistryFilter;
import vn.khuyenhoc.shared.VietnameseText;

/** Reads of memberships, always within a scope path. */
@Component
class MemberQueries {

    static final String SELECT = """
            select m.id, m.chapter_id, ch.name as chapter_name, c.name as commune_name, m.person_id, m.full_name,
                   m.gender, m.birth_year, m.ethnicity, m.role, m.position, m.joined_on, m.left_on, m.citizen_last4,
                   m.locality_path::text as locality_path, m.demo, m.version
            from members m
            join chapters ch on ch.id = m.chapter_id
            join localities l on l.id = m.locality_id
            left join localities c on c.id = case when l.level = 'VILLAGE' then l.parent_id else l.id end
            """;

    private final JdbcClient jdbc;

    MemberQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MemberView> find(long id, String scope) {
        return jdbc.sql(SELECT + " where m.id = :id and m.locality_path <@ cast(:scope as ltree)")
                .param("id", id)
                .param("scope", scope)
                .query(MemberView.class)
                .optional();
    }

    /**
     * One page of a roster. A province has hundreds of thousands of memberships, so the count stops at {@code
     * countLimit} (the page says "more than"); the API asks for the exact count.
     */
    Paged<MemberView> search(MemberSearch search, String scope, String within, PageQuery page, long countLimit) {
        RegistryFilter filter = filter(search, scope, within);
        long total = jdbc.sql(
                        "select count(*) from (select 1 from members m" + filter.sql() + " limit :countLimit) counted")
                .params(filter.params())
                .param("countLimit", countLimit)
                .query(Long.class)
                .single();
        // With a search text the matches are found first (trigram index) and sorted after: in name order the planner
        // hopes to meet 50 matches early and walks, for "nguyen", most of the province's names before them (1.7 s).
        String sql = VietnameseText.cleanOrEmpty(search.q()).isEmpty()
                ? SELECT + filter.sql() + " order by m.full_name collate vi_natural, m.id limit :limit offset :offset"
                : "with matches as materialized (select m.id, m.full_name from members m" + filter.sql() + "),"
                        + " picked as (select id from matches order by full_name collate vi_natural, id"
                        + " limit :limit offset :offset) "
                        + SELECT
                        + " where m.id in (select id from picked) order by m.full_name collate vi_natural, m.id";
        List<MemberView> items = jdbc.sql(sql)
                .params(filter.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(MemberView.class)
                .list();
        return new Paged<>(items, total, page.page(), page.size());
    }

    void each(MemberSearch search, String scope, String within, Consumer<MemberView> consumer) {
        RegistryFilter filter = filter(search, scope, within);
        try (Stream<MemberView> rows = jdbc
                .sql(SELECT + filter.sql()
                        + " order by c.name collate vi_natural, ch.name collate vi_natural,"
                        + " m.full_name collate vi_natural, m.id")
                .params(filter.params())
                .query(MemberView.class)
                .stream()) {
            rows.forEach(consumer);
        }
    }

    /** Other current memberships of the same person (same citizen-ID hash), for the member's page. */
    List<MemberView> otherMemberships(long personId, long exceptId, String scope) {
        return jdbc.sql(SELECT
                        + " where m.person_id = :person and m.id <> :except and m.locality_path <@ cast(:scope as ltree)"
                        + " order by m.id")
                .param("person", personId)
                .param("except", exceptId)
                .param("scope", scope)
                .query(MemberView.class)
                .list();
    }

    boolean currentInChapter(long chapterId, String citizenKey, long exceptId) {
        return jdbc.sql("""
                        select exists (select 1 from members where chapter_id = :chapter and citizen_key = :key
                                       and left_on is null and id <> :except)
                        """)
                .param("chapter", chapterId)
                .param("key", citizenKey)
                .param("except", exceptId)
                .query(Boolean.class)
                .single();
    }

    /** A session the member attended, for the member's page. */
    record Attended(long studyId, java.time.LocalDate heldOn, String title, String documents) {}

    List<Attended> attended(long memberId) {
        return jdbc.sql("""
                        select s.id as study_id, s.held_on, s.title,
                               coalesce((select string_agg(d.number, ', ' order by d.number)
                                         from policy_study_documents sd join policy_documents d on d.code = sd.document_code
                                         where sd.study_id = s.id), '') as documents
                        from policy_study_attendance a join policy_studies s on s.id = a.study_id
                        where a.member_id = :member
                        order by s.held_on desc, s.id desc
                        """).param("member", memberId).query(Attended.class).list();
    }

    /** The learning-citizen status of the member per year. */
    record Status(int year, String status) {

        public String label() {
            return "RECOGNISED".equals(status) ? "Đạt Công dân học tập" : "Chưa đạt";
        }
    }

    List<Status> statuses(long memberId) {
        return jdbc.sql(
                        "select year, status from learning_citizen_statuses where member_id = :member order by year desc")
                .param("member", memberId)
                .query(Status.class)
                .list();
    }

    /** The active chapters of a scope (or one chapter), for the reference sheet of an import template. */
    List<List<String>> chapterRows(String scope, @Nullable Long chapter) {
        return jdbc.sql("""
                        select ch.id, ch.name, coalesce(c.name, '') as commune
                        from chapters ch
                        join localities l on l.id = ch.locality_id
                        left join localities c on c.id = case when l.level = 'VILLAGE' then l.parent_id else l.id end
                        where ch.locality_path <@ cast(:scope as ltree) and ch.dissolved_on is null
                          and (cast(:chapter as bigint) is null or ch.id = cast(:chapter as bigint))
                        order by c.name collate vi_natural, ch.name collate vi_natural
                        limit 20000
                        """)
                .param("scope", scope)
                .param("chapter", chapter)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    void saveStatus(long memberId, int year, String status, String by) {
        jdbc.sql("""
                        insert into learning_citizen_statuses (member_id, year, status, updated_by)
                        values (:member, :year, :status, :by)
                        on conflict (member_id, year) do update
                            set status = excluded.status, updated_by = excluded.updated_by, updated_at = now()
                        """)
                .param("member", memberId)
                .param("year", year)
                .param("status", status)
                .param("by", by)
                .update();
    }

    private static RegistryFilter filter(MemberSearch search, String scope, String within) {
        RegistryFilter filter = RegistryFilter.within("m", scope, within)
                .nameContains("m", search.q())
                .status("m.left_on", "left".equals(search.status()) ? "closed" : search.status());
        if (search.chapter() != null) {
            filter.and("m.chapter_id = :chapter", "chapter", search.chapter());
        }
        if ("MEMBER".equals(search.role()) || "OFFICER".equals(search.role())) {
            filter.and("m.role = :role", "role", search.role());
        }
        if ("MALE".equals(search.gender()) || "FEMALE".equals(search.gender())) {
            filter.and("m.gender = :gender", "gender", search.gender());
        }
        // age bands of the association's reports, by birth year: under 30, 30–44, 45–59, 60 and over
        int thisYear = Year.now().getValue();
        Integer youngest = switch (String.valueOf(search.age())) {
            case "30-44" -> 30;
            case "45-59" -> 45;
            case "60+" -> 60;
            default -> null;
        };
        Integer oldest = switch (String.valueOf(search.age())) {
            case "u30" -> 29;
            case "30-44" -> 44;
            case "45-59" -> 59;
            default -> null;
        };
        filter.and("m.birth_year <= :bornBy", "bornBy", youngest == null ? null : thisYear - youngest);
        filter.and("m.birth_year >= :bornFrom", "bornFrom", oldest == null ? null : thisYear - oldest);
        return filter;
    }
}
