package vn.khuyenhoc.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.Task;
import vn.khuyenhoc.shared.TaskSource;

/**
 * The recognition cycle's share of the to-do home, per role, in this year's rounds (and last year's whose decision
 * deadline has not passed): a clerk's households not yet registered, self-assessments to do and files returned for
 * revision; an officer's reviews and appraisals waiting; the decision office's decisions to issue. Each count links to
 * the round's registration list filtered by the stage (or the round list when several rounds hold it).
 */
@Component
@Order(1)
class EvaluationTasks implements TaskSource {

    /** Rounds of the year, and those of last year still running (communes' rounds are decided the year after). */
    private static final String OPEN_ROUND = "(r.year = :year or r.decision_due >= :today)";

    /** The steps waiting, by the stage a registration is in: the task's kind and words, and its deadline column. */
    private enum Step {
        SELF_ASSESS(Stage.REGISTERED, "self-assessment", "tự đánh giá cần làm", "r.self_assessment_due"),
        FIX(Stage.RETURNED, "returned", "hồ sơ bị trả lại cần bổ sung", "r.self_assessment_due"),
        REVIEW(Stage.SELF_ASSESSED, "review", "hồ sơ chờ bình xét", "r.review_due"),
        APPRAISE(Stage.REVIEWED, "appraisal", "hồ sơ chờ thẩm định", "r.decision_due"),
        DECIDE(Stage.APPRAISED, "decision", "hồ sơ đã thẩm định đạt chờ quyết định công nhận", "r.decision_due");

        final Stage stage;
        final String kind;
        final String label;
        final String due;

        Step(Stage stage, String kind, String label, String due) {
            this.stage = stage;
            this.kind = kind;
            this.label = label;
            this.due = due;
        }

        /** Appraisal and decision are for those who hold the whole round; the earlier steps for anyone in scope. */
        boolean needsRoundHeld() {
            return this == APPRAISE || this == DECIDE;
        }
    }

    private record Count(
            String stage,
            long count,
            long rounds,
            @Nullable Long roundId,
            @Nullable LocalDate dueOn,
            long overdue) {}

    private final JdbcClient jdbc;

    EvaluationTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Set<Step> stepsOf(Role role) {
        return switch (role) {
            case DATA_CLERK -> EnumSet.of(Step.SELF_ASSESS, Step.FIX);
            case COMMUNE_OFFICER -> EnumSet.of(Step.REVIEW, Step.APPRAISE);
            case PROVINCE_ADMIN -> EnumSet.of(Step.REVIEW, Step.APPRAISE, Step.DECIDE);
            case DECISION_OFFICE -> EnumSet.of(Step.DECIDE);
            case VIEWER -> EnumSet.noneOf(Step.class);
        };
    }

    @Override
    @Transactional(readOnly = true)
    public List<Task> tasks(SignedInUser user, LocalDate today) {
        Set<Step> steps = stepsOf(user.role());
        List<Task> tasks = new ArrayList<>();
        if (user.role() == Role.DATA_CLERK) {
            unregistered(user, today).ifPresent(tasks::add);
        }
        if (steps.isEmpty()) {
            return tasks;
        }
        Map<String, Count> counts =
                waiting(steps, user, today).stream().collect(Collectors.toMap(Count::stage, Function.identity()));
        for (Step step : steps) {
            Count c = counts.get(step.stage.name());
            if (c != null && c.count() > 0) {
                tasks.add(new Task(
                        step.kind,
                        step.label,
                        c.count(),
                        c.dueOn(),
                        c.overdue() > 0,
                        c.rounds() == 1
                                ? "/rounds/" + c.roundId() + "?stage=" + step.stage.name()
                                : "/rounds?year=" + today.getYear()));
            }
        }
        return tasks;
    }

