package vn.khuyenhoc.indicator;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyenhoc.indicator.reported.ReportedFigures;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.RegistryFilter;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * The dashboard of a scope, the page after sign-in: each indicator's value against its next milestone with a traffic
 * light and its past years; one indicator by commune as a chart, a treemap and a ranking; links to the gap lists;
 * drill-down from the province to a commune. The figures are the same tables the API and the reports give.
 */
@Controller
class DashboardController {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    /** A commune in the ranking of the chosen indicator, with its texts formatted once. */
    record Ranked(
            int rank,
            String code,
            String name,
            Indicator indicator,
            Progress progress,
            String value,
            String ratio,
            String target,
            String gap) {}

    /** An indicator's tile, with its texts formatted once. */
    record Tile(Progress progress, String value, String sparkline, String target, String counts) {}

    private final IndicatorService indicators;
    private final IndicatorSnapshots snapshots;
    private final Plans plans;
    private final JsonMapper json;
    private final ReportedFigures reported;

    DashboardController(
            IndicatorService indicators,
            IndicatorSnapshots snapshots,
            Plans plans,
            JsonMapper json,
            ReportedFigures reported) {
        this.reported = reported;
        this.indicators = indicators;
        this.snapshots = snapshots;
        this.plans = plans;
        this.json = json;
    }

    @GetMapping("/dashboard")
    String dashboard(
            @RequestParam(required = false) @Nullable String locality,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String indicator,
            @RequestParam(required = false) @Nullable String map,
            @RequestParam(required = false) @Nullable String q,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        LocalityView place = indicators.locality(locality, user);
        int chosen = IndicatorService.year(year);
        // a locality of the former map has figures on that map only
        boolean former = IndicatorApiController.formerMap(map) || place.formerMap();
        if (former && chosen > ReportedFigures.LAST_FORMER_YEAR) {
            chosen = ReportedFigures.LAST_FORMER_YEAR;
        }
        List<IndicatorService.IndicatorTable> years = new ArrayList<>();
        IndicatorSnapshots.Snapshot current = null;
        // the year shown and the plans' baseline years with their rows (the ranking's progress needs them), the
        // others in total only: their rows would be computed for a sparkline nobody sees
        java.util.Set<Integer> withRows = new java.util.HashSet<>(baselines().values());
        for (int y = ProgrammeYear.FIRST; y <= chosen; y++) {
            IndicatorSnapshots.Snapshot snapshot =
                    former || y == chosen || withRows.contains(y) ? snapshots.of(place, y) : snapshots.totals(place, y);
            if (former) {
                snapshot = new IndicatorSnapshots.Snapshot(
                        reported.onFormerMap(snapshot.table(), place, user), snapshot.computedAt());
            }
            years.add(snapshot.table());
            current = snapshot;
        }
        IndicatorSnapshots.Snapshot latest = current;
        int shown = chosen;
        String code = RegistryFilter.oneOf(
                "indicator",
                indicator,
                Arrays.stream(IndicatorDefinition.values())
                        .map(IndicatorDefinition::code)
                        .toList());
        IndicatorDefinition selected = IndicatorDefinition.of(code).orElse(IndicatorDefinition.LEARNING_FAMILY);
        View view = snapshots.derived(
                List.of("dashboard", place.code(), shown, selected, former),
                latest.computedAt(),
                () -> view(latest, years, shown, selected));
        model.addAttribute("place", place);
        model.addAttribute("formerMap", former);
        model.addAttribute("year", chosen);
        model.addAttribute("years", ProgrammeYear.newestFirst());
        model.addAttribute("tiles", view.tiles());
        model.addAttribute("selected", selected);
        model.addAttribute("catalogue", IndicatorDefinition.values());
        model.addAttribute("ranking", view.ranking());
        // a phone shows the ten highest, the ten lowest (with a figure) and what a search by name finds
        List<Ranked> withValue = view.ranking().stream()
                .filter(r -> r.indicator().value() != null)
                .toList();
        model.addAttribute("best", withValue.subList(0, Math.min(10, withValue.size())));
        List<Ranked> worst = new ArrayList<>(withValue.subList(Math.max(0, withValue.size() - 10), withValue.size()));
        java.util.Collections.reverse(worst);
        model.addAttribute("worst", worst);
        String query = VietnameseText.fold(q).trim();
        model.addAttribute("q", q == null ? "" : q.trim());
        model.addAttribute(
                "found",
                query.isEmpty()
                        ? List.of()
                        : view.ranking().stream()
                                .filter(r -> VietnameseText.fold(r.name()).contains(query))
                                .toList());
        model.addAttribute("computedAt", STAMP.format(latest.computedAt()));
        model.addAttribute("asOf", latest.table().asOf());
        model.addAttribute("bars", view.bars());
        model.addAttribute("treemap", view.treemap());
        return "indicator/dashboard";
    }

