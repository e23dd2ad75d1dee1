package vn.khuyenhoc.locality;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.shared.Lifespan;

/**
 * A locality as lists, pages and the API show it; {@code formerMap} marks a unit of the map replaced on 1/7/2025.
 */
public record LocalityView(
        @JsonIgnore long id,
        String code,
        String name,
        LocalityLevel level,
        String kind,
        String kindLabel,
        @Nullable String parentCode,
        @Nullable String parentName,
        @JsonIgnore String path,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        boolean demo,
        boolean formerMap,
        int version,
        long childCount) {

    public boolean current() {
        return validTo == null;
    }

    /**
     * The days on which a record may be attached here. A village's are its own; a commune's begin with the records,
     * because a commune formed by a reorganisation (01/7/2025) carries what its predecessors held before.
     */
    @JsonIgnore
    public Lifespan lifespan() {
        return new Lifespan(isVillage() ? validFrom : null, validTo);
    }

    /** The same locality beginning on another day: what a record moved here by a merge is checked against. */
    LocalityView beginning(LocalDate day) {
        return new LocalityView(
                id,
                code,
                name,
                level,
                kind,
                kindLabel,
                parentCode,
                parentName,
                path,
                day,
                validTo,
                demo,
                formerMap,
                version,
                childCount);
    }

    @JsonIgnore
    public boolean isCommune() {
        return level == LocalityLevel.COMMUNE;
    }

    @JsonIgnore
    public boolean isVillage() {
        return level == LocalityLevel.VILLAGE;
    }
}
