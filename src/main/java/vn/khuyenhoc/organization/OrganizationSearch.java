package vn.khuyenhoc.organization;

import org.jspecify.annotations.Nullable;

/** The filters of the organization list; an export uses the same record, so it exports what the list shows. */
record OrganizationSearch(
        @Nullable String q,
        @Nullable String locality,
        @Nullable String kind,
        @Nullable String status) {}
