package vn.khuyenhoc.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khuyenhoc.criteria.Outcome;
import vn.khuyenhoc.shared.ConflictException;

/** Decisions and certificates; decisions are read through their round, certificates also by code for verification. */
@Repository
class DecisionRepository {

    private static final String CERTIFICATES = """
            select c.code, c.registration_id, g.subject_name, l.name as locality_name, c.result, c.valid_until,
                   c.revoked_on, c.revoked_reason
            from certificates c join registrations g on g.id = c.registration_id join localities l on l.id = g.locality_id
            """;

    /** What the public verification page shows, and nothing more. */
    record Verification(
            String code,
            String title,
            int year,
            String subjectName,
            String localityName,
            @Nullable String communeName,
            String decisionNumber,
            LocalDate decidedOn,
            String issuingBody,
            Outcome result,
            LocalDate validUntil,
            @Nullable LocalDate revokedOn) {}

    private final JdbcClient jdbc;

    DecisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            long roundId,
            String number,
            LocalDate decidedOn,
            String signer,
            String signerTitle,
            String issuingBody,
            String place,
            String by) {
        return jdbc.sql("""
                        insert into decisions (round_id, number, decided_on, signer, signer_title, issuing_body, place, created_by)
                        values (:round, :number, :date, :signer, :signerTitle, :body, :place, :by) returning id
                        """)
                .param("round", roundId)
                .param("number", number)
                .param("date", decidedOn)
                .param("signer", signer)
                .param("signerTitle", signerTitle)
                .param("body", issuingBody)
                .param("place", place)
                .param("by", by)
                .query(Long.class)
                .single();
    }

    /** Whether the issuing body used the number already that year (numbers run per body and year). */
    boolean numberTaken(String issuingBody, int year, String number) {
        return jdbc.sql("""
                        select exists (select 1 from decisions where issuing_body = :body and number = :number
                                       and decided_on >= make_date(:year, 1, 1) and decided_on < make_date(:year + 1, 1, 1))
                        """)
                .param("body", issuingBody)
                .param("year", year)
                .param("number", number)
                .query(Boolean.class)
                .single();
    }

    /**
     * Saves the registrations as recognised ({@link Registration#recognised()}) and gives each a certificate, in two
     * statements. A registration changed by someone since it was read stops the whole decision: no certificate is
     * issued without its stage change.
     */
    void recognise(long decisionId, List<Registration> recognised, List<String> codes, LocalDate validUntil) {
        Long[] ids = recognised.stream().map(Registration::id).toArray(Long[]::new);
        int updated = jdbc.sql("""
                        update registrations g set stage = v.stage, version = g.version + 1, updated_at = now(),
                               recognised_on = (select d.decided_on from decisions d where d.id = :decision)
                        from unnest(cast(:ids as bigint[]), cast(:versions as int[]), cast(:stages as text[]))
                             as v (id, version, stage)
                        where g.id = v.id and g.version = v.version
                        """)
                .param("ids", ids)
                .param(
                        "versions",
                        recognised.stream().map(Registration::version).toArray(Integer[]::new))
                .param("stages", recognised.stream().map(r -> r.stage().name()).toArray(String[]::new))
                .param("decision", decisionId)
                .update();
        if (updated != recognised.size()) {
            throw new ConflictException("Có hồ sơ vừa được người khác thay đổi trong lúc ghi quyết định" + " ("
                    + (recognised.size() - updated) + " hồ sơ). Chưa lưu gì; hãy tải lại danh sách và ghi lại.");
        }
        jdbc.sql("""
                        insert into certificates (code, registration_id, decision_id, result, valid_until)
                        select c.code, c.registration_id, :decision, g.result, :validUntil
                        from unnest(cast(:codes as text[]), cast(:ids as bigint[])) as c (code, registration_id)
                        join registrations g on g.id = c.registration_id
                        """)
                .param("decision", decisionId)
                .param("validUntil", validUntil)
                .param("codes", codes.toArray(String[]::new))
                .param("ids", ids)
                .update();
    }

    Optional<Decision> find(long id) {
        return header(id)
                .map(d -> new Decision(
                        d.id(),
                        d.roundId(),
                        d.number(),
                        d.decidedOn(),
                        d.signer(),
                        d.signerTitle(),
                        d.issuingBody(),
                        d.place(),
                        d.createdBy(),
                        certificates(d.id())));
    }

    /** A decision without its certificates (to print one of them). */
    Optional<Decision> header(long id) {
        return jdbc.sql("""
                        select id, round_id, number, decided_on, signer, signer_title, issuing_body, place, created_by
                        from decisions where id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> decision(rs, List.of()))
                .optional();
    }

    List<Decision> ofRound(long roundId) {
        return jdbc.sql("""
                        select id, round_id, number, decided_on, signer, signer_title, issuing_body, place, created_by
                        from decisions where round_id = :round order by decided_on, id
                        """)
                .param("round", roundId)
                .query((rs, n) -> decision(rs, List.of()))
                .list();
    }

    List<Decision.Certificate> certificates(long decisionId) {
        return certificates(decisionId, "");
    }

    /** The certificates of a decision whose subjects lie in {@code scopePath} (all when empty). */
    List<Decision.Certificate> certificates(long decisionId, String scopePath) {
        return jdbc.sql(CERTIFICATES + """
                         where c.decision_id = :decision and g.locality_path <@ cast(:scope as ltree)
                         order by l.name collate vi_natural, g.subject_name collate vi_natural, c.code
                         """)
                .param("decision", decisionId)
                .param("scope", scopePath)
                .query(DecisionRepository::certificate)
                .list();
    }

    /** A certificate with its decision's id and the path of its subject, for the scope check. */
    record Located(Decision.Certificate certificate, long decisionId, long roundId, String localityPath) {}

    Optional<Located> certificate(String code) {
        return jdbc.sql(CERTIFICATES
                                .replace(
                                        "select c.code,",
                                        "select c.decision_id, d.round_id, g.locality_path::text as path, c.code,")
                                .replace(
                                        "from certificates c",
                                        "from certificates c join decisions d on d.id = c.decision_id")
                        + " where c.code = :code")
                .param("code", code)
                .query((rs, n) -> new Located(
                        certificate(rs, n), rs.getLong("decision_id"), rs.getLong("round_id"), rs.getString("path")))
                .optional();
    }

    /** Marks a certificate revoked, unless someone revoked it a moment earlier. */
    void revoke(String code, LocalDate on, String reason, String by) {
        int updated = jdbc.sql("""
                        update certificates set revoked_on = :on, revoked_reason = :reason, revoked_by = :by
                        where code = :code and revoked_on is null
                        """)
                .param("code", code)
                .param("on", on)
                .param("reason", reason)
                .param("by", by)
                .update();
        if (updated != 1) {
            throw new ConflictException("Giấy chứng nhận " + code + " vừa bị thu hồi.");
        }
        // the recognition stops counting from this day on (figures as of an earlier day still count it)
        jdbc.sql("""
                        update registrations set revoked_on = :on
                        where id = (select registration_id from certificates where code = :code)
                        """).param("code", code).param("on", on).update();
    }

    Optional<Verification> verification(String code) {
        return jdbc.sql("""
                        select c.code, g.title, g.year, g.subject_name, l.name as locality_name,
                               case when nlevel(l.path) >= 3 then (select m.name from localities m where m.path = subpath(l.path, 0, 2)) end as commune_name,
                               d.number as decision_number, d.decided_on, d.issuing_body, c.result, c.valid_until, c.revoked_on
                        from certificates c
                        join registrations g on g.id = c.registration_id
                        join localities l on l.id = g.locality_id
                        join decisions d on d.id = c.decision_id
                        where c.code = :code
                        """).param("code", code).query(Verification.class).optional();
    }

    /** The name of the province a path lies in. */
    String provinceName(String path) {
        return jdbc.sql("select name from localities where path = subpath(cast(:path as ltree), 0, 1)")
                .param("path", path)
                .query(String.class)
                .single();
    }

    private static Decision decision(ResultSet rs, List<Decision.Certificate> certificates) throws SQLException {
        return new Decision(
                rs.getLong("id"),
                rs.getLong("round_id"),
                rs.getString("number"),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("signer"),
                rs.getString("signer_title"),
                rs.getString("issuing_body"),
                rs.getString("place"),
                rs.getString("created_by"),
                certificates);
    }

    private static Decision.Certificate certificate(ResultSet rs, int row) throws SQLException {
        return new Decision.Certificate(
                rs.getString("code"),
                rs.getLong("registration_id"),
                rs.getString("subject_name"),
                rs.getString("locality_name"),
                Outcome.valueOf(rs.getString("result")),
                rs.getObject("valid_until", LocalDate.class),
                rs.getObject("revoked_on", LocalDate.class),
                rs.getString("revoked_reason"));
    }
}
