package vn.khuyenhoc.family;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A household as typed in a form or sent to the API; {@code villageCode} (or {@code localityCode}) names the village. */
public record FamilyForm(
        @Nullable String villageCode,
        @Nullable String localityCode,
        @Nullable String headName,
        @Nullable String address,
        @Nullable Integer members,
        @Nullable Integer adults,
        @Nullable Integer schoolAgeChildren,
        @Nullable String phone,
        @Nullable LocalDate since,
        @Nullable LocalDate closedOn,
        @Nullable Integer version,
        @Nullable Boolean confirmDuplicate) {

    @Nullable
    String village() {
        return villageCode != null && !villageCode.isBlank() ? villageCode : localityCode;
    }

    static FamilyForm empty(@Nullable String villageCode) {
        return new FamilyForm(villageCode, null, "", "", 4, 2, 1, "", null, null, null, false);
    }

    static FamilyForm of(FamilyView view) {
        return new FamilyForm(
                view.villageCode(),
                null,
                view.headName(),
                view.address(),
                view.members(),
                view.adults(),
                view.schoolAgeChildren(),
                view.phone(),
                view.since(),
                view.closedOn(),
                view.version(),
                false);
    }
}
