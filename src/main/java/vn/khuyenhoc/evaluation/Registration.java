package vn.khuyenhoc.evaluation;

import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.criteria.Outcome;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;

/**
 * A subject entered in a round and where it stands. Each step is a method that checks the step may follow the stage it
 * is in and answers the registration after it.
 */
public record Registration(
        long id,
        long roundId,
        long subjectId,
        String subjectName,
        String localityName,
        String localityPath,
        Stage stage,
        @Nullable Outcome result,
        @Nullable String returnComment,
        @Nullable Integer people,
        @Nullable Integer learningCitizens,
        boolean late,
        int version) {

    /** After a scoring at {@code step}: done again at the same stage, or the next stage after the one before. */
    Registration assessed(AssessmentStage step, Outcome outcome) {
        Stage next = switch (step) {
            case SELF -> {
                requireOneOf(step, Stage.REGISTERED, Stage.RETURNED, Stage.SELF_ASSESSED);
                yield Stage.SELF_ASSESSED;
            }
            case REVIEW -> {
                requireOneOf(step, Stage.SELF_ASSESSED, Stage.REVIEWED);
                yield Stage.REVIEWED;
            }
            case APPRAISAL -> {
                requireOneOf(step, Stage.REVIEWED, Stage.APPRAISED, Stage.REJECTED);
                yield outcome.passed() ? Stage.APPRAISED : Stage.REJECTED;
            }
        };
        return with(next, outcome, null, people, learningCitizens);
    }

    /** Sent back to self-assessment with the reason, from review or appraisal. */
    Registration returned(@Nullable String comment) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputException("comment", "Hãy ghi lý do trả lại để bổ sung.");
        }
        if (stage != Stage.SELF_ASSESSED && stage != Stage.REVIEWED) {
            throw new ConflictException(subjectName + " đang ở bước “" + stage.label()
                    + "”: chỉ trả lại được hồ sơ đã tự đánh giá hoặc đã bình xét.");
        }
        return with(Stage.RETURNED, null, comment, people, learningCitizens);
    }

    /** Whether a decision may recognise it: appraised and passed. */
    boolean recognisable() {
        return stage == Stage.APPRAISED && result != null && result.passed();
    }

    /** Recognised by a decision: only when appraised and passed. */
    Registration recognised() {
        if (!recognisable()) {
            throw new ConflictException(
                    subjectName + " đang ở bước “" + stage.label() + "”: chỉ công nhận được hồ sơ đã thẩm định đạt.");
        }
        return with(Stage.RECOGNISED, result, returnComment, people, learningCitizens);
    }

    /** Its certificate revoked: only once recognised. */
    Registration revoked() {
        if (stage != Stage.RECOGNISED) {
            throw new ConflictException(
                    subjectName + " đang ở bước “" + stage.label() + "”: chỉ thu hồi được công nhận đã có.");
        }
        return with(Stage.REVOKED, result, returnComment, people, learningCitizens);
    }

    /** Evidence is added or removed until the appraisal. */
    /**
     * Whether {@code user} may add or remove evidence now: anyone who writes, while the file is being prepared
     * (registered, returned); once the self-assessment is submitted the household's file is frozen for the clerk, so
     * that the review rests on what was submitted, and only an officer (for the review's or the appraisal's own papers)
     * adds or removes evidence until the appraisal.
     */
    boolean takesEvidenceFrom(vn.khuyenhoc.shared.SignedInUser user) {
        if (!user.canWrite() || !takesEvidence()) {
            return false;
        }
        return stage == Stage.REGISTERED || stage == Stage.RETURNED || user.canAppraise();
    }

    boolean takesEvidence() {
        return stage == Stage.REGISTERED
                || stage == Stage.RETURNED
                || stage == Stage.SELF_ASSESSED
                || stage == Stage.REVIEWED;
    }

    boolean removable() {
        return stage == Stage.REGISTERED;
    }

    Registration counted(@Nullable Integer people, @Nullable Integer learningCitizens) {
        if (people != null && learningCitizens != null && learningCitizens > people) {
            throw new InvalidInputException(
                    "learningCitizens", "Số Công dân học tập không được lớn hơn số người (" + people + ").");
        }
        return with(stage, result, returnComment, people, learningCitizens);
    }

    /** The same registration (same version: the save checks it) with what a step changes. */
    private Registration with(
            Stage next,
            @Nullable Outcome outcome,
            @Nullable String comment,
            @Nullable Integer peopleCount,
            @Nullable Integer citizens) {
        return new Registration(
                id,
                roundId,
                subjectId,
                subjectName,
                localityName,
                localityPath,
                next,
                outcome,
                comment,
                peopleCount,
                citizens,
                late,
                version);
    }

    private void requireOneOf(AssessmentStage step, Stage... allowed) {
        for (Stage s : allowed) {
            if (s == stage) {
                return;
            }
        }
        throw new ConflictException(subjectName + " đang ở bước “" + stage.label() + "”: chưa "
                + step.label().toLowerCase(java.util.Locale.ROOT)
                + " được"
                + switch (step) {
                    case SELF -> ".";
                    case REVIEW -> " (cần tự đánh giá trước).";
                    case APPRAISAL -> " (cần bình xét trước).";
                });
    }
}
