package vn.khuyenhoc.association;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.SignedInUser;

/** Pages of the chapters: list, founding form, detail with the movement of each year, dissolution. */
@Controller
class ChapterController {

    private static final ImportPage IMPORT_PAGE =
            new ImportPage("Nhập chi hội, ban khuyến học từ tệp", "/chapters", "mau-chi-hoi", ChapterImport.COLUMNS);

    private final ChapterService chapters;
    private final ChapterImport imports;
    private final LocalityService localities;

    private final HeldUploads held;

    ChapterController(ChapterService chapters, ChapterImport imports, LocalityService localities, HeldUploads held) {
        this.held = held;
        this.chapters = chapters;
        this.imports = imports;
        this.localities = localities;
    }

    @GetMapping("/chapters/export")
    void export(
            ChapterSearch search,
            @RequestParam(defaultValue = "xlsx") String format,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response)
            throws IOException {
        ExportFormat chosen = ExportFormat.of(format);
        chapters.export(search, user, chosen, chosen.download(response, "chi-hoi-khuyen-hoc"));
    }

    @GetMapping("/chapters/import")
    String importPage(@AuthenticationPrincipal SignedInUser user, Model model) {
        user.requireImporter();
        return IMPORT_PAGE.show(model, null);
    }

    @PostMapping("/chapters/import")
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

    @GetMapping("/chapters/import/template.xlsx")
    void template(@AuthenticationPrincipal SignedInUser user, HttpServletResponse response) throws IOException {
        IMPORT_PAGE.template(response, localities.templateRows(user));
    }

    @GetMapping("/chapters")
    String list(
            ChapterSearch search,
            @RequestParam(required = false) @Nullable Integer page,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        model.addAttribute("search", search);
        model.addAttribute("results", chapters.search(search, user, PageQuery.of(page, 50)));
        model.addAttribute("hostTypes", HostType.values());
        return "association/list";
    }

    @GetMapping("/chapters/new")
    String newForm(
            @RequestParam(required = false) @Nullable String hostType,
            @RequestParam(required = false) @Nullable Long hostId,
            @RequestParam(required = false) @Nullable String hostCode,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        user.requireWriter();
        ChapterForm empty = ChapterForm.empty();
        return form(
                model,
                new ChapterForm(
                        empty.kind(),
                        "",
                        hostType == null ? empty.hostType() : hostType,
                        hostId,
                        hostCode,
                        null,
                        "",
                        null,
                        null),
                List.of());
    }

    @PostMapping("/chapters")
    String create(
            ChapterForm form, @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        return FormSubmission.submit(
                () -> {
                    ChapterView created = chapters.create(form, user);
                    redirect.addFlashAttribute("message", "Đã thêm " + created.name() + ".");
                    return "redirect:/chapters/" + created.id();
                },
                problems -> form(model, form, problems));
    }

    @GetMapping("/chapters/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        ChapterView chapter = chapters.get(id, user);
        Map<Integer, Movement> byYear =
                chapters.movements(id, user).stream().collect(Collectors.toMap(Movement::year, Function.identity()));
        model.addAttribute("chapter", chapter);
        model.addAttribute("movements", byYear);
        // the years the chapter existed in: a movement is recorded only for those (Chapter.requireExistedIn)
        model.addAttribute(
                "years",
                ProgrammeYear.newestFirst().stream()
                        .filter(y -> chapter.foundedOn() == null
                                || y >= chapter.foundedOn().getYear())
                        .filter(y -> chapter.dissolvedOn() == null
                                || y <= chapter.dissolvedOn().getYear())
                        .toList());
        model.addAttribute("today", LocalDate.now());
        return "association/detail";
    }

    @PostMapping("/chapters/{id}/movement")
    String movement(
            @PathVariable long id,
            @RequestParam int year,
            @RequestParam(defaultValue = "false") boolean runsMovement,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(name = "evidence", required = false) @Nullable MultipartFile file,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect)
            throws IOException {
        Evidence evidence = file == null || file.isEmpty()
                ? Evidence.none()
                : new Evidence(file.getOriginalFilename(), file.getContentType(), file.getBytes());
        try {
            chapters.recordMovement(id, year, runsMovement, note, evidence, user);
            redirect.addFlashAttribute(
                    "message",
                    "Đã ghi nhận năm " + year + ": "
                            + (runsMovement ? "có tổ chức phong trào học tập suốt đời." : "chưa tổ chức phong trào."));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/chapters/" + id;
    }

    @GetMapping("/chapters/{id}/movement/{year}/evidence")
    ResponseEntity<byte[]> evidence(
            @PathVariable long id, @PathVariable int year, @AuthenticationPrincipal SignedInUser user) {
        Evidence evidence = chapters.evidence(id, year, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(String.valueOf(evidence.contentType())))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(String.valueOf(evidence.name()), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(evidence.content());
    }

    @PostMapping("/chapters/{id}/dissolve")
    String dissolve(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate dissolvedOn,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        FormSubmission.act(
                () -> chapters.dissolve(id, dissolvedOn == null ? LocalDate.now() : dissolvedOn, version, user),
                "Đã ghi nhận giải thể.",
                redirect);
        return "redirect:/chapters/" + id;
    }

    private String form(Model model, ChapterForm form, List<InvalidInputException.FieldProblem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("kinds", ChapterKind.values());
        model.addAttribute("hostTypes", HostType.values());
        model.addAttribute("problems", problems);
        return "association/form";
    }
}
