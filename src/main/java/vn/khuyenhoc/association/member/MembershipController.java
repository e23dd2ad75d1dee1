package vn.khuyenhoc.association.member;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.HeldUploads;
import vn.khuyenhoc.shared.ImportPage;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * Membership figures per commune (members, officers, by chapter kind, % of the population, change since last year)
 * and the population of each commune per year, which a province administrator enters.
 */
@Controller
class MembershipController {

    private static final ImportPage POPULATION_PAGE =
            new ImportPage("Nhập dân số xã, phường", "/membership/populations", "mau-dan-so", Populations.COLUMNS);

    private final MembershipFigures figures;
    private final Populations populations;
    private final LocalityService localities;

    private final HeldUploads held;

    MembershipController(
            MembershipFigures figures, Populations populations, LocalityService localities, HeldUploads held) {
        this.held = held;
        this.figures = figures;
        this.populations = populations;
        this.localities = localities;
    }

    @GetMapping("/membership/populations")
    String populationsBack() {
        return "redirect:/membership";
    }

    @GetMapping("/membership/populations/import")
    String populationImportPage(Model model) {
        return POPULATION_PAGE.show(model, null);
    }

    @PostMapping("/membership/populations/import")
    String populationImport(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String heldFile,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @AuthenticationPrincipal SignedInUser user,
            Model model)
            throws IOException {
        Populations.requireAdministrator(user);
        return POPULATION_PAGE.upload(
                file, heldFile, dryRun, model, held, user, (table, dry) -> populations.run(table, user, dry));
    }

    @GetMapping("/membership/populations/import/template.xlsx")
    void populationTemplate(@AuthenticationPrincipal SignedInUser user, HttpServletResponse response)
            throws IOException {
        POPULATION_PAGE.template(
                response,
                localities.templateRows(user).stream()
                        .filter(row -> row.get(0).matches("\\d{5}"))
                        .toList());
    }

    @GetMapping("/membership")
    String membership(
            @RequestParam(required = false) @Nullable String locality,
            @RequestParam(required = false) @Nullable Integer year,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        LocalityView place = place(locality, user);
        int chosen = year(year);
        List<MembershipFigures.Row> rows = figures.byCommune(place.path(), user.scopePath(), chosen);
        model.addAttribute("place", place);
        model.addAttribute("year", chosen);
        model.addAttribute("years", ProgrammeYear.newestFirst());
        model.addAttribute("rows", rows);
        model.addAttribute(
                "members",
                rows.stream().mapToLong(MembershipFigures.Row::members).sum());
        model.addAttribute(
                "officers",
                rows.stream().mapToLong(MembershipFigures.Row::officers).sum());
        model.addAttribute(
                "previous",
                rows.stream().mapToLong(MembershipFigures.Row::previous).sum());
        boolean everyPopulation = !rows.isEmpty() && rows.stream().allMatch(r -> r.population() != null);
        model.addAttribute(
                "population",
                everyPopulation ? rows.stream().mapToLong(r -> r.population()).sum() : null);
        return "member/membership";
    }

    /** A province administrator enters the population of the communes shown, for one year. */
    @PostMapping("/membership/populations")
    String populations(
            @RequestParam int year,
            @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        int chosen = year(year);
        Map<String, String> typed = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("population-")) {
                typed.put(name.substring("population-".length()), value);
            }
        });
        try {
            int saved = populations.save(chosen, typed, user);
            redirect.addFlashAttribute("message", "Đã lưu dân số " + saved + " xã, phường năm " + chosen + ".");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage() + " Chưa lưu số nào.");
        }
        return "redirect:/membership?year=" + chosen;
    }

    private LocalityView place(@Nullable String code, SignedInUser user) {
        String cleaned = code == null ? "" : code.strip();
        return localities.get(cleaned.isEmpty() ? user.scopeCode() : cleaned, user);
    }

    private static int year(@Nullable Integer year) {
        return ProgrammeYear.check(year, "year");
    }
}
