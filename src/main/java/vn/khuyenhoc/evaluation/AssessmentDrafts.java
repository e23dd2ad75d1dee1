package vn.khuyenhoc.evaluation;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyenhoc.criteria.CriteriaService;
import vn.khuyenhoc.criteria.CriteriaSet;
import vn.khuyenhoc.criteria.Outcome;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * Self-assessments being typed, one per registration and person, kept on the server as they are typed so that an
 * upload, a reload or a lost signal loses nothing. A draft is not the record: saving it is not audited and changes
 * nothing of the registration; the submission ({@link RegistrationService#submitSelfAssessment}) is, and deletes it.
 * Each answer carries the running total and the result the criteria set's own rule gives, so that the person sees
 * both before submitting.
 */
@Service
class AssessmentDrafts {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** A draft as typed; {@code basedOnVersion} is the registration's version the person started from. */
    record DraftForm(
            @Nullable Map<String, Object> scores,
            @Nullable String comment,
            @Nullable Integer people,
            @Nullable Integer learningCitizens,
            @Nullable Integer basedOnVersion) {}

    /**
     * What the rule makes of the scores so far: the points entered and the most there are, the items not yet scored,
     * the problems of the values entered, and the result (null until every item is scored) with the reasons it fails.
     */
    record Preview(
            @Nullable Integer total,
            int maxTotal,
            List<String> missing,
            List<FieldProblem> problems,
            @Nullable Outcome result,
            @Nullable String resultLabel,
            List<String> reasons) {}

    /**
     * A draft and its preview; {@code stale} when the registration changed after the draft was started (its submission
     * would be refused), {@code savedAt} the time of the last save in Vietnam's time ("HH:mm"), null before any.
     */
    record DraftView(
            long registrationId,
            Map<String, Object> scores,
            @Nullable String comment,
            @Nullable Integer people,
            @Nullable Integer learningCitizens,
            int basedOnVersion,
            int currentVersion,
            boolean stale,
            @Nullable OffsetDateTime updatedAt,
            @Nullable String savedAt,
            Preview preview) {}

    private record Stored(
            Map<String, Object> scores,
            @Nullable String comment,
            @Nullable Integer people,
            @Nullable Integer learningCitizens,
            int basedOnVersion,
            @Nullable OffsetDateTime updatedAt) {}

    private final RegistrationRepository registrations;
    private final RoundService rounds;
    private final CriteriaService criteria;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    AssessmentDrafts(
            RegistrationRepository registrations,
            RoundService rounds,
            CriteriaService criteria,
            JdbcClient jdbc,
            JsonMapper json) {
        this.registrations = registrations;
        this.rounds = rounds;
        this.criteria = criteria;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The user's draft of the registration, or an empty one based on the registration as it is now. */
    @Transactional(readOnly = true)
    DraftView get(long id, SignedInUser user) {
        Registration registration = registration(id, user);
        CriteriaSet set = set(registration, user);
        return stored(id, user.getUsername())
                .map(s -> view(registration, set, s))
                .orElseGet(() -> view(
                        registration,
                        set,
                        new Stored(Map.of(), null, registration.people(), registration.learningCitizens(), -1, null)));
    }

    /** The user's draft if one is kept. */
    @Transactional(readOnly = true)
    Optional<DraftView> find(long id, SignedInUser user) {
        Registration registration = registration(id, user);
        return stored(id, user.getUsername()).map(s -> view(registration, set(registration, user), s));
    }

    /**
     * Keeps what the user typed. Only a writer, only in scope (else 404), and only while the self-assessment may still
     * be made or fixed; values out of range are kept as typed (the preview names them), codes the set does not have
     * are refused.
     */
    @Transactional
    DraftView save(long id, DraftForm form, SignedInUser user) {
        user.requireWriter();
        Registration registration = registration(id, user);
        requireOpen(registration);
        Round round = rounds.get(registration.roundId(), user);
        round.checkDeadline(round.due(AssessmentStage.SELF), java.time.LocalDate.now(), user, "tự đánh giá");
        CriteriaSet set = criteria.get(round.criteriaSetId());
        Map<String, Object> scores = new LinkedHashMap<>();
        List<String> known = set.items().stream().map(CriteriaSet.Item::code).toList();
        List<FieldProblem> unknown = new ArrayList<>();
        (form.scores() == null ? Map.<String, Object>of() : form.scores()).forEach((code, value) -> {
            if (!known.contains(code)) {
                unknown.add(new FieldProblem("scores." + code, "Bộ tiêu chí không có mục “" + code + "”."));
            } else if (value != null && !(value instanceof String s && s.isBlank())) {
                scores.put(code, value instanceof String s ? VietnameseText.clean(s) : value);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
        String comment = VietnameseText.clean(form.comment());
        if (comment != null && comment.length() > 2000) {
            throw new InvalidInputException("comment", "Nhận xét dài quá 2.000 ký tự.");
        }
        Integer people = count(form.people(), "people");
        Integer citizens = count(form.learningCitizens(), "learningCitizens");
        int basedOn = form.basedOnVersion() == null ? registration.version() : form.basedOnVersion();
        // the row is held until this save commits, so that a submission running at the same moment either comes first
        // (and a new draft on the old version is refused here) or waits and then deletes this draft
        int current = jdbc.sql("select version from registrations where id = :id for share")
                .param("id", id)
                .query(Integer.class)
                .single();
        if (basedOn != current && stored(id, user.getUsername()).isEmpty()) {
            throw new ConflictException("Hồ sơ của " + registration.subjectName()
                    + " vừa được gửi hoặc thay đổi. Hãy tải lại trang để nhập trên bản mới.");
        }
        jdbc.sql("""
                        insert into assessment_drafts
                            (registration_id, username, scores, comment, people, learning_citizens, based_on_version)
                        values (:id, :username, cast(:scores as jsonb), :comment, :people, :citizens, :basedOn)
                        on conflict (registration_id, username) do update set
                            scores = excluded.scores, comment = excluded.comment, people = excluded.people,
                            learning_citizens = excluded.learning_citizens,
                            based_on_version = excluded.based_on_version, updated_at = now()
                        """)
                .param("id", id)
                .param("username", user.getUsername())
                .param("scores", json.writeValueAsString(scores))
                .param("comment", comment)
                .param("people", people)
                .param("citizens", citizens)
                .param("basedOn", basedOn)
                .update();
        return view(registration, set, stored(id, user.getUsername()).orElseThrow());
    }

    /**
     * Drops the person's draft: their self-assessment was submitted. Another person's draft of the same registration is
     * kept (it is their typed work) and is now stale: its submission would be refused until they rebase it.
     */
    void delete(long registrationId, String username) {
        jdbc.sql("delete from assessment_drafts where registration_id = :id and username = :username")
                .param("id", registrationId)
                .param("username", username)
                .update();
    }

    /** The running total and the result of the criteria set's rule for the scores entered so far. */
    static Preview preview(CriteriaSet set, Map<String, ?> scores) {
        int total = 0;
        List<String> missing = new ArrayList<>();
        for (CriteriaSet.Item item : set.items()) {
            Object value = scores.get(item.code());
            if (value == null || (value instanceof String s && s.isBlank())) {
                missing.add(item.code());
            } else if (item.kind() == CriteriaSet.ItemKind.POINTS) {
                Integer points = points(value);
                if (points != null && points >= 0 && item.maxPoints() != null && points <= item.maxPoints()) {
                    total += points;
                }
            }
        }
        try {
            CriteriaSet.Scoring scoring = set.score(scores);
            return new Preview(
                    scoring.total(),
                    set.maxTotal(),
                    List.of(),
                    List.of(),
                    scoring.result(),
                    scoring.result().label(),
                    scoring.reasons());
        } catch (InvalidInputException e) {
            List<FieldProblem> wrong = e.problems().stream()
                    .filter(p -> !missing.contains(p.field().substring("scores.".length())))
                    .toList();
            return new Preview(set.hasPoints() ? total : null, set.maxTotal(), missing, wrong, null, null, List.of());
        }
    }

    private static @Nullable Integer points(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue() == Math.rint(n.doubleValue()) ? n.intValue() : null;
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void requireOpen(Registration registration) {
        if (registration.stage() != Stage.REGISTERED
                && registration.stage() != Stage.RETURNED
                && registration.stage() != Stage.SELF_ASSESSED) {
            throw new ConflictException(registration.subjectName() + " đang ở bước “"
                    + registration.stage().label() + "”: không còn tự đánh giá được nên không lưu nháp.");
        }
    }

    private static @Nullable Integer count(@Nullable Integer value, String field) {
        if (value != null && (value < 0 || value > 100_000)) {
            throw new InvalidInputException(field, "Số người phải từ 0 đến 100.000.");
        }
        return value;
    }

    private Registration registration(long id, SignedInUser user) {
        return registrations
                .find(id, user.scopePath())
                .orElseThrow(() -> new NotFoundException("Không tìm thấy hồ sơ đăng ký số " + id + "."));
    }

    private CriteriaSet set(Registration registration, SignedInUser user) {
        return criteria.get(rounds.get(registration.roundId(), user).criteriaSetId());
    }

    private Optional<Stored> stored(long id, String username) {
        return jdbc.sql("""
                        select scores, comment, people, learning_citizens, based_on_version, updated_at
                        from assessment_drafts where registration_id = :id and username = :username
                        """)
                .param("id", id)
                .param("username", username)
                .query((rs, n) -> new Stored(
                        json.readValue(rs.getString("scores"), new TypeReference<Map<String, Object>>() {}),
                        rs.getString("comment"),
                        (Integer) rs.getObject("people"),
                        (Integer) rs.getObject("learning_citizens"),
                        rs.getInt("based_on_version"),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
    }

    private static DraftView view(Registration registration, CriteriaSet set, Stored s) {
        boolean saved = s.basedOnVersion() >= 0;
        int basedOn = saved ? s.basedOnVersion() : registration.version();
        return new DraftView(
                registration.id(),
                s.scores(),
                s.comment(),
                s.people(),
                s.learningCitizens(),
                basedOn,
                registration.version(),
                basedOn != registration.version(),
                s.updatedAt(),
                s.updatedAt() == null
                        ? null
                        : s.updatedAt().atZoneSameInstant(VIETNAM).format(TIME),
                preview(set, s.scores()));
    }
}
