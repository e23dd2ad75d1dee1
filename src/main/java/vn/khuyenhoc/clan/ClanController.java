package vn.khuyenhoc.clan;

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

/** Pages of the clan registry: list with filters, detail, form, close, import and export. */
@Controller
class ClanController {

    private static final ImportPage IMPORT_PAGE = new ImportPage(
            "Nhập dòng họ, hội đồng hương, cơ sở tôn giáo từ tệp", "/clans", "mau-dong-ho", ClanImport.COLUMNS);

    private final ClanService clans;
    private final ClanImport imports;
    private final LocalityService localities;

    private final HeldUploads held;

    ClanController(ClanService clans, ClanImport imports, LocalityService localities, HeldUploads held) {
        this.held = held;
        this.clans = clans;
        this.imports = imports;
        this.localities = localities;
    }

    @GetMapping("/clans")
    String list(
            ClanSearch search,
            @RequestParam(required = false) @Nullable Integer page,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        model.addAttribute("search", search);
        model.addAttribute("results", clans.search(search, user, PageQuery.of(page, 50)));
        model.addAttribute("kinds", ClanKind.values());
        return "clan/list";
    }

    @GetMapping("/clans/export")
    void export(
            ClanSearch search,
            @RequestParam(defaultValue = "xlsx") String format,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response)
            throws IOException {
        ExportFormat chosen = ExportFormat.of(format);
        clans.export(search, user, chosen, chosen.download(response, "dong-ho"));
    }

    @GetMapping("/clans/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("clan", clans.get(id, user));
        model.addAttribute("today", LocalDate.now());
        return "clan/detail";
    }

    @GetMapping("/clans/new")
    String newForm(@AuthenticationPrincipal SignedInUser user, Model model) {
        user.requireWriter();
        return form(model, ClanForm.empty(), null, List.of());
    }

    @GetMapping("/clans/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        user.requireWriter();
        return form(model, ClanForm.of(clans.get(id, user)), id, List.of());
    }

    @PostMapping("/clans")
    String create(ClanForm form, @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        return FormSubmission.submit(
                () -> {
                    ClanView created = clans.create(form, user);
                    redirect.addFlashAttribute("message", "Đã thêm " + created.name() + ".");
                    return "redirect:/clans/" + created.id();
                },
                problems -> form(model, form, null, problems));
    }

    @PostMapping("/clans/{id}")
    String update(
            @PathVariable long id,
            ClanForm form,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        return FormSubmission.submit(
                () -> {
                    ClanView saved = clans.update(id, form, user);
                    redirect.addFlashAttribute("message", "Đã lưu " + saved.name() + ".");
                    return "redirect:/clans/" + id;
                },
                problems -> form(model, form, id, problems));
    }

    @PostMapping("/clans/{id}/close")
    String close(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate closedOn,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        FormSubmission.act(
                () -> clans.close(id, closedOn == null ? LocalDate.now() : closedOn, version, user),
                "Đã ghi nhận ngừng hoạt động.",
                redirect);
        return "redirect:/clans/" + id;
    }

    @GetMapping("/clans/import")
    String importPage(@AuthenticationPrincipal SignedInUser user, Model model) {
        user.requireImporter();
        return IMPORT_PAGE.show(model, null);
    }

    @PostMapping("/clans/import")
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

    @GetMapping("/clans/import/template.xlsx")
    void template(@AuthenticationPrincipal SignedInUser user, HttpServletResponse response) throws IOException {
        IMPORT_PAGE.template(response, localities.templateRows(user));
    }

    private String form(
            Model model, ClanForm form, @Nullable Long id, List<InvalidInputException.FieldProblem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("kinds", ClanKind.values());
        model.addAttribute("problems", problems);
        return "clan/form";
    }
}
