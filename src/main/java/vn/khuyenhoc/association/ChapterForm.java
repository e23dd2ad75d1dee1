package vn.khuyenhoc.association;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A new or edited chapter: the host is given by type and id (organizations, clans) or code (villages). */
record ChapterForm(
        @Nullable String kind,
        @Nullable String name,
        @Nullable String hostType,
        @Nullable Long hostId,
        @Nullable String hostCode,
        @Nullable LocalDate foundedOn,
        @Nullable String decisionNo,
        @Nullable LocalDate dissolvedOn,
        @Nullable Integer version) {

    static ChapterForm empty() {
        return new ChapterForm("CHI_HOI", "", "VILLAGE", null, "", null, "", null, null);
    }
}
