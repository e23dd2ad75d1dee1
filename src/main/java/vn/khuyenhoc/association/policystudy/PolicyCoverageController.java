package vn.khuyenhoc.association.policystudy;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khuyenhoc.association.ChapterService;
import vn.khuyenhoc.association.ChapterView;
import vn.khuyenhoc.association.PolicyStudyCoverage;
import vn.khuyenhoc.association.StudyPeriod;
import vn.khuyenhoc.locality.LocalityLevel;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ExportFormat;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * The policy-study coverage of a locality and period, by commune, with the list of who studied what and who has not
 * (the next session's invitation list), per commune or chapter.
 */
@Controller
class PolicyCoverageController {

    private final PolicyStudyCoverage coverage;
    private final PolicyStudyService studies;
    private final LocalityService localities;
    private final ChapterService chapters;

    PolicyCoverageController(
            PolicyStudyCoverage coverage,
            PolicyStudyService studies,
            LocalityService localities,
            ChapterService chapters) {
        this.coverage = coverage;
        this.studies = studies;
        this.localities = localities;
        this.chapters = chapters;
    }

    @GetMapping("/policy-coverage")
    String coverage(
            @RequestParam(required = false) @Nullable String locality,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable Long chapter,
            @RequestParam(defaultValue = "true") boolean onlyNotStudied,
            @RequestParam(required = false) @Nullable Integer page,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        LocalityView place = place(locality, user);
        StudyPeriod chosen = StudyPeriod.parse(period, Year.now().getValue());
        ChapterView shownChapter = chapter == null ? null : chapters.get(chapter, user);
        model.addAttribute("place", place);
        model.addAttribute("period", chosen);
        model.addAttribute("periods", periods());
        model.addAttribute("result", coverage.coverage(place.path(), chosen));
        model.addAttribute("chapter", shownChapter);
        model.addAttribute("onlyNotStudied", onlyNotStudied);
        // the list of people is read per commune or chapter: a province has hundreds of thousands of members
        boolean listed = shownChapter != null || place.level() != LocalityLevel.PROVINCE;
        model.addAttribute(
                "people",
                listed
                        ? studies.studyStatus(
                                shownChapter != null ? shownChapter.localityPath() : place.path(),
                                chapter,
                                chosen,
                                onlyNotStudied,
                                user,
                                PageQuery.of(page, 50))
                        : null);
        return "policystudy/coverage";
    }

    @GetMapping("/policy-coverage/export")
    void export(
            @RequestParam(required = false) @Nullable String locality,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable Long chapter,
            @RequestParam(defaultValue = "true") boolean onlyNotStudied,
            @RequestParam(defaultValue = "xlsx") String format,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response)
            throws IOException {
        LocalityView place = place(locality, user);
        StudyPeriod chosen = StudyPeriod.parse(period, Year.now().getValue());
        String within = chapter != null ? chapters.get(chapter, user).localityPath() : place.path();
        ExportFormat chosenFormat = ExportFormat.of(format);
        studies.exportStudyStatus(
                within,
                chapter,
                chosen,
                onlyNotStudied,
                user,
                chosenFormat,
                chosenFormat.download(response, onlyNotStudied ? "chua-hoc-tap-quan-triet" : "hoc-tap-quan-triet"));
    }

    private LocalityView place(@Nullable String code, SignedInUser user) {
        String cleaned = code == null ? "" : code.strip();
        return localities.get(cleaned.isEmpty() ? user.scopeCode() : cleaned, user);
    }

    private static List<StudyPeriod> periods() {
        List<StudyPeriod> periods = new ArrayList<>();
        ProgrammeYear.newestFirst().forEach(year -> periods.add(StudyPeriod.year(year)));
        periods.add(StudyPeriod.parse("2021-2025", 0));
        periods.add(StudyPeriod.parse("2026-2030", 0));
        return periods;
    }
}
