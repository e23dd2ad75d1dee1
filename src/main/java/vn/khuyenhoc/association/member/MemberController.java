package vn.khuyenhoc.association.member;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.Year;
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
import vn.khuyenhoc.association.ChapterService;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.shared.ExportFormat;
import vn.khuyenhoc.shared.FormSubmission;
import vn.khuyenhoc.shared.HeldUploads;
import vn.khuyenhoc.shared.ImportPage;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.SignedInUser;

/** Pages of the rosters: list with filters (per chapter or per locality), member page, form, leaving, export. */
@Controller
class MemberController {

    private static final ImportPage IMPORT_PAGE =
            new ImportPage("Nhập hội viên từ tệp", "/members", "mau-hoi-vien", MemberImport.COLUMNS);

    private static final ImportPage LEARNING_CITIZEN_PAGE = new ImportPage(
            "Nhập kết quả Công dân học tập",
            "/members/learning-citizens",
            "mau-cong-dan-hoc-tap",
            LearningCitizenImport.COLUMNS);

    private final MemberService members;
    private final MemberImport imports;
    private final LearningCitizenImport learningCitizens;
    private final ChapterService chapters;
    private final LocalityService localities;

    private final HeldUploads held;

    MemberController(
            MemberService members,
            MemberImport imports,
            LearningCitizenImport learningCitizens,
            ChapterService chapters,
            LocalityService localities,
            HeldUploads held) {
        this.held = held;
        this.members = members;
        this.imports = imports;
        this.learningCitizens = learningCitizens;
        this.chapters = chapters;
        this.localities = localities;
    }

    @GetMapping("/members/learning-citizens")
    String learningCitizensBack() {
        return "redirect:/members";
    }

    @GetMapping("/members/learning-citizens/import")
    String learningCitizenPage(@AuthenticationPrincipal SignedInUser user, Model model) {
        user.requireImporter();
        return LEARNING_CITIZEN_PAGE.show(model, null);
    }

    @PostMapping("/members/learning-citizens/import")
    String learningCitizenImport(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String heldFile,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @AuthenticationPrincipal SignedInUser user,
            Model model)
            throws IOException {
        user.requireImporter();
        return LEARNING_CITIZEN_PAGE.upload(
                file, heldFile, dryRun, model, held, user, (table, dry) -> learningCitizens.run(table, user, dry));
    }

    @GetMapping("/members/learning-citizens/import/template.xlsx")
    void learningCitizenTemplate(@AuthenticationPrincipal SignedInUser user, HttpServletResponse response)
            throws IOException {
        LEARNING_CITIZEN_PAGE.template(response, localities.templateRows(user));
    }

    @GetMapping("/members/import")
    String importPage(@AuthenticationPrincipal SignedInUser user, Model model) {
        user.requireImporter();
        return IMPORT_PAGE.show(model, null);
    }

    @PostMapping("/members/import")
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

    /** The roster template: the chapter codes of the user's scope (or of one chapter) on a second sheet. */
    @GetMapping("/members/import/template.xlsx")
    void template(
            @RequestParam(required = false) @Nullable Long chapter,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response)
            throws IOException {
        List<List<String>> chapterRows = members.chapterRows(user, chapter);
        List<List<String>> rows = chapter == null || chapterRows.isEmpty()
                ? List.of()
                : List.of(List.of(chapterRows.get(0).get(0)));
        IMPORT_PAGE.template(
                response,
                rows,
                "Chi hội",
                List.of("Mã chi hội", "Tên chi hội, ban khuyến học", "Xã, phường"),
                chapterRows);
    }

    @GetMapping("/members")
    String list(
            MemberSearch search,
            @RequestParam(required = false) @Nullable Integer page,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        model.addAttribute("search", search);
        model.addAttribute("chapter", search.chapter() == null ? null : chapters.get(search.chapter(), user));
        model.addAttribute(
                "results", members.search(search, user, PageQuery.of(page, 50), MemberService.PAGE_COUNT_LIMIT));
        model.addAttribute("countLimit", MemberService.PAGE_COUNT_LIMIT);
        return "member/list";
    }

    @GetMapping("/members/export")
    void export(
            MemberSearch search,
            @RequestParam(defaultValue = "xlsx") String format,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response)
            throws IOException {
        ExportFormat chosen = ExportFormat.of(format);
        members.export(search, user, chosen, chosen.download(response, "hoi-vien"));
    }

    @GetMapping("/members/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("profile", members.profile(id, user));
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("thisYear", Year.now().getValue());
        return "member/detail";
    }

    @GetMapping("/members/new")
    String newForm(
            @RequestParam(required = false) @Nullable Long chapter,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        user.requireWriter();
        return form(model, MemberForm.empty(chapter), null, user, List.of());
    }

    @GetMapping("/members/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        user.requireWriter();
        MemberView m = members.get(id, user);
        MemberForm form = new MemberForm(
                m.chapterId(),
                m.fullName(),
                m.gender().name(),
                m.birthYear(),
                m.ethnicity(),
                m.role().name(),
                m.position(),
                m.joinedOn(),
                m.leftOn(),
                null,
                m.version());
        return form(model, form, id, user, List.of());
    }

    @PostMapping("/members")
    String create(
            MemberForm form, @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        return FormSubmission.submit(
                () -> {
                    MemberView created = members.create(form, user);
                    redirect.addFlashAttribute("message", "Đã thêm hội viên " + created.fullName() + ".");
                    return "redirect:/members?chapter=" + created.chapterId();
                },
                problems -> form(model, form, null, user, problems));
    }

    @PostMapping("/members/{id}")
    String update(
            @PathVariable long id,
            MemberForm form,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        return FormSubmission.submit(
                () -> {
                    MemberView saved = members.update(id, form, user);
                    redirect.addFlashAttribute("message", "Đã lưu hồ sơ " + saved.fullName() + ".");
                    return "redirect:/members/" + id;
                },
                problems -> form(model, form, id, user, problems));
    }

    @PostMapping("/members/{id}/leave")
    String leave(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate leftOn,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        FormSubmission.act(
                () -> members.leave(id, leftOn == null ? LocalDate.now() : leftOn, version, user),
                "Đã ghi nhận rời hội.",
                redirect);
        return "redirect:/members/" + id;
    }

    @PostMapping("/members/{id}/learning-citizen")
    String learningCitizen(
            @PathVariable long id,
            @RequestParam int year,
            @RequestParam boolean recognised,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        try {
            members.recordStatus(id, year, recognised, user);
            redirect.addFlashAttribute("message", "Đã ghi nhận kết quả Công dân học tập năm " + year + ".");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/members/" + id;
    }

    private String form(
            Model model,
            MemberForm form,
            @Nullable Long id,
            SignedInUser user,
            List<InvalidInputException.FieldProblem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("problems", problems);
        model.addAttribute(
                "chapter",
                form.chapterId() == null
                        ? null
                        : chapters.find(form.chapterId(), user).orElse(null));
        model.addAttribute("genders", Gender.values());
        model.addAttribute("roles", MemberRole.values());
        return "member/form";
    }
}
