package vn.khuyenhoc.association.policystudy;

import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.RegistryFilter;

/**
 * Filters of the session list: title text, locality subtree, chapter, year, and {@code noAttendance} for the sessions
 * held without any attendance recorded (the home page's to-do links there).
 */
record PolicyStudySearch(
        @Nullable String q,
        @Nullable String locality,
        @Nullable Long chapter,
        @Nullable Integer year,
        @Nullable Boolean noAttendance) {

    public boolean withoutAttendance() {
        return Boolean.TRUE.equals(noAttendance);
    }

    PolicyStudySearch {
        q = RegistryFilter.searchText(q);
        if (year != null) {
            ProgrammeYear.check(year, "year");
        }
    }
}
