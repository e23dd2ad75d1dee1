package vn.khuyenhoc.association;

import org.jspecify.annotations.Nullable;

/** The filters of the chapter list. */
record ChapterSearch(
        @Nullable String q,
        @Nullable String locality,
        @Nullable String hostType,
        @Nullable String status) {}
