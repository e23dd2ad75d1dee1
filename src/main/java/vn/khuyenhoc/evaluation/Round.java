package vn.khuyenhoc.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.criteria.Title;
import vn.khuyenhoc.criteria.TitleLevel;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * A round: one title and level, one year, within one locality (a commune, or the province for communes and
 * province-managed units), run with one criteria set and four deadlines.
 */
record Round(
        long id,
        Title title,
        TitleLevel level,
        int year,
        String localityCode,
        String localityName,
        String localityPath,
        long criteriaSetId,
        String criteriaSetLabel,
        Authority authority,
        Schedule schedule,
        int version) {

    /** The deadlines of registration, self-assessment, review (bình xét) and decision. */
    public record Schedule(LocalDate registration, LocalDate selfAssessment, LocalDate review, LocalDate decision) {

        /**
         * The usual calendar of a year: families, clans, villages and commune-managed units register by 31 March and
         * are decided by 15 December (before the annual review is due); communes and province-managed units gather
         * evidence over the year and file by 15 January (TT 24/2023), decided by 31 March. A round opened after its
         * usual registration deadline gets 30 days to register, then 60, 30 and 30 days for the next steps.
         */
        static Schedule usual(TitleLevel level, int year, LocalDate today) {
            Schedule s = level == TitleLevel.COMMUNE || level == TitleLevel.PROVINCE_MANAGED
                    ? new Schedule(
                            LocalDate.of(year, 3, 31),
                            LocalDate.of(year + 1, 1, 15),
                            LocalDate.of(year + 1, 2, 15),
                            LocalDate.of(year + 1, 3, 31))
                    : new Schedule(
                            LocalDate.of(year, 3, 31),
                            LocalDate.of(year, 9, 30),
                            LocalDate.of(year, 10, 31),
                            LocalDate.of(year, 12, 15));
            if (!s.registration().isBefore(today)) {
                return s;
            }
            LocalDate registration = today.plusDays(30);
            return new Schedule(
                    registration, registration.plusDays(60), registration.plusDays(90), registration.plusDays(120));
        }

        /**
         * Each given date replaces the usual one, and the dates left out move to stay in order around it (a decision
         * deadline set earlier than the usual review pulls the review back to it); the four must follow one another.
         */
        Schedule with(
                @Nullable LocalDate registration,
                @Nullable LocalDate selfAssessment,
                @Nullable LocalDate review,
                @Nullable LocalDate decision) {
            @Nullable LocalDate[] given = {registration, selfAssessment, review, decision};
            LocalDate[] dates = {this.registration, this.selfAssessment, this.review, this.decision};
            for (int i = 0; i < 4; i++) {
                if (given[i] != null) {
                    dates[i] = given[i];
                }
            }
            for (int i = 2; i >= 0; i--) {
                if (given[i] == null && dates[i].isAfter(dates[i + 1])) {
                    dates[i] = dates[i + 1];
                }
            }
            for (int i = 1; i < 4; i++) {
                if (given[i] == null && dates[i].isBefore(dates[i - 1])) {
                    dates[i] = dates[i - 1];
                }
            }
            Schedule s = new Schedule(dates[0], dates[1], dates[2], dates[3]);
            List<FieldProblem> problems = new ArrayList<>();
            if (s.selfAssessment.isBefore(s.registration)) {
                problems.add(new FieldProblem("selfAssessmentDue", "Hạn tự đánh giá phải từ hạn đăng ký trở đi."));
            }
            if (s.review.isBefore(s.selfAssessment)) {
                problems.add(new FieldProblem("reviewDue", "Hạn bình xét phải từ hạn tự đánh giá trở đi."));
            }
            if (s.decision.isBefore(s.review)) {
                problems.add(new FieldProblem("decisionDue", "Hạn ra quyết định phải từ hạn bình xét trở đi."));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return s;
        }
    }

    /** The deadline of a scoring stage: appraisal shares the decision's. */
    LocalDate due(AssessmentStage stage) {
        return switch (stage) {
            case SELF -> schedule.selfAssessment();
            case REVIEW -> schedule.review();
            case APPRAISAL -> schedule.decision();
        };
    }

    /** Whether the user's scope holds the whole round: the one who appraises and decides for it. */
    boolean heldBy(SignedInUser user) {
        return localityPath.equals(user.scopePath()) || localityPath.startsWith(user.scopePath() + ".");
    }

    /**
     * Refuses a step after its deadline for a data clerk; an officer may still act, and the caller records it as late.
     * Returns whether the step is late.
     */
    boolean checkDeadline(LocalDate due, LocalDate today, SignedInUser user, String step) {
        if (!today.isAfter(due)) {
            return false;
        }
        if (!user.canAppraise()) {
            throw new ConflictException("Đã quá hạn " + step + " (" + Dates.day(due)
                    + "). Chỉ cán bộ xã hoặc tỉnh mới ghi được sau hạn; hãy báo cán bộ xã.");
        }
        return true;
    }

    String label() {
        return title.label() + " năm " + year + " · " + localityName;
    }
}
