package vn.khuyenhoc.family;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

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
        @Nullable LocalDate closedOn,
        boolean demo,
        int version) {

    public boolean active() {
        return closedOn == null;
    }
}