    /** What the page shows, made once per snapshot: tiles, ranking and the charts' options. */
    record View(List<Tile> tiles, List<Ranked> ranking, String bars, String treemap) {}

    private View view(
            IndicatorSnapshots.Snapshot current,
            List<IndicatorService.IndicatorTable> years,
            int year,
            IndicatorDefinition selected) {
        IndicatorService.IndicatorTable table = current.table();
        Map<String, Integer> baselines = baselines();
        List<Tile> tiles = new ArrayList<>();
        for (int i = 0; i < table.total().size(); i++) {
            Indicator now = table.total().get(i);
            Progress p = Progress.of(
                    now, year, baselines.getOrDefault(now.code(), ProgrammeYear.FIRST), series(years, i, null));
            String target = p.target() == null
                    ? ""
                    : "Mục tiêu " + p.milestone() + ": " + whole(p.target()) + "%"
                            + (p.expected() == null ? "" : " · năm nay cần " + percent(p.expected()))
                            + (p.gap() == null ? "" : " · còn thiếu " + points(p.gap()) + " điểm %");
            String counts = number(now.numerator()) + "/" + number(now.denominator())
                    + (now.registered() == null ? "" : " · đăng ký: " + number(now.registered()));
            tiles.add(new Tile(p, percent(now.value()), p.sparkline(), target, counts));
        }
        int index = List.of(IndicatorDefinition.values()).indexOf(selected);
        List<Ranked> ranking =
                ranking(table, years, index, year, baselines.getOrDefault(selected.code(), ProgrammeYear.FIRST));
        return new View(
                tiles,
                ranking,
                json.writeValueAsString(bars(ranking, selected)),
                json.writeValueAsString(treemap(ranking, selected)));
    }

    private Map<String, Integer> baselines() {
        Map<String, Integer> baselines = new LinkedHashMap<>();
        plans.all().forEach(p -> p.targets().forEach(t -> baselines.putIfAbsent(t.indicator(), p.baselineYear())));
        return baselines;
    }

    /** The past values of indicator {@code index}, of the total or of one commune. */
    private static List<Progress.Point> series(
            List<IndicatorService.IndicatorTable> years, int index, @Nullable String commune) {
        List<Progress.Point> points = new ArrayList<>();
        for (IndicatorService.IndicatorTable t : years) {
            List<Indicator> row = commune == null
                    ? t.total()
                    : t.communes().stream()
                            .filter(c -> c.code().equals(commune))
                            .findFirst()
                            .map(IndicatorService.CommuneIndicators::indicators)
                            .orElse(List.of());
            points.add(new Progress.Point(
                    t.year(), row.isEmpty() ? null : row.get(index).value()));
        }
        return points;
    }

    private static List<Ranked> ranking(
            IndicatorService.IndicatorTable table,
            List<IndicatorService.IndicatorTable> years,
            int index,
            int year,
            int baselineYear) {
        List<IndicatorService.CommuneIndicators> communes = new ArrayList<>(table.communes());
        communes.sort(Comparator.comparing(
                (IndicatorService.CommuneIndicators c) ->
                        c.indicators().get(index).value(),
                Comparator.nullsLast(Comparator.reverseOrder())));
        List<Ranked> ranked = new ArrayList<>();
        for (IndicatorService.CommuneIndicators c : communes) {
            Indicator value = c.indicators().get(index);
            Progress progress = Progress.of(value, year, baselineYear, series(years, index, c.code()));
            ranked.add(new Ranked(
                    ranked.size() + 1,
                    c.code(),
                    c.name(),
                    value,
                    progress,
                    percent(value.value()),
                    number(value.numerator()) + "/" + number(value.denominator()),
                    progress.target() == null ? "—" : whole(progress.target()) + "%",
                    progress.gap() == null ? "" : points(progress.gap())));
        }
        return ranked;
    }

