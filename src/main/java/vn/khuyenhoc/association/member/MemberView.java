package vn.khuyenhoc.association.member;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A membership as lists, pages and the API show it. The citizen ID appears only as its last four digits; {@code
 * personId} is the same for every membership of one person.
 */
public record MemberView(
        long id,
        long chapterId,
        String chapterName,
        @Nullable String communeName,
        long personId,
        String fullName,
        Gender gender,
        int birthYear,
        @Nullable String ethnicity,
        MemberRole role,
        @Nullable String position,
        @Nullable LocalDate joinedOn,
        @Nullable LocalDate leftOn,
        @Nullable String citizenLast4,
        @JsonIgnore String localityPath,
        boolean demo,
        int version) {

    public boolean current() {
        return leftOn == null;
    }

    /** Whether the member belonged to the chapter on a day: joined by then (or unknown) and not left yet. */
    public boolean memberOn(LocalDate day) {
        return (joinedOn == null || !joinedOn.isAfter(day)) && (leftOn == null || leftOn.isAfter(day));
    }
}
