package vn.khuyenhoc.indicator;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyenhoc.shared.SignedInUser;

@RestController
class IndicatorApiController {

    private final IndicatorService indicators;
    private final IndicatorSnapshots statistics;
    private final Plans plans;

    IndicatorApiController(IndicatorService indicators, IndicatorSnapshots statistics, Plans plans) {
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

    @GetMapping("/api/v1/indicators")
    IndicatorReport indicators(
            @RequestParam(required = false) @Nullable String locality,
            @RequestParam(required = false) @Nullable Integer year,
            @AuthenticationPrincipal SignedInUser user) {
        return indicators.report(locality, year, user);
    }
}