    /** ECharts options: the communes' values as bars with the target as a line. */
    private static Map<String, Object> bars(List<Ranked> ranking, IndicatorDefinition selected) {
        List<String> names = ranking.stream().map(Ranked::name).toList();
        List<Object> values = new ArrayList<>();
        ranking.forEach(r -> values.add(Map.of(
                "value",
                r.indicator().value() == null ? 0 : r.indicator().value(),
                "itemStyle",
                Map.of("color", colour(r.progress().light())))));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "bar");
        series.put("name", selected.label());
        series.put("data", values);
        Double target = ranking.isEmpty() ? null : ranking.get(0).progress().target();
        if (target != null) {
            series.put(
                    "markLine",
                    Map.of(
                            "symbol",
                            "none",
                            "data",
                            List.of(Map.of("yAxis", target, "name", "Mục tiêu")),
                            "label",
                            Map.of("formatter", "Mục tiêu {c}%")));
        }
        return Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 40, "right", 80, "top", 24, "bottom", 110),
                "xAxis", Map.of("type", "category", "data", names, "axisLabel", Map.of("rotate", 60, "fontSize", 10)),
                "yAxis", Map.of("type", "value", "max", 100, "axisLabel", Map.of("formatter", "{value}%")),
                "series", List.of(series));
    }

    /** ECharts options: a tile per commune, sized by its denominator, coloured by its value. */
    private static Map<String, Object> treemap(List<Ranked> ranking, IndicatorDefinition selected) {
        List<Object> data = new ArrayList<>();
        ranking.forEach(r -> data.add(Map.of(
                "name",
                r.name() + (r.indicator().value() == null ? "" : " " + r.value()),
                "value",
                List.of(
                        Math.max(1, r.indicator().denominator()),
                        r.indicator().value() == null ? 0 : r.indicator().value()))));
        return Map.of(
                "tooltip", Map.of("formatter", "{b}"),
                "visualMap",
                        Map.of(
                                "type",
                                "continuous",
                                "min",
                                0,
                                "max",
                                100,
                                "dimension",
                                1,
                                "calculable",
                                false,
                                "orient",
                                "horizontal",
                                "left",
                                "center",
                                "bottom",
                                0,
                                "text",
                                List.of("100%", "0%"),
                                "inRange",
                                Map.of("color", List.of("#c0392b", "#f1c40f", "#27ae60"))),
                "series",
                        List.of(Map.of(
                                "type",
                                "treemap",
                                "name",
                                selected.label(),
                                "data",
                                data,
                                "roam",
                                false,
                                "nodeClick",
                                false,
                                "breadcrumb",
                                Map.of("show", false),
                                "bottom",
                                40,
                                "visualDimension",
                                1,
                                "label",
                                Map.of("fontSize", 10))));
    }

    private static final java.util.Locale VI = java.util.Locale.forLanguageTag("vi");

    static String percent(@Nullable Double value) {
        return value == null ? "—" : String.format(VI, "%.1f%%", value);
    }

    static String points(double value) {
        return String.format(VI, "%.1f", value);
    }

    static String whole(double value) {
        return String.format(VI, "%.0f", value);
    }

    static String number(long value) {
        return String.format(VI, "%,d", value);
    }

    private static String colour(Progress.Light light) {
        return switch (light) {
            case ON_TRACK -> "#27ae60";
            case AT_RISK -> "#e6a700";
            case OFF_TRACK -> "#c0392b";
            case NO_TARGET, NO_DATA -> "#7f8c8d";
        };
    }
}
