package vn.khuyenhoc.association.policystudy;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.association.StudyPeriod;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.RegistryFilter;
import vn.khuyenhoc.shared.VietnameseText;

/** Reads of sessions and their attendance, always within a scope path. */
@Component
class PolicyStudyQueries {

    private static final String SELECT = """
            select s.id, s.level, s.chapter_id, ch.name as chapter_name, l.code as locality_code, l.name as locality_name,
                   s.held_on, s.title,
                   array(select d.number from policy_study_documents sd join policy_documents d on d.code = sd.document_code
                         where sd.study_id = s.id order by d.issued_on nulls last, d.number) as documents,
                   (select count(*) from policy_study_attendance a where a.study_id = s.id) as attendees,
                   s.locality_path::text as locality_path, s.version
            from policy_studies s
            join localities l on l.id = s.locality_id
            left join chapters ch on ch.id = s.chapter_id
            """;

    private static final RowMapper<PolicyStudyView> VIEW = PolicyStudyQueries::view;

    private final JdbcClient jdbc;

    PolicyStudyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PolicyStudyView> find(long id, String scope) {
        return jdbc.sql(SELECT + " where s.id = :id and s.locality_path <@ cast(:scope as ltree)")
                .param("id", id)
                .param("scope", scope)
                .query(VIEW)
                .optional();
    }

