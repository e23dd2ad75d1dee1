package vn.khuyenhoc.association.policystudy;

import org.jspecify.annotations.Nullable;

/** Filters of the session list: title text, locality subtree, chapter and year. */
record PolicyStudySearch(
        @Nullable String q,
        @Nullable String locality,
        @Nullable Long chapter,
        @Nullable Integer year) {}
