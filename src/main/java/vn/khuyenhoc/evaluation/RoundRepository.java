package vn.khuyenhoc.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khuyenhoc.criteria.Title;
import vn.khuyenhoc.criteria.TitleLevel;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;

/**
 * Rounds in {@code rounds}. A round is visible to a user whose scope is inside its locality (the clerk of a village
 * sees the commune's round) or who holds its locality (the province sees every commune's).
 */
@Repository
class RoundRepository {

    private static final String SELECT = """
            select r.id, r.title, r.level, r.year, l.code as locality_code, l.name as locality_name,
                   r.locality_path::text as locality_path, r.criteria_set_id,
                   cs.legal_basis || ' (lần ' || cs.edition || ')' as criteria_set_label, r.authority,
                   r.registration_due, r.self_assessment_due, r.review_due, r.decision_due, r.version
            from rounds r
            join localities l on l.id = r.locality_id
            join criteria_sets cs on cs.id = r.criteria_set_id
            """;

    private static final String VISIBLE =
            " (r.locality_path <@ cast(:scope as ltree) or r.locality_path @> cast(:scope as ltree)) ";

    private final JdbcClient jdbc;

    RoundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Round> find(long id, String scopePath) {
        return jdbc.sql(SELECT + " where r.id = :id and" + VISIBLE)
                .param("id", id)
                .param("scope", scopePath)
                .query(RoundRepository::map)
                .optional();
    }

    /** Rounds visible to the scope, newest year first, then by title and locality. */
    Paged<Round> search(
            @Nullable Title title, @Nullable Integer year, String within, String scopePath, PageQuery page) {
        String where = " where" + VISIBLE
                + " and (r.locality_path <@ cast(:within as ltree) or r.locality_path @> cast(:within as ltree))"
                + " and (cast(:title as text) is null or r.title = :title)"
                + " and (cast(:year as int) is null or r.year = :year)";
        long total = jdbc.sql("select count(*) from rounds r" + where)
                .param("scope", scopePath)
                .param("within", within)
                .param("title", title == null ? null : title.name())
                .param("year", year)
                .query(Long.class)
                .single();
        List<Round> items = jdbc.sql(
                        SELECT + where
                                + " order by r.year desc, r.title, r.level, l.name collate vi_natural limit :limit offset :offset")
                .param("scope", scopePath)
                .param("within", within)
                .param("title", title == null ? null : title.name())
                .param("year", year)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(RoundRepository::map)
                .list();
        return new Paged<>(items, total, page.page(), page.size());
    }

    Optional<Long> existing(Title title, TitleLevel level, int year, long localityId) {
        return jdbc.sql(
                        "select id from rounds where title = :title and level = :level and year = :year and locality_id = :locality")
                .param("title", title.name())
                .param("level", level.name())
                .param("year", year)
                .param("locality", localityId)
                .query(Long.class)
                .optional();
    }

    long insert(
            Title title,
            TitleLevel level,
            int year,
            long localityId,
            long criteriaSetId,
            Authority authority,
            Round.Schedule schedule) {
        return jdbc.sql("""
                        insert into rounds (title, level, year, locality_id, criteria_set_id, authority,
                                            registration_due, self_assessment_due, review_due, decision_due)
                        values (:title, :level, :year, :locality, :set, :authority, :registration, :self, :review, :decision)
                        returning id
                        """)
                .param("title", title.name())
                .param("level", level.name())
                .param("year", year)
                .param("locality", localityId)
                .param("set", criteriaSetId)
                .param("authority", authority.name())
                .param("registration", schedule.registration())
                .param("self", schedule.selfAssessment())
                .param("review", schedule.review())
                .param("decision", schedule.decision())
                .query(Long.class)
                .single();
    }

    void reschedule(long id, Round.Schedule schedule, int expectedVersion) {
        int updated = jdbc.sql("""
                        update rounds set registration_due = :registration, self_assessment_due = :self,
                               review_due = :review, decision_due = :decision, version = version + 1, updated_at = now()
                        where id = :id and version = :version
                        """)
                .param("id", id)
                .param("version", expectedVersion)
                .param("registration", schedule.registration())
                .param("self", schedule.selfAssessment())
                .param("review", schedule.review())
                .param("decision", schedule.decision())
                .update();
        if (updated == 0) {
            throw new ConflictException("Đợt đánh giá vừa được người khác thay đổi. Hãy tải lại trang.");
        }
    }

    /** The recognising authority of a title and level in a year: the latest row from that year back. */
    Authority authority(Title title, TitleLevel level, int year) {
        return jdbc.sql("""
                        select authority from recognising_authorities
                        where title = :title and level = :level and from_year <= :year
                        order by from_year desc limit 1
                        """)
                .param("title", title.name())
                .param("level", level.name())
                .param("year", year)
                .query(String.class)
                .optional()
                .map(Authority::valueOf)
                .orElse(
                        level == TitleLevel.PROVINCE_MANAGED || level == TitleLevel.COMMUNE
                                ? Authority.PROVINCE_CHAIR
                                : Authority.COMMUNE_CHAIR);
    }

    /** A row of the recognising authorities: from {@code fromYear} on, {@code authority} recognises the title. */
    record AuthorityRow(Title title, TitleLevel level, int fromYear, Authority authority) {}

    List<AuthorityRow> authorities() {
        return jdbc.sql(
                        "select title, level, from_year, authority from recognising_authorities order by title, level, from_year")
                .query((rs, n) -> new AuthorityRow(
                        Title.valueOf(rs.getString(1)),
                        TitleLevel.valueOf(rs.getString(2)),
                        rs.getInt(3),
                        Authority.valueOf(rs.getString(4))))
                .list();
    }

    /** Sets who recognises a title and level from a year on (replacing that year's row if there is one). */
    void setAuthority(AuthorityRow row) {
        jdbc.sql("""
                        insert into recognising_authorities (title, level, from_year, authority)
                        values (:title, :level, :year, :authority)
                        on conflict (title, level, from_year) do update set authority = excluded.authority
                        """)
                .param("title", row.title().name())
                .param("level", row.level().name())
                .param("year", row.fromYear())
                .param("authority", row.authority().name())
                .update();
    }

    private static Round map(ResultSet rs, int row) throws SQLException {
        return new Round(
                rs.getLong("id"),
                Title.valueOf(rs.getString("title")),
                TitleLevel.valueOf(rs.getString("level")),
                rs.getInt("year"),
                rs.getString("locality_code"),
                rs.getString("locality_name"),
                rs.getString("locality_path"),
                rs.getLong("criteria_set_id"),
                rs.getString("criteria_set_label"),
                Authority.valueOf(rs.getString("authority")),
                new Round.Schedule(
                        rs.getObject("registration_due", LocalDate.class),
                        rs.getObject("self_assessment_due", LocalDate.class),
                        rs.getObject("review_due", LocalDate.class),
                        rs.getObject("decision_due", LocalDate.class)),
                rs.getInt("version"));
    }
}
