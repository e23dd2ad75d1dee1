package vn.khuyenhoc.family;

import org.jspecify.annotations.Nullable;

/** The filters of the household list, shared by the page, the API and the export. */
record FamilySearch(
        @Nullable String q,
        @Nullable String locality,
        @Nullable String status) {}
