package vn.khuyenhoc.indicator.reported;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.indicator.IndicatorDefinition;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.HeldUploads;
import vn.khuyenhoc.shared.ImportPage;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.VietnameseText;

/** The pages of reported figures: a table per locality and year, the import, and the crosswalk of split communes. */
@Controller
class ReportedFigureController {

    private static final ImportPage IMPORT_PAGE = new ImportPage(
            "Nhập số liệu đã báo cáo từ tệp",
            "/reported-figures",
            "mau-so-lieu-bao-cao",
            ReportedFigureService.COLUMNS);

    private final ReportedFigureService figures;
    private final Crosswalk crosswalk;
    private final LocalityService localities;

    private final HeldUploads held;

    ReportedFigureController(
            ReportedFigureService figures, Crosswalk crosswalk, LocalityService localities, HeldUploads held) {
        this.held = held;
        this.figures = figures;
        this.crosswalk = crosswalk;
        this.localities = localities;
    }

    @GetMapping("/reported-figures")
    String page(
            @RequestParam(required = false) @Nullable String locality,
            @RequestParam(required = false) @Nullable Integer year,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        fill(locality, year, user, model);
        return "indicator/reported";
    }

    private void fill(@Nullable String locality, @Nullable Integer year, SignedInUser user, Model model) {
        String code = VietnameseText.cleanOrEmpty(locality);
        LocalityView place = localities.get(code.isEmpty() ? user.scopeCode() : code, user);
        int chosen = year == null ? ReportedFigureService.FIRST_YEAR : year;
        List<ReportedFigureService.Row> rows = figures.list(place.code(), chosen, user);
        Map<String, ReportedFigureService.Row> own = new HashMap<>();
        rows.stream().filter(r -> r.localityCode().equals(place.code())).forEach(r -> own.put(r.indicator(), r));
        model.addAttribute("place", place);
        model.addAttribute("year", chosen);
        model.addAttribute(
                "years",
                IntStream.rangeClosed(ReportedFigureService.FIRST_YEAR, ReportedFigureService.LAST_YEAR)
                        .boxed()
                        .toList());
        model.addAttribute("indicators", Arrays.asList(IndicatorDefinition.values()));
        model.addAttribute("own", own);
        model.addAttribute("rows", rows);
        model.addAttribute("labels", indicatorLabels());
        model.addAttribute(
                "source",
                own.values().stream()
                        .map(ReportedFigureService.Row::source)
                        .findFirst()
                        .orElse(""));
    }

    /** The page's table: one figure per indicator whose numerator or denominator is filled; all saved or none. */
    @PostMapping("/reported-figures")
    String save(
            @RequestParam String locality,
            @RequestParam int year,
            @RequestParam(defaultValue = "") String source,
            @RequestParam(defaultValue = "false") boolean correction,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        List<ReportedFigureService.Entry> entries = new ArrayList<>();
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        for (IndicatorDefinition definition : IndicatorDefinition.values()) {
            String numerator =
                    params.getOrDefault("numerator." + definition.code(), "").strip();
            String denominator =
                    params.getOrDefault("denominator." + definition.code(), "").strip();
            if (numerator.isEmpty() && denominator.isEmpty()) {
                continue;
            }
            entries.add(new ReportedFigureService.Entry(
                    locality,
                    year,
                    definition.code(),
                    number(numerator, "numerator." + definition.code(), definition, problems),
                    number(denominator, "denominator." + definition.code(), definition, problems),
                    source,
                    correction,
                    reason));
        }
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            if (entries.isEmpty()) {
                throw new InvalidInputException("numerator", "Hãy nhập tử số và mẫu số của ít nhất một chỉ số.");
            }
            int saved = figures.saveAll(entries, user);
            redirect.addFlashAttribute("message", "Đã lưu " + saved + " số liệu đã báo cáo.");
            return "redirect:/reported-figures?locality=" + locality + "&year=" + year;
        } catch (InvalidInputException e) {
            fill(locality, year, user, model);
            model.addAttribute("problems", e.problems());
            model.addAttribute("params", params);
            return "indicator/reported";
        }
    }

    private static @Nullable Long number(
            String text,
            String field,
            IndicatorDefinition definition,
            List<InvalidInputException.FieldProblem> problems) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            problems.add(new InvalidInputException.FieldProblem(
                    field, definition.label() + ": “" + text + "” không phải số nguyên."));
            return null;
        }
    }

    @GetMapping("/reported-figures/import")
    String importPage(@AuthenticationPrincipal SignedInUser user, Model model) {
        ReportedFigureService.requireEntrant(user);
        return IMPORT_PAGE.show(model, null);
    }

    @PostMapping("/reported-figures/import")
    String importFile(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String heldFile,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @AuthenticationPrincipal SignedInUser user,
            Model model)
            throws IOException {
        ReportedFigureService.requireEntrant(user);
        return IMPORT_PAGE.upload(
                file, heldFile, dryRun, model, held, user, (table, dry) -> figures.importFile(table, dry, user));
    }

    @GetMapping("/reported-figures/import/template.xlsx")
    void template(@AuthenticationPrincipal SignedInUser user, HttpServletResponse response) throws IOException {
        ReportedFigureService.requireEntrant(user);
        IMPORT_PAGE.template(
                response,
                List.of(),
                "Chỉ số",
                List.of("Mã chỉ số", "Tên chỉ số"),
                Arrays.stream(IndicatorDefinition.values())
                        .map(d -> List.of(d.code(), d.label()))
                        .toList());
    }

    @GetMapping("/reported-figures/crosswalk")
    String crosswalk(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("splits", crosswalk.splits(user));
        return "indicator/crosswalk";
    }

    @PostMapping("/reported-figures/crosswalk/{code}")
    String share(
            @PathVariable String code,
            @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        Map<String, BigDecimal> shares = new HashMap<>();
        try {
            params.forEach((name, value) -> {
                if (name.startsWith("share.")) {
                    try {
                        shares.put(
                                name.substring(6), new BigDecimal(value.strip().replace(',', '.')));
                    } catch (NumberFormatException e) {
                        throw new InvalidInputException(
                                "shares." + name.substring(6), "Tỷ lệ “" + value + "” không phải số.");
                    }
                }
            });
            Crosswalk.Split split = crosswalk.share(code, shares, user);
            redirect.addFlashAttribute("message", "Đã lưu tỷ lệ chia số liệu của " + split.name() + ".");
            return "redirect:/reported-figures/crosswalk";
        } catch (InvalidInputException e) {
            model.addAttribute("splits", crosswalk.splits(user));
            model.addAttribute("problems", e.problems());
            model.addAttribute("failed", code);
            return "indicator/crosswalk";
        }
    }

    /** The catalogue's names by code: a list shows the indicator's name, never its code. */
    private static java.util.Map<String, String> indicatorLabels() {
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (vn.khuyenhoc.indicator.IndicatorDefinition d : vn.khuyenhoc.indicator.IndicatorDefinition.values()) {
            labels.put(d.code(), d.label());
        }
        return labels;
    }
}
