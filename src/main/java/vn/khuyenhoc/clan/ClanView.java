package vn.khuyenhoc.clan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A clan as lists, pages, exports and the API show it. */
public record ClanView(
        long id,
        String name,
        ClanKind kind,
        @Nullable String religion,
        @Nullable Integer householdsApprox,
        String localityCode,
        String localityName,
        @Nullable String communeName,
        @JsonIgnore long localityId,
        @JsonIgnore String localityPath,
        @Nullable LocalDate since,
        @Nullable LocalDate closedOn,
        boolean demo,
        int version) {

    public boolean active() {
        return closedOn == null;
    }
}
