package vn.khuyenhoc.association;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.shared.Lifespan;

/** A chapter as lists, pages and the API show it, with its host and last recorded movement year. */
public record ChapterView(
        long id,
        ChapterKind kind,
        String name,
        HostType hostType,
        long hostId,
        @Nullable String hostCode,
        String hostName,
        String localityCode,
        String localityName,
        @Nullable String communeName,
        @JsonIgnore long localityId,
        @JsonIgnore String localityPath,
        @Nullable LocalDate foundedOn,
        @Nullable String decisionNo,
        @Nullable LocalDate dissolvedOn,
        @Nullable Integer lastMovementYear,
        boolean demo,
        int version) {

    @JsonIgnore
    public Lifespan lifespan() {
        return new Lifespan(foundedOn, dissolvedOn);
    }

    public boolean active() {
        return dissolvedOn == null;
    }
}
