package vn.khuyenhoc.association;

import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.shared.RegistryFilter;

/** The filters of the chapter list. */
record ChapterSearch(
        @Nullable String q,
        @Nullable String locality,
        @Nullable String hostType,
        @Nullable String status) {

    ChapterSearch {
        q = RegistryFilter.searchText(q);
        RegistryFilter.oneOf("hostType", hostType, HostType.values(), HostType::label);
        status = RegistryFilter.oneOf("status", status, RegistryFilter.STATUSES);
    }
}
