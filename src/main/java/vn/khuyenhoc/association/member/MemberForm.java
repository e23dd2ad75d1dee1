package vn.khuyenhoc.association.member;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A member as the form and the API send it; {@code citizenId} is write-only and never shown back. */
record MemberForm(
        @Nullable Long chapterId,
        @Nullable String fullName,
        @Nullable String gender,
        @Nullable Integer birthYear,
        @Nullable String ethnicity,
        @Nullable String role,
        @Nullable String position,
        @Nullable LocalDate joinedOn,
        @Nullable LocalDate leftOn,
        @Nullable String citizenId,
        @Nullable Integer version) {

    static MemberForm empty(@Nullable Long chapterId) {
        return new MemberForm(chapterId, null, null, null, null, "MEMBER", null, null, null, null, null);
    }
}
