package vn.khuyenhoc.indicator;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khuyenhoc.association.ChapterCoverage;
import vn.khuyenhoc.association.HostType;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.RegistryFilter;
import vn.khuyenhoc.shared.SignedInUser;

/** The coverage page: KH 102's three figures for a locality and year, by commune, with who is missing. */
@Controller
class CoverageController {

    private final IndicatorService indicators;
    private final ChapterCoverage coverage;

    CoverageController(IndicatorService indicators, ChapterCoverage coverage) {
        this.indicators = indicators;
        this.coverage = coverage;
    }

    @GetMapping("/coverage")
    String coverage(
            @RequestParam(required = false) @Nullable String locality,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String gap,
            @RequestParam(required = false) @Nullable Integer page,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        LocalityView place = indicators.locality(locality, user);
        int chosen = IndicatorService.year(year);
        HostType chosenGap = RegistryFilter.oneOf("gap", gap, HostType.values(), HostType::label);
        HostType gapType = chosenGap == null ? HostType.VILLAGE : chosenGap;
        model.addAttribute("place", place);
        model.addAttribute("year", chosen);
        model.addAttribute("years", ProgrammeYear.oldestFirst());
        LocalDate asOf = ProgrammeYear.referenceDate(chosen);
        model.addAttribute("asOf", asOf);
        ChapterCoverage.Result result = coverage.coverage(place.path(), chosen, asOf);
        model.addAttribute("report", indicators.report(place, chosen, asOf, result));
        model.addAttribute("result", result);
        model.addAttribute("hostTypes", HostType.values());
        model.addAttribute("gapType", gapType);
        model.addAttribute("gaps", coverage.gaps(place.path(), chosen, asOf, gapType, PageQuery.of(page, 50)));
        return "indicator/coverage";
    }
}
