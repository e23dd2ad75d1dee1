package vn.khuyenhoc.shared;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The WHERE clause every registry list shares: within the user's scope and the chosen locality, the folded name
 * containing the search text, and active or closed records. Lists add their own conditions with {@link #and}.
 */
public final class RegistryFilter {

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> params = new HashMap<>();

    private RegistryFilter() {}

    /** Rows of {@code alias} whose {@code locality_path} lies in the scope and in the chosen subtree. */
    public static RegistryFilter within(String alias, String scope, String subtree) {
        RegistryFilter filter = new RegistryFilter();
        filter.where
                .append(" where ")
                .append(alias)
                .append(".locality_path <@ cast(:scope as ltree) and ")
                .append(alias)
                .append(".locality_path <@ cast(:subtree as ltree)");
        filter.params.put("scope", scope);
        filter.params.put("subtree", subtree);
        return filter;
    }

    /** The folded {@code search_name} contains the text, typed with or without diacritics. */
    public RegistryFilter nameContains(String alias, @Nullable String text) {
        return contains(alias + ".search_name", text);
    }

    /**
     * A folded text ({@code search_key(...)} of a column, or a stored folded column) contains the text, typed with or
     * without diacritics; % and _ typed are taken literally.
     */
    public RegistryFilter contains(String folded, @Nullable String text) {
        String q = VietnameseText.cleanOrEmpty(text);
        if (!q.isEmpty()) {
            where.append(" and ").append(folded).append(" like search_key(:q)");
            params.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return this;
    }

    /** {@code status}: empty for active records, "closed" for closed ones, "all" for both. */
    public RegistryFilter status(String closedColumn, @Nullable String status) {
        if ("closed".equals(status)) {
            where.append(" and ").append(closedColumn).append(" is not null");
        } else if (!"all".equals(status)) {
            where.append(" and ").append(closedColumn).append(" is null");
        }
        return this;
    }

    /** Adds a condition with one parameter, unless the value is null. */
    public RegistryFilter and(String condition, String param, @Nullable Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.put(param, value);
        }
        return this;
    }

    public String sql() {
        return where.toString();
    }

    public Map<String, Object> params() {
        return params;
    }
}
