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
    private final PublicStatistics statistics;

    IndicatorApiController(IndicatorService indicators, PublicStatistics statistics) {
        this.indicators = indicators;
        this.statistics = statistics;
    }

    /** The province's indicators in total and by commune, without sign-in (aggregates only). */
    @GetMapping("/api/v1/public/indicators")
    IndicatorService.IndicatorTable publicIndicators(@RequestParam(required = false) @Nullable Integer year) {
        return statistics.of(year).table();
    }

    @GetMapping("/api/v1/indicators")
    IndicatorReport indicators(
            @RequestParam(required = false) @Nullable String locality,
            @RequestParam(required = false) @Nullable Integer year,
            @AuthenticationPrincipal SignedInUser user) {
        return indicators.report(locality, year, user);
    }
}
