package vn.khuyenhoc.shared;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The WHERE clause every registry list shares: within the user's scope and the chosen locality, the folded name
 * containing the search text, and active or closed records. Lists add their own conditions with {@link #and}.
 * The search records check their values with the static methods here when they are made, so that a value the list
 * does not know ({@code status=NOPE}) is refused naming the parameter, before a page or an export starts.
 */
public final class RegistryFilter {

    /** Longer search texts are refused: no name is that long, and a trigram search on one is only work. */
    public static final int MAX_SEARCH_TEXT = 200;

    /** The {@code status} of a list: active records when blank, closed ones, or both. */
    public static final List<String> STATUSES = List.of("closed", "all");

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> params = new HashMap<>();

    private RegistryFilter() {}

    /** The search text as typed; one longer than {@value #MAX_SEARCH_TEXT} characters is refused. */
    public static @Nullable String searchText(@Nullable String q) {
        if (q != null && q.strip().length() > MAX_SEARCH_TEXT) {
            throw new InvalidInputException("q", "Từ khóa tìm kiếm quá dài (tối đa " + MAX_SEARCH_TEXT + " ký tự).");
        }
        return q;
    }

    /**
     * A filter value that must be one of {@code allowed} (compared ignoring case); blank means no filter (null). Any
     * other value is refused naming the parameter and the values it takes.
     */
    public static @Nullable String oneOf(String param, @Nullable String value, List<String> allowed) {
        String typed = VietnameseText.cleanOrEmpty(value);
        if (typed.isEmpty()) {
            return null;
        }
        return allowed.stream()
                .filter(a -> a.equalsIgnoreCase(typed))
                .findFirst()
                .orElseThrow(() -> unknown(param, typed, allowed));
    }

    /**
     * A filter naming a constant by its code or its label, as {@link VietnameseText#choose} reads them; blank means
     * no filter (null), and a value that names none is refused naming the parameter and the codes.
     */
    public static <E extends Enum<E>> @Nullable E oneOf(
            String param, @Nullable String value, E[] values, Function<E, String> label) {
        String typed = VietnameseText.cleanOrEmpty(value);
        if (typed.isEmpty()) {
            return null;
        }
        return VietnameseText.choose(values, label, typed)
                .orElseThrow(() -> unknown(
                        param, typed, Arrays.stream(values).map(Enum::name).toList()));
    }

    private static InvalidInputException unknown(String param, String typed, List<String> allowed) {
        String shown = typed.length() > 40 ? typed.substring(0, 40) + "…" : typed;
        return new InvalidInputException(
                param,
                "Tham số “" + param + "”: không có giá trị “" + shown + "”; hãy chọn một trong: "
                        + allowed.stream().collect(Collectors.joining(", ")) + ".");
    }

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
        String q = VietnameseText.cleanOrEmpty(searchText(text));
        if (!q.isEmpty()) {
            where.append(" and ").append(folded).append(" like search_key(:q)");
            params.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return this;
    }

    /** {@code status}: empty for active records, "closed" for closed ones, "all" for both (see {@link #STATUSES}). */
    public RegistryFilter status(String closedColumn, @Nullable String status) {
        status = oneOf("status", status, STATUSES);
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
