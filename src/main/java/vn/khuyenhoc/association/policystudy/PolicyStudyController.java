package vn.khuyenhoc.association.policystudy;

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
import vn.khuyenhoc.association.ChapterService;
import vn.khuyenhoc.association.ChapterView;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.ExportFormat;
import vn.khuyenhoc.shared.HeldUploads;
import vn.khuyenhoc.shared.ImportPage;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.SignedInUser;

/** Pages of policy-study sessions: list, form, the attendance page (usable on a phone) and the document list. */
@Controller
class PolicyStudyController {

    private final PolicyStudyService studies;
    private final AttendanceImport attendance;
    private final PolicyDocuments documents;
    private final ChapterService chapters;

    private final HeldUploads held;

    PolicyStudyController(
            PolicyStudyService studies,
            AttendanceImport attendance,
            PolicyDocuments documents,
            ChapterService chapters,
            HeldUploads held) {
        this.held = held;
        this.studies = studies;
        this.attendance = attendance;
        this.documents = documents;
        this.chapters = chapters;
    }

    @GetMapping("/policy-studies")
    String list(
            PolicyStudySearch search,
            @RequestParam(required = false) @Nullable Integer page,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        model.addAttribute("search", search);
        model.addAttribute("results", studies.search(search, user, PageQuery.of(page, 50)));
        model.addAttribute("years", ProgrammeYear.newestFirst());
        return "policystudy/list";
    }

    @GetMapping("/policy-studies/new")
    String newForm(
            @RequestParam(required = false) @Nullable Long chapter,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        user.requireWriter();
        PolicyStudyForm form = new PolicyStudyForm(
                chapter == null ? user.scopeCode() : null, chapter, LocalDate.now(), null, List.of(), null);
        return form(model, form, null, user, List.of());
    }

    @PostMapping("/policy-studies")
    String create(
            PolicyStudyForm form,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        try {
            PolicyStudyView created = studies.create(form, user);
            redirect.addFlashAttribute("message", "Đã ghi buổi học. Hãy đánh dấu những người có mặt.");
            return "redirect:/policy-studies/" + created.id();
        } catch (InvalidInputException e) {
            return form(model, form, null, user, e.problems());
        }
    }

    @GetMapping("/policy-studies/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        user.requireWriter();
        PolicyStudyView s = studies.get(id, user);
        PolicyStudyForm form =
                new PolicyStudyForm(s.localityCode(), s.chapterId(), s.date(), s.title(), s.documents(), s.version());
        return form(model, form, id, user, List.of());
    }

    @PostMapping("/policy-studies/{id}")
    String update(
            @PathVariable long id,
            PolicyStudyForm form,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        try {
            studies.update(id, form, user);
            redirect.addFlashAttribute("message", "Đã lưu buổi học.");
            return "redirect:/policy-studies/" + id;
        } catch (InvalidInputException e) {
            return form(model, form, id, user, e.problems());
        } catch (ConflictException e) {
            return form(model, form, id, user, List.of(new FieldProblem("version", e.getMessage())));
        }
    }

    /**
     * The session and its attendance: a chapter's session shows its roster; a commune's or the province's shows the
     * roster of the chapter chosen from its list.
     */
    @GetMapping("/policy-studies/{id}")
    String detail(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long chapter,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        PolicyStudyView study = studies.get(id, user);
        model.addAttribute("study", study);
        Long shown = study.level() == StudyLevel.CHAPTER ? study.chapterId() : chapter;
        if (study.level() != StudyLevel.CHAPTER) {
            model.addAttribute("chapters", studies.chapters(study, user));
        }
        ChapterView shownChapter = shown == null ? null : chapters.get(shown, user);
        model.addAttribute("chapter", shownChapter);
        model.addAttribute("roster", shownChapter == null ? List.of() : studies.roster(study, shownChapter, user));
        return "policystudy/detail";
    }