    /**
     * Registrations in scope waiting at each step. A province or a commune reads {@code registration_tallies} (round,
     * commune, stage → subjects, kept by triggers): this year's rounds of the province hold hundreds of thousands of
     * registrations. A village, below the tallies, counts its own registrations (a few hundred).
     */
    private List<Count> waiting(Set<Step> steps, SignedInUser user, LocalDate today) {
        String[] labels = user.scopePath().split("\\.");
        boolean village = labels.length > 2;
        String alias = village ? "g" : "t";
        StringBuilder due = new StringBuilder("case " + alias + ".stage");
        StringBuilder held = new StringBuilder("case " + alias + ".stage");
        for (Step step : Step.values()) {
            due.append(" when '").append(step.stage.name()).append("' then ").append(step.due);
            held.append(" when '")
                    .append(step.stage.name())
                    .append("' then ")
                    .append(step.needsRoundHeld() ? "r.locality_path <@ cast(:scope as ltree)" : "true");
        }
        due.append(" end");
        held.append(" end");
        String rounds = OPEN_ROUND
                + " and (r.locality_path <@ cast(:scope as ltree) or r.locality_path @> cast(:scope as ltree))"
                + " and " + held;
        String sql = village
                ? "select g.stage, count(*) as count, count(distinct r.id) as rounds, min(r.id) as round_id, min("
                        + due + ") as due_on, count(*) filter (where " + due + " < :today) as overdue"
                        + " from registrations g join rounds r on r.id = g.round_id"
                        + " where g.locality_path <@ cast(:scope as ltree) and g.stage = any(:stages) and " + rounds
                        + " group by g.stage"
                : "select t.stage, sum(t.subjects) as count,"
                        + " count(distinct r.id) filter (where t.subjects > 0) as rounds,"
                        + " min(r.id) filter (where t.subjects > 0) as round_id,"
                        + " min(" + due + ") filter (where t.subjects > 0) as due_on,"
                        + " coalesce(sum(t.subjects) filter (where " + due + " < :today), 0) as overdue"
                        + " from registration_tallies t join rounds r on r.id = t.round_id"
                        + " where t.stage = any(:stages) and (:province or t.commune_id = :commune) and " + rounds
                        + " group by t.stage";
        return jdbc.sql(sql)
                .param("scope", user.scopePath())
                .param("province", labels.length == 1)
                .param("commune", Long.parseLong(labels[labels.length - 1]))
                .param("stages", steps.stream().map(s -> s.stage.name()).toArray(String[]::new))
                .param("year", today.getYear())
                .param("today", today)
                .query(Count.class)
                .list();
    }

    /**
     * Households of the scope in this year's family rounds that have not registered, leaving out those whose
     * recognition is still valid (they need not register again).
     */
    private java.util.Optional<Task> unregistered(SignedInUser user, LocalDate today) {
        return jdbc.sql("""
                        select count(*) as count, count(distinct r.id) as rounds, min(r.id) as round_id,
                               min(r.registration_due) as due_on,
                               count(*) filter (where r.registration_due < :today) as overdue, 'REGISTERED' as stage
                        from rounds r
                        join families f on f.locality_path <@ r.locality_path
                        where r.level = 'HOUSEHOLD' and r.year = :year
                          and (r.locality_path <@ cast(:scope as ltree) or r.locality_path @> cast(:scope as ltree))
                          and f.locality_path <@ cast(:scope as ltree) and f.closed_on is null
                          and not exists (select 1 from registrations g
                                          where g.title = r.title and g.year = r.year and g.subject_id = f.id)
                          and not exists (select 1 from registrations p join certificates c on c.registration_id = p.id
                                          where p.title = r.title and p.subject_id = f.id and p.stage = 'RECOGNISED'
                                            and p.year = any(:earlier) and c.valid_until >= make_date(r.year, 1, 1))
                        """)
                .param("scope", user.scopePath())
                .param("year", today.getYear())
                .param("today", today)
                // each earlier year by equality: a range on the year would walk the title's millions of index entries
                // for every household
                .param(
                        "earlier",
                        java.util.stream.IntStream.range(2021, today.getYear())
                                .boxed()
                                .toArray(Integer[]::new))
                .query(Count.class)
                .optional()
                .filter(c -> c.count() > 0)
                .map(c -> new Task(
                        "unregistered",
                        "hộ chưa đăng ký Gia đình học tập năm " + today.getYear(),
                        c.count(),
                        c.dueOn(),
                        c.overdue() > 0,
                        c.rounds() == 1 ? "/rounds/" + c.roundId() + "/register" : "/rounds?year=" + today.getYear()));
    }
}
