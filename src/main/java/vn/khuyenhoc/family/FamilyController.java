package vn.khuyenhoc.family;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.shared.ExportFormat;
import vn.khuyenhoc.shared.FormSubmission;
import vn.khuyenhoc.shared.HeldUploads;
import vn.khuyenhoc.shared.ImportPage;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.SignedInUser;

/** Pages of the household registry: list with filters, detail, form, close, import and export. */
@Controller
class FamilyController {

    private static final ImportPage IMPORT_PAGE = new ImportPage(
            "Nhập hộ gia đình từ tệp",
            "/families",
            "mau-ho-gia-dinh",
            FamilyImport.COLUMNS,
            "Vẫn lưu các hộ có thể trùng với hộ đã có");

    private final FamilyService families;
    private final FamilyImport imports;
    private final LocalityService localities;

    private final HeldUploads held;

    FamilyController(FamilyService families, FamilyImport imports, LocalityService localities, HeldUploads held) {
        this.held = held;
        this.families = families;
        this.imports = imports;
        this.localities = localities;
    }

    @GetMapping("/families")
    String list(
            FamilySearch search,
            @RequestParam(required = false) @Nullable Integer page,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        model.addAttribute("search", search);
        model.addAttribute(
                "results", families.search(search, user, PageQuery.of(page, 50), FamilyService.PAGE_COUNT_LIMIT));
        model.addAttribute("countLimit", FamilyService.PAGE_COUNT_LIMIT);
        return "family/list";
    }

    @GetMapping("/families/export")
    void export(
            FamilySearch search,
            @RequestParam(defaultValue = "xlsx") String format,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response)
            throws IOException {
        ExportFormat chosen = ExportFormat.of(format);
        families.export(search, user, chosen, chosen.download(response, "ho-gia-dinh"));
    }

    @GetMapping("/families/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("family", families.get(id, user));
        model.addAttribute("today", LocalDate.now());
        return "family/detail";
    }

    @GetMapping("/families/new")
    String newForm(
            @RequestParam(required = false) @Nullable String villageCode,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        user.requireWriter();
        return form(model, FamilyForm.empty(villageCode), null, List.of());
    }

    @GetMapping("/families/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        user.requireWriter();
        return form(model, FamilyForm.of(families.get(id, user)), id, List.of());
    }

    @PostMapping("/families")
    String create(
            FamilyForm form, @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        return FormSubmission.submit(
                () -> {
                    FamilyView created = families.create(form, user);
                    redirect.addFlashAttribute("message", "Đã thêm hộ " + created.headName() + ".");
                    return "redirect:/families/" + created.id();
                },
                problems -> form(model, form, null, problems));
    }

    @PostMapping("/families/{id}")
    String update(
            @PathVariable long id,
            FamilyForm form,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        return FormSubmission.submit(
                () -> {
                    FamilyView saved = families.update(id, form, user);
                    redirect.addFlashAttribute("message", "Đã lưu hộ " + saved.headName() + ".");
                    return "redirect:/families/" + id;
                },
                problems -> form(model, form, id, problems));
    }

    @PostMapping("/families/{id}/close")
    String close(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate closedOn,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        FormSubmission.act(
                () -> families.close(id, closedOn == null ? LocalDate.now() : closedOn, version, user),
                "Đã ghi nhận ngừng theo dõi.",
                redirect);
        return "redirect:/families/" + id;
    }

    @GetMapping("/families/import")
    String importPage(@AuthenticationPrincipal SignedInUser user, Model model) {
        user.requireImporter();
        return IMPORT_PAGE.show(model, null);
    }

    @PostMapping("/families/import")
    String importFile(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String heldFile,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean acceptDuplicates,
            @AuthenticationPrincipal SignedInUser user,
            Model model)
            throws IOException {
        user.requireImporter();
        return IMPORT_PAGE.upload(
                file,
                heldFile,
                dryRun,
                model,
                held,
                user,
                (table, dry) -> imports.run(table, user, dry, acceptDuplicates));
    }

    @GetMapping("/families/import/template.xlsx")
    void template(@AuthenticationPrincipal SignedInUser user, HttpServletResponse response) throws IOException {
        IMPORT_PAGE.template(response, localities.templateRows(user));
    }

    private String form(
            Model model, FamilyForm form, @Nullable Long id, List<InvalidInputException.FieldProblem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("problems", problems);
        return "family/form";
    }
}
