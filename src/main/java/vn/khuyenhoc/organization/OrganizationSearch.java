package vn.khuyenhoc.organization;

import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.shared.RegistryFilter;

/** The filters of the organization list; an export uses the same record, so it exports what the list shows. */
record OrganizationSearch(
        @Nullable String q,
        @Nullable String locality,
        @Nullable String kind,
        @Nullable String status) {

    OrganizationSearch {
        q = RegistryFilter.searchText(q);
        RegistryFilter.oneOf("kind", kind, OrganizationKind.values(), OrganizationKind::label);
        status = RegistryFilter.oneOf("status", status, RegistryFilter.STATUSES);
    }
}
