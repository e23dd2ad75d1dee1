package vn.khuyenhoc.association.policystudy;

import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.RegistryFilter;

/** Filters of the session list: title text, locality subtree, chapter and year. */
record PolicyStudySearch(
        @Nullable String q,
        @Nullable String locality,
        @Nullable Long chapter,
        @Nullable Integer year) {

    PolicyStudySearch {
        q = RegistryFilter.searchText(q);
        if (year != null) {
            ProgrammeYear.check(year, "year");
        }
    }
}
