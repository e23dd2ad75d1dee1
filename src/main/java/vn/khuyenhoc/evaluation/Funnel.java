package vn.khuyenhoc.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many subjects of a round (or of all rounds of a title and year in a locality) reached each step, and how many are
 * overdue: still waiting for a step whose deadline has passed.
 */
public record Funnel(
        long registered,
        long selfAssessed,
        long reviewed,
        long appraised,
        long recognised,
        long rejected,
        long returned,
        long revoked,
        long overdue,
        Map<Stage, Long> byStage) {

    static Funnel of(Map<Stage, Long> byStage, long overdue) {
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            counts.put(s, byStage.getOrDefault(s, 0L));
        }
        return new Funnel(
                counts.values().stream().mapToLong(Long::longValue).sum(),
                sum(counts, Stage.SELF_ASSESSED_OR_LATER),
                sum(counts, Stage.REVIEWED_OR_LATER),
                sum(counts, Stage.APPRAISED_OR_LATER),
                counts.get(Stage.RECOGNISED),
                counts.get(Stage.REJECTED),
                counts.get(Stage.RETURNED),
                counts.get(Stage.REVOKED),
                overdue,
                counts);
    }

    private static long sum(Map<Stage, Long> counts, java.util.Set<Stage> stages) {
        return stages.stream().mapToLong(counts::get).sum();
    }

    /** Percent of the registered, one decimal; null when nobody registered. */
    public @org.jspecify.annotations.Nullable Double percent(long count) {
        return registered == 0 ? null : Math.round(count * 1000.0 / registered) / 10.0;
    }

    /** The stages that are overdue on {@code today}: waiting for a step whose deadline has passed. */
    static List<Stage> overdueStages(Round round, LocalDate today) {
        List<Stage> stages = new ArrayList<>();
        if (today.isAfter(round.schedule().selfAssessment())) {
            stages.add(Stage.REGISTERED);
            stages.add(Stage.RETURNED);
        }
        if (today.isAfter(round.schedule().review())) {
            stages.add(Stage.SELF_ASSESSED);
        }
        if (today.isAfter(round.schedule().decision())) {
            stages.add(Stage.REVIEWED);
            stages.add(Stage.APPRAISED);
        }
        return stages;
    }

    /** The same condition in SQL over rounds {@code r} and a stage column. */
    static String overdueSql(String stage) {
        return "((" + stage + " in ('REGISTERED', 'RETURNED') and r.self_assessment_due < :today)"
                + " or (" + stage + " = 'SELF_ASSESSED' and r.review_due < :today)"
                + " or (" + stage + " in ('REVIEWED', 'APPRAISED') and r.decision_due < :today))";
    }
}
