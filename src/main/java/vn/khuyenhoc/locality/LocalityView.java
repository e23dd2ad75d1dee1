package vn.khuyenhoc.locality;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

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

    @JsonIgnore
    public boolean isCommune() {
        return level == LocalityLevel.COMMUNE;
    }

    @JsonIgnore
    public boolean isVillage() {
        return level == LocalityLevel.VILLAGE;
    }
}
