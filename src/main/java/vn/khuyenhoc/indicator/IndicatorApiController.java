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

    IndicatorApiController(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @GetMapping("/api/v1/indicators")
    IndicatorReport indicators(
            @RequestParam(required = false) @Nullable String locality,
            @RequestParam(required = false) @Nullable Integer year,
            @AuthenticationPrincipal SignedInUser user) {
        return indicators.report(locality, year, user);
    }
}
