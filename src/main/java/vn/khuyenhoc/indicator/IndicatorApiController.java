package vn.khuyenhoc.indicator;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyenhoc.indicator.reported.ReportedFigures;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.SignedInUser;

@RestController
class IndicatorApiController {

    private final IndicatorService indicators;
    private final IndicatorSnapshots statistics;
    private final Plans plans;
    private final ReportedFigures reported;

    IndicatorApiController(
            IndicatorService indicators, IndicatorSnapshots statistics, Plans plans, ReportedFigures reported) {
        this.reported = reported;
        this.indicators = indicators;
        this.statistics = statistics;
        this.plans = plans;
    }

    /** An entry of the catalogue. */
    record Definition(
            String code,
            String name,
            String numerator,
            String denominator,
            @Nullable String secondDenominator,
            String source,
            String unit,
            String direction,
            String rule) {}

    @GetMapping("/api/v1/indicators/catalogue")
    java.util.List<Definition> catalogue() {
        return java.util.Arrays.stream(IndicatorDefinition.values())
                .map(d -> new Definition(
                        d.code(),
                        d.label(),
                        d.numerator(),
                        d.denominator(),
                        d.secondDenominator(),
                        d.source(),
                        d.unit(),
                        d.direction(),
                        d.rule()))
                .toList();
    }

    @GetMapping("/api/v1/plans")
    java.util.List<Plans.Plan> plans() {
        return plans.all();
    }

    /** One value of a series. */
    record Point(
            int year,
            long numerator,
            long denominator,
            @Nullable Double value) {}

    record Series(String code, String name, String locality, String localityName, java.util.List<Point> values) {}

    /** One value per year since 2021 of an indicator, for a locality in the caller's scope. */
    @GetMapping("/api/v1/indicators/{code}/series")
    Series series(
            @org.springframework.web.bind.annotation.PathVariable String code,
            @RequestParam(required = false) @Nullable String locality,
            @AuthenticationPrincipal SignedInUser user) {
        IndicatorDefinition definition = IndicatorDefinition.of(code)
                .orElseThrow(() -> new vn.khuyenhoc.shared.NotFoundException("Không có chỉ số “" + code + "”."));
        java.util.List<Point> points = new java.util.ArrayList<>();
        String localityCode = null;
        String localityName = null;
        for (int year : vn.khuyenhoc.shared.ProgrammeYear.oldestFirst()) {
            IndicatorReport report = indicators.report(locality, year, user);
            localityCode = report.locality();
            localityName = report.localityName();
            report.indicators().stream()
                    .filter(i -> i.code().equals(definition.code()))
                    .findFirst()
                    .ifPresent(i -> points.add(new Point(year, i.numerator(), i.denominator(), i.value())));
        }
        return new Series(
                definition.code(),
                definition.label(),
                String.valueOf(localityCode),
                String.valueOf(localityName),
                points);
    }

    /** The province's indicators in total and by commune, without sign-in (aggregates only). */
    @GetMapping("/api/v1/public/indicators")
    IndicatorService.IndicatorTable publicIndicators(@RequestParam(required = false) @Nullable Integer year) {
        return statistics.province(year).table();
    }

    /**
     * The province's totals of a year for a national roll-up, without sign-in: each deployment serves one province
     * and a national collector adds up the numerators and denominators of every province's summary (docs/scaling.md).
     */
    @GetMapping("/api/v1/public/summary")
    ProvinceSummary publicSummary(@RequestParam(required = false) @Nullable Integer year) {
        IndicatorSnapshots.Snapshot snapshot = statistics.province(year);
        return ProvinceSummary.of(snapshot.table(), snapshot.computedAt());
    }

    /**
     * The indicators of a locality and year; with {@code map=2024} (a year up to 2025) the table on the former map,
     * by former district or commune, with the figures reported for it (records live on today's map).
     */
    @GetMapping("/api/v1/indicators")
    Object indicators(
            @RequestParam(required = false) @Nullable String locality,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String map,
            @AuthenticationPrincipal SignedInUser user) {
        if (formerMap(map)) {
            LocalityView place = indicators.locality(locality, user);
            return reported.onFormerMap(
                    statistics.of(place, IndicatorService.year(year)).table(), place, user);
        }
        return indicators.report(locality, year, user);
    }

    /** {@code map=2024} asks for the map before 1/7/2025, {@code 2025} or none for today's; anything else is refused. */
    static boolean formerMap(@Nullable String map) {
        String given = map == null ? "" : map.strip();
        if (given.isEmpty() || given.equals("2025")) {
            return false;
        }
        if (given.equals("2024")) {
            return true;
        }
        throw new vn.khuyenhoc.shared.InvalidInputException(
                "map", "Bản đồ “" + given + "” không hợp lệ: 2024 (trước 01/7/2025) hoặc 2025 (hiện nay).");
    }
}
