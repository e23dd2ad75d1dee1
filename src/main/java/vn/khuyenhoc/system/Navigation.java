package vn.khuyenhoc.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * The menu of a role: its few main destinations ({@code main}, the bottom bar on a phone, first in the menu) and
 * everything else it may use ({@code more}, one level down); {@code all} is the full menu of a wide screen, in the
 * order people know. A destination a role has no use for is not offered: a
 * clerk enters households and registrations of a village, not members, policy-study sessions, targets or reports.
 * Public only because the templates' expressions read it.
 */
public record Navigation(List<Destination> main, List<Destination> more, List<Destination> all) {

    /** One link of the menu; {@code current} when the page shown belongs to it (aria-current). */
    public record Destination(String label, String path, boolean current) {}

    private record Entry(String label, String path, Predicate<SignedInUser> allowed) {}

    private static final Set<Role> ALL = Set.of(Role.values());
    private static final Set<Role> REGISTRY =
            Set.of(Role.PROVINCE_ADMIN, Role.COMMUNE_OFFICER, Role.DATA_CLERK, Role.VIEWER);
    private static final Set<Role> ASSOCIATION = Set.of(Role.PROVINCE_ADMIN, Role.COMMUNE_OFFICER, Role.VIEWER);

    /** Every destination in the order of the full (desktop) menu. */
    private static final List<Entry> ENTRIES = List.of(
            new Entry(
                    "Việc cần làm",
                    "/",
                    roles(Role.PROVINCE_ADMIN, Role.COMMUNE_OFFICER, Role.DATA_CLERK, Role.DECISION_OFFICE)),
            // the offline field app: the village's households, registrations and self-assessments without signal
            new Entry("Sổ thôn", "/field", roles(Role.PROVINCE_ADMIN, Role.COMMUNE_OFFICER, Role.DATA_CLERK)),
            new Entry("Tiến độ", "/dashboard", roles(ALL)),
            new Entry("Địa bàn", "/localities", roles(ALL)),
            new Entry("Tìm kiếm", "/localities/search", roles(ALL)),
            new Entry("Hộ gia đình", "/families", roles(REGISTRY)),
            new Entry("Cơ quan, đơn vị", "/organizations", roles(REGISTRY)),
            new Entry("Dòng họ", "/clans", roles(REGISTRY)),
            new Entry("Chi hội", "/chapters", roles(ASSOCIATION)),
            new Entry("Hội viên", "/members", roles(ASSOCIATION)),
            new Entry("Quán triệt", "/policy-studies", roles(ASSOCIATION)),
            new Entry("Độ phủ", "/coverage", roles(ASSOCIATION)),
            new Entry("Công nhận", "/rounds", roles(ALL)),
            new Entry("Mục tiêu", "/plans", roles(ASSOCIATION)),
            new Entry("Số liệu đã báo cáo", "/reported-figures", SignedInUser::canEditLocalities),
            new Entry(
                    "Báo cáo",
                    "/reports",
                    roles(Role.PROVINCE_ADMIN, Role.COMMUNE_OFFICER, Role.DECISION_OFFICE, Role.VIEWER)),
            new Entry("Nhập thôn", "/villages/import", SignedInUser::canEditLocalities),
            new Entry("Tài khoản", "/accounts", SignedInUser::canManageAccounts),
            new Entry("Nhật ký", "/audit", SignedInUser::canManageAccounts));

    /** The main destinations of each role, by path, in the order of the bottom bar. */
    private static List<String> mainPaths(Role role) {
        return switch (role) {
            case DATA_CLERK -> List.of("/", "/field", "/families", "/rounds", "/localities/search");
            case COMMUNE_OFFICER -> List.of("/", "/dashboard", "/rounds", "/chapters", "/localities");
            case DECISION_OFFICE -> List.of("/", "/rounds", "/dashboard");
            case VIEWER -> List.of("/dashboard", "/localities", "/localities/search");
            case PROVINCE_ADMIN -> List.of("/", "/dashboard", "/rounds", "/localities", "/accounts");
        };
    }

    /** The menu of {@code user} on the page at {@code path} (null when unknown, as on error pages). */
    static @Nullable Navigation of(@Nullable SignedInUser user, @Nullable String path) {
        if (user == null) {
            return null;
        }
        List<Entry> allowed =
                ENTRIES.stream().filter(e -> e.allowed().test(user)).toList();
        String current = current(allowed, path);
        List<Destination> main = new ArrayList<>();
        for (String wanted : mainPaths(user.role())) {
            allowed.stream()
                    .filter(e -> e.path().equals(wanted))
                    .findFirst()
                    .ifPresent(e -> main.add(destination(e, current)));
        }
        List<Destination> more = allowed.stream()
                .filter(e -> !mainPaths(user.role()).contains(e.path()))
                .map(e -> destination(e, current))
                .toList();
        List<Destination> all =
                allowed.stream().map(e -> destination(e, current)).toList();
        return new Navigation(List.copyOf(main), more, all);
    }

    private static Destination destination(Entry entry, @Nullable String current) {
        return new Destination(entry.label(), entry.path(), entry.path().equals(current));
    }

    /** The destination the page belongs to: the longest path that is the page's or one of its parents. */
    private static @Nullable String current(List<Entry> entries, @Nullable String path) {
        if (path == null) {
            return null;
        }
        String best = null;
        for (Entry entry : entries) {
            String p = entry.path();
            boolean under = p.equals("/") ? path.equals("/") : path.equals(p) || path.startsWith(p + "/");
            if (under && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best;
    }

    private static Predicate<SignedInUser> roles(Role... roles) {
        return roles(Set.of(roles));
    }

    private static Predicate<SignedInUser> roles(Set<Role> roles) {
        return user -> roles.contains(user.role());
    }
}
