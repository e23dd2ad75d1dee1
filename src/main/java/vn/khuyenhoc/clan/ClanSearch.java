package vn.khuyenhoc.clan;

import org.jspecify.annotations.Nullable;

/** The filters of the clan list, shared by the page, the API and the export. */
record ClanSearch(
        @Nullable String q,
        @Nullable String locality,
        @Nullable String kind,
        @Nullable String status) {}
