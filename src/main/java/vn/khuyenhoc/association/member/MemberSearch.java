package vn.khuyenhoc.association.member;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.shared.RegistryFilter;

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
        @Nullable String status) {

    MemberSearch {
        q = RegistryFilter.searchText(q);
        role = RegistryFilter.oneOf("role", role, List.of("MEMBER", "OFFICER"));
        gender = RegistryFilter.oneOf("gender", gender, List.of("MALE", "FEMALE"));
        age = RegistryFilter.oneOf("age", age, List.of("u30", "30-44", "45-59", "60+"));
        status = RegistryFilter.oneOf("status", status, List.of("left", "all"));
    }
}
