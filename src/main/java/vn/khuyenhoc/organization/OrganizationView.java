package vn.khuyenhoc.organization;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
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

    /** The founding day under the name every registry uses; {@code openedOn} stays for existing clients. */
    @JsonProperty
    public @Nullable LocalDate since() {
        return openedOn;
    }

    public boolean active() {
        return closedOn == null;
    }
}
