package vn.khuyenhoc.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khuyenhoc.criteria.Title;
import vn.khuyenhoc.criteria.TitleLevel;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.SignedInUser;

/** The QĐ 387 recognition rates by commune against both denominators, and the funnel of each title in the year. */
@Controller
class RecognitionController {

    /** The funnel of one title and level. */
    record TitleFunnel(Title title, TitleLevel level, Funnel funnel) {}

    private final RecognitionFigures figures;
    private final RoundService rounds;

    RecognitionController(RecognitionFigures figures, RoundService rounds) {
        this.figures = figures;
        this.rounds = rounds;
    }

    @GetMapping("/recognition")
    String rates(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String locality,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        int chosen = ProgrammeYear.check(year, "year");
        String within = rounds.within(locality, user);
        List<TitleFunnel> funnels = new ArrayList<>();
        for (Title title : Title.values()) {
            for (TitleLevel level : title.levels()) {
                funnels.add(new TitleFunnel(
                        title, level, figures.funnel(title, level, chosen, null, within, LocalDate.now())));
            }
        }
        model.addAttribute("year", chosen);
        model.addAttribute("locality", locality);
        model.addAttribute("years", ProgrammeYear.newestFirst());
        model.addAttribute("kinds", RecognitionFigures.RateKind.values());
        model.addAttribute("table", figures.rates(chosen, ProgrammeYear.referenceDate(chosen), within));
        model.addAttribute("byVillage", within.split("\\.").length >= 2);
        model.addAttribute("funnels", funnels);
        return "evaluation/recognition";
    }
}