    @PostMapping("/policy-studies/{id}/attendance")
    String attendance(
            @PathVariable long id,
            @RequestParam long chapter,
            @RequestParam(required = false) @Nullable List<Long> memberIds,
            @RequestParam(defaultValue = "false") boolean all,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        PolicyStudyView study = studies.get(id, user);
        List<Long> present = all
                ? studies.roster(study, chapters.get(chapter, user), user).stream()
                        .filter(r -> r.memberOn(study.date()))
                        .map(PolicyStudyQueries.RosterRow::id)
                        .toList()
                : memberIds == null ? List.of() : memberIds;
        try {
            PolicyStudyService.AttendanceChange change = studies.recordAttendance(id, present, chapter, user);
            redirect.addFlashAttribute(
                    "message",
                    "Đã lưu: " + present.size() + " người có mặt (thêm "
                            + change.added().size() + ", bỏ " + change.removed().size() + ").");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/policy-studies/" + id + "?chapter=" + chapter;
    }

    private static ImportPage attendancePage(long id) {
        return new ImportPage(
                "Nhập điểm danh từ tệp",
                "/policy-studies/" + id + "/attendance",
                "diem-danh",
                AttendanceImport.COLUMNS);
    }

    @GetMapping("/policy-studies/{id}/attendance")
    String backToStudy(@PathVariable long id) {
        return "redirect:/policy-studies/" + id;
    }

    @GetMapping("/policy-studies/{id}/attendance/import")
    String attendanceImportPage(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        user.requireImporter();
        studies.get(id, user);
        return attendancePage(id).show(model, null);
    }

    @PostMapping("/policy-studies/{id}/attendance/import")
    String attendanceImport(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String heldFile,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @AuthenticationPrincipal SignedInUser user,
            Model model)
            throws IOException {
        attendance.requireAllowed(id, user);
        return attendancePage(id)
                .upload(
                        file,
                        heldFile,
                        dryRun,
                        model,
                        held,
                        user,
                        (table, dry) -> attendance.run(id, table, user, dry));
    }

    /** The sheet to tick: the roster of a chapter on the day, with an x for those already recorded present. */
    @GetMapping("/policy-studies/{id}/attendance/import/template.xlsx")
    void attendanceTemplate(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long chapter,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response)
            throws IOException {
        PolicyStudyView study = studies.get(id, user);
        Long shown = study.level() == StudyLevel.CHAPTER ? study.chapterId() : chapter;
        List<List<String>> rows = shown == null
                ? List.of()
                : studies.roster(study, chapters.get(shown, user), user).stream()
                        .map(r -> List.of(String.valueOf(r.id()), r.fullName(), r.attended() ? "x" : ""))
                        .toList();
        attendancePage(id)
                .template(
                        response,
                        rows,
                        "Buổi học",
                        List.of("Buổi học", "Ngày", "Tổ chức"),
                        List.of(List.of(study.title(), study.date().toString(), study.organiser())));
    }

    @GetMapping("/policy-documents")
    String documents(Model model) {
        model.addAttribute("documents", documents.all());
        model.addAttribute("draft", new PolicyDocuments.Draft(null, null, null));
        return "policystudy/documents";
    }

    @PostMapping("/policy-documents")
    String addDocument(
            @RequestParam(required = false) @Nullable String number,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate issuedOn,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        PolicyDocuments.Draft draft = new PolicyDocuments.Draft(number, title, issuedOn);
        try {
            PolicyDocument added = documents.add(draft, user);
            redirect.addFlashAttribute("message", "Đã thêm văn bản " + added.number() + ".");
            return "redirect:/policy-documents";
        } catch (InvalidInputException e) {
            model.addAttribute("documents", documents.all());
            model.addAttribute("draft", draft);
            model.addAttribute("problems", e.problems());
            return "policystudy/documents";
        }
    }

    @GetMapping("/policy-studies/export")
    void export(
            PolicyStudySearch search,
            @RequestParam(defaultValue = "xlsx") String format,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response)
            throws IOException {
        ExportFormat chosen = ExportFormat.of(format);
        studies.export(search, user, chosen, chosen.download(response, "buoi-hoc-tap-quan-triet"));
    }

    private String form(
            Model model, PolicyStudyForm form, @Nullable Long id, SignedInUser user, List<FieldProblem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("problems", problems);
        model.addAttribute(
                "chapter",
                form.chapterId() == null
                        ? null
                        : chapters.find(form.chapterId(), user).orElse(null));
        model.addAttribute("documents", documents.all());
        return "policystudy/form";
    }
}
