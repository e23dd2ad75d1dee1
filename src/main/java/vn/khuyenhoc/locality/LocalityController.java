package vn.khuyenhoc.locality;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.VietnameseText;

/** The locality browser (province → commune → village), search, and the village forms. */
@Controller
class LocalityController {

    private final LocalityService localities;

    LocalityController(LocalityService localities) {
        this.localities = localities;
    }

    @GetMapping("/localities")
    String root(@AuthenticationPrincipal SignedInUser user) {
        return "redirect:/localities/" + user.scopeCode();
    }

    @GetMapping("/localities/{code}")
    String show(
            @PathVariable String code,
            @RequestParam(defaultValue = "false") boolean retired,
            @RequestParam(required = false) @Nullable Integer page,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        LocalityView locality = localities.get(code, user);
        model.addAttribute("locality", locality);
        model.addAttribute("ancestors", localities.ancestors(locality, user));
        model.addAttribute("children", localities.children(code, user, retired, PageQuery.of(page, 100)));
        model.addAttribute("history", localities.history(locality, user));
        model.addAttribute("retired", retired);
        return "locality/detail";
    }

    @GetMapping("/localities/search")
    String search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(defaultValue = "false") boolean former,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        fillSearch(q, page, former, user, model);
        return "locality/search";
    }

    @HxRequest
    @GetMapping("/localities/search")
    String searchRows(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(defaultValue = "false") boolean former,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        fillSearch(q, page, former, user, model);
        return "locality/search :: results";
    }

    /**
     * The suggestions under a locality field of a form (fragment {@code shared/locality-picker :: suggestions}); the
     * typed text comes in the parameter named by {@code field}, as htmx sends the input by its name.
     */
    @GetMapping("/localities/suggestions")
    String suggestions(
            @RequestParam String field,
            @RequestParam(defaultValue = "false") boolean villagesOnly,
            @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        model.addAttribute("field", field);
        model.addAttribute("suggestions", localities.suggest(params.getOrDefault(field, ""), user, villagesOnly));
        return "shared/locality-picker :: suggestions";
    }

    /** Today's map, or with {@code former} the map before 1/7/2025 (as it stood on its last day). */
    private void fillSearch(String q, @Nullable Integer page, boolean former, SignedInUser user, Model model) {
        String text = VietnameseText.cleanOrEmpty(q);
        model.addAttribute("q", text);
        model.addAttribute("former", former);
        model.addAttribute(
                "results",
                text.isEmpty()
                        ? null
                        : former
                                ? localities.searchOn(text, FormerMap.LAST_DAY, null, user, PageQuery.of(page, 50))
                                : localities.search(text, user, PageQuery.of(page, 50)));
    }

    @GetMapping("/localities/{code}/villages/new")
    String newVillage(@PathVariable String code, @AuthenticationPrincipal SignedInUser user, Model model) {
        LocalityService.requireEditor(user);
        model.addAttribute("commune", localities.get(code, user));
        model.addAttribute("kinds", localities.villageKinds());
        model.addAttribute("form", new LocalityService.VillageDraft("", "THON", LocalDate.now()));
        return "locality/village-form";
    }

    @PostMapping("/localities/{code}/villages")
    String createVillage(
            @PathVariable String code,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate validFrom,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        var draft = new LocalityService.VillageDraft(name, kind, validFrom);
        try {
            LocalityView village = localities.createVillage(code, draft, user);
            redirect.addFlashAttribute("message", "Đã thêm " + village.name() + " (mã " + village.code() + ").");
            return "redirect:/localities/" + encode(code);
        } catch (InvalidInputException e) {
            model.addAttribute("commune", localities.get(code, user));
            model.addAttribute("kinds", localities.villageKinds());
            model.addAttribute("form", draft);
            model.addAttribute("problems", e.problems());
            return "locality/village-form";
        }
    }

    @GetMapping("/localities/{code}/edit")
    String editVillage(@PathVariable String code, @AuthenticationPrincipal SignedInUser user, Model model) {
        LocalityService.requireEditor(user);
        LocalityView locality = localities.get(code, user);
        if (!locality.isVillage()) {
            throw new InvalidInputException("code", "Chỉ thôn, tổ dân phố mới được đổi tên, giải thể tại đây.");
        }
        model.addAttribute("locality", locality);
        model.addAttribute("neighbours", neighbours(locality, user));
        model.addAttribute("today", LocalDate.now());
        return "locality/village-edit";
    }

    @PostMapping("/localities/{code}/rename")
    String rename(
            @PathVariable String code,
            @RequestParam(defaultValue = "") String name,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        try {
            LocalityView village = localities.renameVillage(code, name, version, user);
            redirect.addFlashAttribute("message", "Đã đổi tên thành " + village.name() + ".");
            return "redirect:/localities/" + encode(code);
        } catch (InvalidInputException | ConflictException e) {
            return editAgain(code, user, model, e, name);
        }
    }

    @PostMapping("/localities/{code}/retire")
    String retire(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate effectiveOn,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String recordsTo,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        try {
            if (effectiveOn == null) {
                throw new InvalidInputException("effectiveOn", "Hãy nhập ngày hiệu lực.");
            }
            localities.retireVillage(code, effectiveOn, note, version, recordsTo, user);
            redirect.addFlashAttribute(
                    "message", "Đã ghi nhận giải thể từ ngày " + vn.khuyenhoc.shared.Lifespan.day(effectiveOn) + ".");
            return "redirect:/localities/" + encode(code);
        } catch (InvalidInputException | ConflictException e) {
            return editAgain(code, user, model, e, null);
        }
    }

    private String editAgain(String code, SignedInUser user, Model model, RuntimeException e, @Nullable String name) {
        LocalityView locality = localities.get(code, user);
        model.addAttribute("locality", locality);
        model.addAttribute("neighbours", neighbours(locality, user));
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("typedName", name);
        model.addAttribute("problems", problemsOf(e));
        return "locality/village-edit";
    }

    @GetMapping("/localities/{code}/merge")
    String mergeForm(@PathVariable String code, @AuthenticationPrincipal SignedInUser user, Model model) {
        LocalityService.requireEditor(user);
        fillMerge(code, user, model, List.of());
        model.addAttribute("form", new LocalityService.VillageDraft("", "THON", LocalDate.now()));
        model.addAttribute("chapters", LocalityService.ChapterChoice.none());
        return "locality/merge";
    }

    @PostMapping("/localities/{code}/merge")
    String merge(
            @PathVariable String code,
            @RequestParam(name = "villages", required = false) @Nullable List<String> villages,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate effectiveOn,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String chapterContinuesFrom,
            @RequestParam(defaultValue = "false") boolean chapterBranches,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        List<String> chosen = villages == null ? List.of() : villages;
        var draft = new LocalityService.VillageDraft(name, kind, effectiveOn);
        var chapters = new LocalityService.ChapterChoice(chapterContinuesFrom, chapterBranches);
        try {
            LocalityView merged = localities.mergeVillages(chosen, draft, note, chapters, user);
            redirect.addFlashAttribute(
                    "message", "Đã sáp nhập " + chosen.size() + " thôn, tổ dân phố thành " + merged.name() + ".");
            return "redirect:/localities/" + encode(merged.code());
        } catch (InvalidInputException e) {
            fillMerge(code, user, model, chosen);
            model.addAttribute("form", draft);
            model.addAttribute("note", note);
            model.addAttribute("chapters", chapters);
            model.addAttribute("problems", e.problems());
            return "locality/merge";
        }
    }

    private void fillMerge(String code, SignedInUser user, Model model, List<String> chosen) {
        model.addAttribute("commune", localities.get(code, user));
        model.addAttribute("villages", localities.children(code, user, false, new PageQuery(0, PageQuery.MAX_SIZE)));
        model.addAttribute("kinds", localities.villageKinds());
        model.addAttribute("chosen", chosen);
    }

    /** The other current villages of the same commune: where a retired village's records may go. */
    private List<LocalityView> neighbours(LocalityView locality, SignedInUser user) {
        if (!locality.isVillage() || locality.parentCode() == null) {
            return List.of();
        }
        return localities
                .children(locality.parentCode(), user, false, new PageQuery(0, PageQuery.MAX_SIZE))
                .items()
                .stream()
                .filter(v -> !v.code().equals(locality.code()))
                .toList();
    }

    private static List<InvalidInputException.FieldProblem> problemsOf(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems();
        }
        return List.of(new InvalidInputException.FieldProblem("version", e.getMessage()));
    }

    private static String encode(String code) {
        return UriUtils.encodePathSegment(code, java.nio.charset.StandardCharsets.UTF_8);
    }
}
