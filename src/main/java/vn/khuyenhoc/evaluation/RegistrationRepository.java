package vn.khuyenhoc.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyenhoc.criteria.Outcome;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.RegistryFilter;

/** Registrations, their assessments and evidence; every read is filtered by the user's scope. */
@Repository
class RegistrationRepository {

    private static final String SELECT = """
            select g.id, g.round_id, g.subject_id, g.subject_name, l.name as locality_name,
                   g.locality_path::text as locality_path, g.stage, g.result, g.return_comment, g.people,
                   g.learning_citizens, g.late, g.version
            from registrations g join localities l on l.id = g.locality_id
            """;

    /** An assessment as recorded: the scores by item code, the total, the result, the comment, who and when. */
    record Assessment(
            AssessmentStage stage,
            Map<String, Object> scores,
            @Nullable Integer total,
            Outcome result,
            @Nullable String comment,
            String assessedBy,
            java.time.OffsetDateTime assessedAt) {}

    /** An evidence file without its content. */
    record EvidenceFile(
            long id, String itemCode, String fileName, String contentType, int sizeBytes, String uploadedBy) {}

    /** A file to download. */
    record EvidenceContent(String fileName, String contentType, byte[] content) {}

    /** Filters of a round's registration list. */
    record Filter(
            @Nullable Stage stage,
            @Nullable String q,
            @Nullable String withinPath,
            boolean overdueOnly) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RegistrationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Registration> find(long id, String scopePath) {
        return jdbc.sql(SELECT + " where g.id = :id and g.locality_path <@ cast(:scope as ltree)")
                .param("id", id)
                .param("scope", scopePath)
                .query(RegistrationRepository::map)
                .optional();
    }

    List<Registration> findAll(long roundId, List<Long> ids, String scopePath) {
        return jdbc.sql(SELECT + """
                         where g.round_id = :round and g.id = any(:ids) and g.locality_path <@ cast(:scope as ltree)
                         order by l.name collate vi_natural, g.subject_name collate vi_natural, g.id
                         """)
                .param("round", roundId)
                .param("ids", ids.toArray(Long[]::new))
                .param("scope", scopePath)
                .query(RegistrationRepository::map)
                .list();
    }

