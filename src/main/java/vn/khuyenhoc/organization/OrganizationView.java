package vn.khuyenhoc.organization;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An organization as lists, pages, exports and the API show it. */
public record OrganizationView(
        long id,
        String name,
        OrganizationKind kind,
        @Nullable SchoolLevel schoolLevel,
        ManagingLevel managingLevel,
        String localityCode,
        String localityName,
        @Nullable String communeName,
        @JsonIgnore long localityId,
        @JsonIgnore String localityPath,
        @Nullable LocalDate openedOn,
        @Nullable LocalDate closedOn,
        boolean demo,
        int version) {

    public boolean active() {
        return closedOn == null;
    }
}
