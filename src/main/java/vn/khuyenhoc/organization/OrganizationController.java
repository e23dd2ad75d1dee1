package vn.khuyenhoc.organization;

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

/** Pages of the organization registry: list with filters, detail, form, close, import and export. */
@Controller
class OrganizationController {

    private static final ImportPage IMPORT_PAGE = new ImportPage(
            "Nhập cơ quan, đơn vị từ tệp", "/organizations", "mau-co-quan-don-vi", OrganizationImport.COLUMNS);

    private final OrganizationService organizations;
    private final OrganizationImport imports;
    private final LocalityService localities;

    private final HeldUploads held;

    OrganizationController(
            OrganizationService organizations,
            OrganizationImport imports,
            LocalityService localities,
            HeldUploads held) {
        this.held = held;
        this.organizations = organizations;
        this.imports = imports;
        this.localities = localities;
    }

    @GetMapping("/organizations")
    String list(
            OrganizationSearch search,
            @RequestParam(required = false) @Nullable Integer page,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        model.addAttribute("search", search);
        model.addAttribute("results", organizations.search(search, user, PageQuery.of(page, 50)));
        model.addAttribute("kinds", OrganizationKind.values());
        return "organization/list";
    }

    @GetMapping("/organizations/export")
    void export(
            OrganizationSearch search,
            @RequestParam(defaultValue = "xlsx") String format,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response)
            throws IOException {
        ExportFormat chosen = ExportFormat.of(format);
        organizations.export(search, user, chosen, chosen.download(response, "co-quan-don-vi"));
    }

    @GetMapping("/organizations/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("organization", organizations.get(id, user));
        model.addAttribute("today", LocalDate.now());
        return "organization/detail";
    }

    @GetMapping("/organizations/new")
    String newForm(@AuthenticationPrincipal SignedInUser user, Model model) {
        user.requireWriter();
        return form(model, OrganizationForm.empty(), null, List.of());
    }

    @GetMapping("/organizations/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        user.requireWriter();
        return form(model, OrganizationForm.of(organizations.get(id, user)), id, List.of());
    }

    @PostMapping("/organizations")
    String create(
            OrganizationForm form,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        return FormSubmission.submit(
                () -> {
                    OrganizationView created = organizations.create(form, user);
                    redirect.addFlashAttribute("message", "Đã thêm " + created.name() + ".");
                    return "redirect:/organizations/" + created.id();
                },
                problems -> form(model, form, null, problems));
    }

    @PostMapping("/organizations/{id}")
    String update(
            @PathVariable long id,
            OrganizationForm form,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        return FormSubmission.submit(
                () -> {
                    OrganizationView saved = organizations.update(id, form, user);
                    redirect.addFlashAttribute("message", "Đã lưu " + saved.name() + ".");
                    return "redirect:/organizations/" + id;
                },
                problems -> form(model, form, id, problems));
    }

    @PostMapping("/organizations/{id}/close")
    String close(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate closedOn,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        FormSubmission.act(
                () -> organizations.close(id, closedOn == null ? LocalDate.now() : closedOn, version, user),
                "Đã ghi nhận ngừng hoạt động.",
                redirect);
        return "redirect:/organizations/" + id;
    }

    @GetMapping("/organizations/import")
    String importPage(@AuthenticationPrincipal SignedInUser user, Model model) {
        user.requireImporter();
        return IMPORT_PAGE.show(model, null);
    }

    @PostMapping("/organizations/import")
    String importFile(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String heldFile,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @AuthenticationPrincipal SignedInUser user,
            Model model)
            throws IOException {
        user.requireImporter();
        return IMPORT_PAGE.upload(
                file, heldFile, dryRun, model, held, user, (table, dry) -> imports.run(table, user, dry));
    }

    @GetMapping("/organizations/import/template.xlsx")
    void template(@AuthenticationPrincipal SignedInUser user, HttpServletResponse response) throws IOException {
        IMPORT_PAGE.template(response, localities.templateRows(user));
    }

    private String form(
            Model model, OrganizationForm form, @Nullable Long id, List<InvalidInputException.FieldProblem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("kinds", OrganizationKind.values());
        model.addAttribute("schoolLevels", SchoolLevel.values());
        model.addAttribute("managingLevels", ManagingLevel.values());
        model.addAttribute("problems", problems);
        return "organization/form";
    }
}
