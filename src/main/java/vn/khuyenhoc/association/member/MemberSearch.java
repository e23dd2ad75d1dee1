package vn.khuyenhoc.association.member;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the roster: text (name, without diacritics), chapter, locality subtree, role, gender, age band
 * ({@code u30}, {@code 30-44}, {@code 45-59}, {@code 60+}) and status (current by default, {@code left}, {@code all}).
 */
record MemberSearch(
        @Nullable String q,
        @Nullable Long chapter,
        @Nullable String locality,
        @Nullable String role,
        @Nullable String gender,
        @Nullable String age,
        @Nullable String status) {}