    Paged<PolicyStudyView> search(PolicyStudySearch search, String scope, String within, PageQuery page) {
        RegistryFilter filter = filter(search, scope, within);
        long total = jdbc.sql("select count(*) from policy_studies s" + filter.sql())
                .params(filter.params())
                .query(Long.class)
                .single();
        List<PolicyStudyView> items = jdbc.sql(
                        SELECT + filter.sql() + " order by s.held_on desc, s.id desc limit :limit offset :offset")
                .params(filter.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(VIEW)
                .list();
        return new Paged<>(items, total, page.page(), page.size());
    }

    void each(PolicyStudySearch search, String scope, String within, Consumer<PolicyStudyView> consumer) {
        RegistryFilter filter = filter(search, scope, within);
        try (Stream<PolicyStudyView> rows = jdbc
                .sql(SELECT + filter.sql() + " order by s.held_on desc, s.id desc")
                .params(filter.params())
                .query(VIEW)
                .stream()) {
            rows.forEach(consumer);
        }
    }

    private static RegistryFilter filter(PolicyStudySearch search, String scope, String within) {
        RegistryFilter filter = RegistryFilter.within("s", scope, within);
        String q = VietnameseText.cleanOrEmpty(search.q());
        if (!q.isEmpty()) {
            filter.and(
                    "s.search_title like search_key(:q)",
                    "q",
                    "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        filter.and("s.chapter_id = :chapter", "chapter", search.chapter());
        filter.and("extract(year from s.held_on) = :year", "year", search.year());
        if (search.withoutAttendance()) {
            filter.and(
                    "s.held_on <= :heldBy and not exists (select 1 from policy_study_attendance a where a.study_id = s.id)",
                    "heldBy",
                    java.time.LocalDate.now());
        }
        return filter;
    }

    /** A member as the attendance page lists them, with whether they attended this session. */
    record RosterRow(
            long id,
            String fullName,
            String role,
            @Nullable String position,
            int birthYear,
            @Nullable LocalDate joinedOn,
            @Nullable LocalDate leftOn,
            boolean attended) {

        public boolean memberOn(LocalDate day) {
            return (joinedOn == null || !joinedOn.isAfter(day)) && (leftOn == null || leftOn.isAfter(day));
        }
    }

    /**
     * The roster of a chapter for a session: its members who belonged to it on the day, and anyone recorded as
     * present, in name order.
     */
    List<RosterRow> roster(long studyId, long chapterId, LocalDate day, String scope) {
        return jdbc.sql("""
                        select m.id, m.full_name, m.role, m.position, m.birth_year, m.joined_on, m.left_on,
                               exists (select 1 from policy_study_attendance a where a.study_id = :study and a.member_id = m.id) as attended
                        from members m
                        where m.chapter_id = :chapter and m.locality_path <@ cast(:scope as ltree)
                          and ((m.joined_on is null or m.joined_on <= :day) and (m.left_on is null or m.left_on > :day)
                               or exists (select 1 from policy_study_attendance a where a.study_id = :study and a.member_id = m.id))
                        order by m.full_name collate vi_natural, m.id
                        """)
                .param("study", studyId)
                .param("chapter", chapterId)
                .param("day", day)
                .param("scope", scope)
                .query(RosterRow.class)
                .list();
    }

    /** A member named in an attendance request, with what decides whether they may be marked present. */
    record Candidate(
            long id,
            String fullName,
            long chapterId,
            boolean inOrganiser,
            @Nullable LocalDate joinedOn,
            @Nullable LocalDate leftOn) {}

    /** The named members that exist in the user's scope; {@code inOrganiser}: within the organiser's subtree. */
    List<Candidate> candidates(Collection<Long> ids, String organiserPath, @Nullable Long chapterId, String scope) {
        return jdbc.sql("""
                        select m.id, m.full_name, m.chapter_id,
                               (m.locality_path <@ cast(:organiser as ltree)
                                and (cast(:chapter as bigint) is null or m.chapter_id = cast(:chapter as bigint))) as in_organiser,
                               m.joined_on, m.left_on
                        from members m
                        where m.id = any(:ids) and m.locality_path <@ cast(:scope as ltree)
                        """)
                .param("ids", ids.toArray(Long[]::new))
                .param("organiser", organiserPath)
                .param("chapter", chapterId)
                .param("scope", scope)
                .query(Candidate.class)
                .list();
    }

    /** Members of {@code limitTo} (a chapter, or every chapter when null) currently recorded as present. */
    List<Long> attendees(long studyId, @Nullable Long limitTo) {
        return jdbc.sql("""
                        select a.member_id from policy_study_attendance a join members m on m.id = a.member_id
                        where a.study_id = :study and (cast(:chapter as bigint) is null or m.chapter_id = cast(:chapter as bigint))
                        order by a.member_id
                        """)
                .param("study", studyId)
                .param("chapter", limitTo)
                .query(Long.class)
                .list();
    }

    void addAttendance(long studyId, Collection<Long> memberIds, String by) {
        jdbc.sql("""
                        insert into policy_study_attendance (study_id, member_id, recorded_by)
                        select :study, unnest(:members), :by
                        on conflict (study_id, member_id) do nothing
                        """)
                .param("study", studyId)
                .param("members", memberIds.toArray(Long[]::new))
                .param("by", by)
                .update();
    }

    void removeAttendance(long studyId, Collection<Long> memberIds) {
        jdbc.sql("delete from policy_study_attendance where study_id = :study and member_id = any(:members)")
                .param("study", studyId)
                .param("members", memberIds.toArray(Long[]::new))
                .update();
    }

    /** Names of attendees who were not members on {@code day} (a session's date cannot move past them). */
    List<String> attendeesAbsentOn(long studyId, LocalDate day) {
        return jdbc.sql("""
                        select m.full_name from policy_study_attendance a join members m on m.id = a.member_id
                        where a.study_id = :study
                          and not ((m.joined_on is null or m.joined_on <= :day) and (m.left_on is null or m.left_on > :day))
                        order by m.full_name collate vi_natural limit 5
                        """)
                .param("study", studyId)
                .param("day", day)
                .query(String.class)
                .list();
    }

    /** Chapters within a subtree and the scope, for a commune or province session's attendance page. */
    record ChapterChoice(long id, String name, long members) {}

    List<ChapterChoice> chapters(String subtree, String scope) {
        return jdbc.sql("""
                        select ch.id, ch.name, (select count(*) from members m where m.chapter_id = ch.id and m.left_on is null) as members
                        from chapters ch
                        where ch.locality_path <@ cast(:subtree as ltree) and ch.locality_path <@ cast(:scope as ltree)
                          and ch.dissolved_on is null
                        order by ch.name collate vi_natural
                        limit 500
                        """)
                .param("subtree", subtree)
                .param("scope", scope)
                .query(ChapterChoice.class)
                .list();
    }

    /** A member counted by the coverage, with the documents the person studied in the period. */
    record StudyStatus(
            long id,
            String fullName,
            String role,
            @Nullable String position,
            String chapterName,
            @Nullable String communeName,
            String documents) {

        public boolean studied() {
            return !documents.isEmpty();
        }
    }

    /**
     * Whether the person studied in the period comes from {@code studied_years} (any membership of the person, for
     * those with a citizen ID); the documents are read only for the rows of the page.
     */
    private static final String STUDY_STATUS = """
            with counted as (
                select m.id, m.person_id, m.full_name, m.role, m.position, m.chapter_id, m.locality_id,
                       m.studied_years & :mask <> 0
                       or (m.citizen_key is not null and exists (
                           select 1 from members p where p.person_id = m.person_id and p.studied_years & :mask <> 0)) as studied
                from members m
                where m.locality_path <@ cast(:subtree as ltree) and m.locality_path <@ cast(:scope as ltree)
                  and (cast(:chapter as bigint) is null or m.chapter_id = cast(:chapter as bigint))
                  and (m.joined_on is null or m.joined_on <= :ref) and (m.left_on is null or m.left_on > :ref)
            )
            select w.id, w.full_name, w.role, w.position, ch.name as chapter_name, c.name as commune_name,
                   case when not w.studied then '' else coalesce((
                       select string_agg(distinct d.number, ', ')
                       from members p
                       join policy_study_attendance a on a.member_id = p.id
                       join policy_studies s on s.id = a.study_id and s.held_on between :from and :to
                       join policy_study_documents sd on sd.study_id = s.id
                       join policy_documents d on d.code = sd.document_code
                       where p.person_id = w.person_id), '') end as documents
            from counted w
            join chapters ch on ch.id = w.chapter_id
            join localities l on l.id = w.locality_id
            left join localities c on c.id = case when l.level = 'VILLAGE' then l.parent_id else l.id end
            where (not :onlyNotStudied or not w.studied)
            """;

    /**
     * The members a coverage figure counts in a subtree (or one chapter), with what each studied in the period;
     * {@code onlyNotStudied} keeps those who studied nothing: the next session's invitation list.
     */
    Paged<StudyStatus> studyStatus(
            String subtree,
            String scope,
            @Nullable Long chapter,
            StudyPeriod period,
            boolean onlyNotStudied,
            PageQuery page) {
        var params = studyStatusParams(subtree, scope, chapter, period, onlyNotStudied);
        long total = jdbc.sql("""
                        select count(*) from members m
                        where m.locality_path <@ cast(:subtree as ltree) and m.locality_path <@ cast(:scope as ltree)
                          and (cast(:chapter as bigint) is null or m.chapter_id = cast(:chapter as bigint))
                          and (m.joined_on is null or m.joined_on <= :ref) and (m.left_on is null or m.left_on > :ref)
                          and (not :onlyNotStudied or not (m.studied_years & :mask <> 0
                               or (m.citizen_key is not null and exists (
                                   select 1 from members p where p.person_id = m.person_id and p.studied_years & :mask <> 0))))
                        """).params(params).query(Long.class).single();
        List<StudyStatus> items = jdbc.sql(STUDY_STATUS
                        + " order by c.name collate vi_natural, ch.name collate vi_natural, w.full_name collate vi_natural, w.id"
                        + " limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(StudyStatus.class)
                .list();
        return new Paged<>(items, total, page.page(), page.size());
    }

    void eachStudyStatus(
            String subtree,
            String scope,
            @Nullable Long chapter,
            StudyPeriod period,
            boolean onlyNotStudied,
            Consumer<StudyStatus> consumer) {
        try (var rows = jdbc
                .sql(
                        STUDY_STATUS
                                + " order by c.name collate vi_natural, ch.name collate vi_natural, w.full_name collate vi_natural, w.id")
                .params(studyStatusParams(subtree, scope, chapter, period, onlyNotStudied))
                .query(StudyStatus.class)
                .stream()) {
            rows.forEach(consumer);
        }
    }

    private static Map<String, Object> studyStatusParams(
            String subtree, String scope, @Nullable Long chapter, StudyPeriod period, boolean onlyNotStudied) {
        Map<String, Object> params = new HashMap<>();
        params.put("subtree", subtree);
        params.put("scope", scope);
        params.put("chapter", chapter);
        params.put("ref", period.reference());
        params.put("from", period.from());
        params.put("to", period.to());
        params.put("mask", period.yearMask());
        params.put("onlyNotStudied", onlyNotStudied);
        return params;
    }

    private static PolicyStudyView view(ResultSet rs, int row) throws SQLException {
        Array documents = rs.getArray("documents");
        Long chapterId = rs.getObject("chapter_id", Long.class);
        return new PolicyStudyView(
                rs.getLong("id"),
                StudyLevel.valueOf(rs.getString("level")),
                chapterId,
                rs.getString("chapter_name"),
                rs.getString("locality_code"),
                rs.getString("locality_name"),
                rs.getObject("held_on", LocalDate.class),
                rs.getString("title"),
                Arrays.asList((String[]) documents.getArray()),
                rs.getLong("attendees"),
                rs.getString("locality_path"),
                rs.getInt("version"));
    }
}
