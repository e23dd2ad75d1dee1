package vn.khuyenhoc.family;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.shared.SignedInUser;

/** A household as lists, pages, exports and the API show it. */
public record FamilyView(
        long id,
        String headName,
        @Nullable String address,
        int members,
        int adults,
        int schoolAgeChildren,
        @Nullable String phone,
        String villageCode,
        String villageName,
        String communeName,
        @JsonIgnore String localityPath,
        @Nullable LocalDate since,
        @Nullable LocalDate closedOn,
        boolean demo,
        int version) {

    public boolean active() {
        return closedOn == null;
    }

    /** The household as {@code reader} may see it: without the phone for roles that do not contact households. */
    FamilyView shownTo(SignedInUser reader) {
        if (reader.canSeePhones() || phone == null) {
            return this;
        }
        return new FamilyView(
                id,
                headName,
                address,
                members,
                adults,
                schoolAgeChildren,
                null,
                villageCode,
                villageName,
                communeName,
                localityPath,
                since,
                closedOn,
                demo,
                version);
    }
}
