package vn.khuyenhoc.clan;

import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.shared.RegistryFilter;

/** The filters of the clan list, shared by the page, the API and the export. */
record ClanSearch(
        @Nullable String q,
        @Nullable String locality,
        @Nullable String kind,
        @Nullable String status) {

    ClanSearch {
        q = RegistryFilter.searchText(q);
        RegistryFilter.oneOf("kind", kind, ClanKind.values(), ClanKind::label);
        status = RegistryFilter.oneOf("status", status, RegistryFilter.STATUSES);
    }
}