    /**
     * The registrations of a round in the scope, filtered; {@code overdueOnly} keeps those whose next step's deadline
     * has passed.
     */
    Paged<Registration> search(
            Round round, Filter filter, String scopePath, java.time.LocalDate today, PageQuery page) {
        RegistryFilter where = where(round, filter, scopePath, today);
        long total = jdbc.sql("select count(*) from registrations g" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        List<Registration> items = jdbc.sql(SELECT + where.sql() + ORDER + " limit :limit offset :offset")
                .params(where.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(RegistrationRepository::map)
                .list();
        return new Paged<>(items, total, page.page(), page.size());
    }

    /** The same registrations as {@link #search}, all of them, streamed (an export of a province's round). */
    void each(
            Round round, Filter filter, String scopePath, java.time.LocalDate today, Consumer<Registration> consumer) {
        RegistryFilter where = where(round, filter, scopePath, today);
        try (Stream<Registration> rows =
                jdbc
                        .sql(SELECT + where.sql() + ORDER)
                        .params(where.params())
                        .query(RegistrationRepository::map)
                        .stream()) {
            rows.forEach(consumer);
        }
    }

    private static final String ORDER = " order by l.name collate vi_natural, g.subject_name collate vi_natural, g.id";

    private static RegistryFilter where(Round round, Filter filter, String scopePath, java.time.LocalDate today) {
        RegistryFilter where = RegistryFilter.within(
                        "g", scopePath, filter.withinPath() == null ? scopePath : filter.withinPath())
                .and("g.round_id = :round", "round", round.id())
                .and(
                        "g.stage = :stage",
                        "stage",
                        filter.stage() == null ? null : filter.stage().name())
                .contains("search_key(g.subject_name)", filter.q());
        if (filter.overdueOnly()) {
            where.and(
                    "g.stage = any(:overdueStages)",
                    "overdueStages",
                    Funnel.overdueStages(round, today).stream().map(Enum::name).toArray(String[]::new));
        }
        return where;
    }

    /**
     * Registers the subjects in one statement (a village's 400 households at once) and answers the new ids with their
     * subjects. A household's adults are its people for the Công dân học tập rate.
     */
    Map<Long, Long> insertAll(Round round, List<Subjects.Subject> subjects, boolean late, String by) {
        Map<Long, Long> ids = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        insert into registrations (round_id, title, year, subject_id, subject_name, locality_id, stage,
                                                   people, late, registered_by)
                        select :round, :title, :year, s.id, s.name, s.locality_id, 'REGISTERED',
                               (select f.adults from families f where f.id = s.id and :households), :late, :by
                        from unnest(cast(:ids as bigint[]), cast(:names as text[]), cast(:localities as bigint[]))
                             as s (id, name, locality_id)
                        returning id, subject_id
                        """)
                .param("round", round.id())
                .param("title", round.title().name())
                .param("year", round.year())
                .param("households", round.level() == vn.khuyenhoc.criteria.TitleLevel.HOUSEHOLD)
                .param("late", late)
                .param("by", by)
                .param("ids", subjects.stream().map(Subjects.Subject::id).toArray(Long[]::new))
                .param("names", subjects.stream().map(Subjects.Subject::name).toArray(String[]::new))
                .param(
                        "localities",
                        subjects.stream().map(Subjects.Subject::localityId).toArray(Long[]::new))
                .query((rs, n) -> ids.put(rs.getLong("subject_id"), rs.getLong("id")))
                .list();
        return ids;
    }

    /** Subjects among {@code subjectIds} recognised for the round's title still valid in its year: id → valid until. */
    Map<Long, java.time.LocalDate> stillRecognised(Round round, java.util.Collection<Long> subjectIds) {
        Map<Long, java.time.LocalDate> found = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        select g.subject_id, c.valid_until from registrations g
                        join certificates c on c.registration_id = g.id
                        where g.title = :title and g.subject_id = any(:ids) and g.stage = 'RECOGNISED'
                          and g.year < :year and c.valid_until >= make_date(:year, 1, 1)
                        """)
                .param("title", round.title().name())
                .param("ids", subjectIds.toArray(Long[]::new))
                .param("year", round.year())
                .query((rs, n) -> found.put(rs.getLong(1), rs.getObject(2, java.time.LocalDate.class)))
                .list();
        return found;
    }

    /** Saves the stage, result and counts if nobody changed the registration since it was read. */
    void update(Registration registration) {
        int updated = jdbc.sql("""
                        update registrations set stage = :stage, result = :result, return_comment = :comment,
                               people = :people, learning_citizens = :learningCitizens, version = version + 1,
                               updated_at = now()
                        where id = :id and version = :version
                        """)
                .param("id", registration.id())
                .param("version", registration.version())
                .param("stage", registration.stage().name())
                .param(
                        "result",
                        registration.result() == null
                                ? null
                                : registration.result().name())
                .param("comment", registration.returnComment())
                .param("people", registration.people())
                .param("learningCitizens", registration.learningCitizens())
                .update();
        if (updated == 0) {
            throw new ConflictException("Hồ sơ của " + registration.subjectName()
                    + " vừa được người khác thay đổi. Hãy tải lại trang để xem bản mới.");
        }
    }

    void delete(long id) {
        jdbc.sql("delete from registrations where id = :id").param("id", id).update();
    }

    void saveAssessment(long registrationId, AssessmentStage stage, Assessment assessment) {
        jdbc.sql("""
                        insert into assessments (registration_id, stage, scores, total, result, comment, assessed_by)
                        values (:id, :stage, cast(:scores as jsonb), :total, :result, :comment, :by)
                        on conflict (registration_id, stage) do update
                            set scores = excluded.scores, total = excluded.total, result = excluded.result,
                                comment = excluded.comment, assessed_by = excluded.assessed_by, assessed_at = now()
                        """)
                .param("id", registrationId)
                .param("stage", stage.name())
                .param("scores", json.writeValueAsString(assessment.scores()))
                .param("total", assessment.total())
                .param("result", assessment.result().name())
                .param("comment", assessment.comment())
                .param("by", assessment.assessedBy())
                .update();
    }

    List<Assessment> assessments(long registrationId) {
        return jdbc.sql("""
                        select stage, scores, total, result, comment, assessed_by, assessed_at from assessments
                        where registration_id = :id order by case stage when 'SELF' then 1 when 'REVIEW' then 2 else 3 end
                        """)
                .param("id", registrationId)
                .query((rs, n) -> new Assessment(
                        AssessmentStage.valueOf(rs.getString("stage")),
                        json.readValue(rs.getString("scores"), new TypeReference<Map<String, Object>>() {}),
                        rs.getObject("total", Integer.class),
                        Outcome.valueOf(rs.getString("result")),
                        rs.getString("comment"),
                        rs.getString("assessed_by"),
                        rs.getObject("assessed_at", java.time.OffsetDateTime.class)))
                .list();
    }

    long addEvidence(
            long registrationId, String itemCode, String fileName, String contentType, byte[] content, String by) {
        return jdbc.sql("""
                        insert into evidence_files (registration_id, item_code, file_name, content_type, size_bytes, content, uploaded_by)
                        values (:id, :item, :name, :type, :size, :content, :by) returning id
                        """)
                .param("id", registrationId)
                .param("item", itemCode)
                .param("name", fileName)
                .param("type", contentType)
                .param("size", content.length)
                .param("content", content)
                .param("by", by)
                .query(Long.class)
                .single();
    }

    List<EvidenceFile> evidence(long registrationId) {
        return jdbc.sql("""
                        select id, item_code, file_name, content_type, size_bytes, uploaded_by from evidence_files
                        where registration_id = :id order by item_code, id
                        """)
                .param("id", registrationId)
                .query(EvidenceFile.class)
                .list();
    }

    Optional<EvidenceContent> evidenceContent(long registrationId, long fileId) {
        return jdbc.sql(
                        "select file_name, content_type, content from evidence_files where id = :file and registration_id = :id")
                .param("id", registrationId)
                .param("file", fileId)
                .query(EvidenceContent.class)
                .optional();
    }

    int deleteEvidence(long registrationId, long fileId) {
        return jdbc.sql("delete from evidence_files where id = :file and registration_id = :id")
                .param("id", registrationId)
                .param("file", fileId)
                .update();
    }

    private static Registration map(ResultSet rs, int row) throws SQLException {
        String result = rs.getString("result");
        return new Registration(
                rs.getLong("id"),
                rs.getLong("round_id"),
                rs.getLong("subject_id"),
                rs.getString("subject_name"),
                rs.getString("locality_name"),
                rs.getString("locality_path"),
                Stage.valueOf(rs.getString("stage")),
                result == null ? null : Outcome.valueOf(result),
                rs.getString("return_comment"),
                rs.getObject("people", Integer.class),
                rs.getObject("learning_citizens", Integer.class),
                rs.getBoolean("late"),
                rs.getInt("version"));
    }
}
