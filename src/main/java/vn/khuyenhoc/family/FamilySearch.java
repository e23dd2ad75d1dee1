package vn.khuyenhoc.family;

import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.shared.RegistryFilter;

/** The filters of the household list, shared by the page, the API and the export. */
record FamilySearch(
        @Nullable String q,
        @Nullable String locality,
        @Nullable String status) {

    FamilySearch {
        q = RegistryFilter.searchText(q);
        status = RegistryFilter.oneOf("status", status, RegistryFilter.STATUSES);
    }
}
