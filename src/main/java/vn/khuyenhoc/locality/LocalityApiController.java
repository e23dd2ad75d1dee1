package vn.khuyenhoc.locality;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;

/** JSON under /api/v1/localities: the same reads and writes as the pages, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/localities")
class LocalityApiController {

    private final LocalityService localities;
    private final VillageImport villageImport;

    LocalityApiController(LocalityService localities, VillageImport villageImport) {
        this.localities = localities;
        this.villageImport = villageImport;
    }

    /**
     * Children of {@code parent}, or a search for {@code q}; with neither, the root of the caller's scope. With
     * {@code date} (ISO, e.g. 2024-12-31), the map as of that day: the localities then in force matching {@code q}
     * (all of them when blank; only the children of {@code parent} when given), each with {@code validFrom}, {@code validTo} and {@code successorCodes}.
     */
    /** The two shapes of a list, for the API's description: the map of today, or the map as of {@code date}. */
    record LocalityPage(List<LocalityView> items, long total, int page, int size) {}

    record DatedLocalityPage(List<LocalityService.DatedLocality> items, long total, int page, int size) {}

    @GetMapping
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description =
                    "Các địa bàn; với date=: bản đồ tại ngày đó, mỗi địa bàn kèm validFrom, validTo, successorCodes",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            oneOf = {LocalityPage.class, DatedLocalityPage.class})))
    Paged<?> list(
            @RequestParam(required = false) @Nullable String parent,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(defaultValue = "false") boolean retired,
            @RequestParam(required = false) @Nullable String date,
            @AuthenticationPrincipal SignedInUser user) {
        PageQuery paging = PageQuery.of(page, size);
        if (date != null) {
            return localities.searchOn(q, day(date), parent, user, paging);
        }
        if (q != null && !q.isBlank()) {
            return localities.search(q, user, paging);
        }
        if (parent != null && !parent.isBlank()) {
            return localities.children(parent.strip(), user, retired, paging);
        }
        return new Paged<>(List.of(localities.get(user.scopeCode(), user)), 1, 0, paging.size());
    }

    private static LocalDate day(String date) {
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("date", "Ngày “" + date + "” không hợp lệ: hãy ghi theo dạng 2024-12-31.");
        }
    }

    @GetMapping("/{code}")
    LocalityView get(@PathVariable String code, @AuthenticationPrincipal SignedInUser user) {
        return localities.get(code, user);
    }

    /** A new village; {@code validFrom} (optional, today when missing) may lie in the past, never in the future. */
    record NewVillage(
            @Nullable String parentCode,
            @Nullable String name,
            @Nullable String kind,
            @Nullable LocalDate validFrom) {}

    @PostMapping
    ResponseEntity<LocalityView> create(@RequestBody NewVillage body, @AuthenticationPrincipal SignedInUser user) {
        if (body.parentCode() == null || body.parentCode().isBlank()) {
            throw new InvalidInputException("parentCode", "Thiếu mã xã, phường (parentCode).");
        }
        LocalityView village = localities.createVillage(
                body.parentCode().strip(),
                new LocalityService.VillageDraft(body.name(), body.kind(), body.validFrom()),
                user);
        return ResponseEntity.created(URI.create("/api/v1/localities/" + village.code()))
                .body(village);
    }

    record Merge(
            @Nullable List<String> codes,
            @Nullable String name,
            @Nullable String kind,
            @Nullable LocalDate on,
            @Nullable String note,
            @Nullable String chapterContinuesFrom,
            @Nullable Boolean chapterBranches) {}

    /**
     * Merges villages of one commune into a new one from {@code on}; their records follow. When several have a
     * chapter, {@code chapterContinuesFrom} (a village code) says whose continues, and {@code chapterBranches} whether
     * the others become its branches rather than being dissolved.
     */
    @PostMapping("/merge")
    ResponseEntity<LocalityView> merge(@RequestBody Merge body, @AuthenticationPrincipal SignedInUser user) {
        if (body.on() == null) {
            throw new InvalidInputException("on", "Thiếu ngày hiệu lực sáp nhập (on).");
        }
        LocalityView village;
        try {
            village = localities.mergeVillages(
                    body.codes() == null ? List.of() : body.codes(),
                    new LocalityService.VillageDraft(body.name(), body.kind(), body.on()),
                    body.note() == null ? "" : body.note(),
                    new LocalityService.ChapterChoice(
                            body.chapterContinuesFrom(), Boolean.TRUE.equals(body.chapterBranches())),
                    user);
        } catch (InvalidInputException e) {
            // the page's date field is effectiveOn, a retired village's problem is its code: the body says on, codes
            throw e.renamed("effectiveOn", "on").renamed("code", "codes");
        }
        return ResponseEntity.created(URI.create("/api/v1/localities/" + village.code()))
                .body(village);
    }

    /** Village import; {@code dryRun=true} (the default) only checks. Errors answer 422 with every row problem. */
    @PostMapping(path = "/import", consumes = "multipart/form-data")
    ResponseEntity<?> importVillages(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        String fileName = file.getOriginalFilename() == null ? "file" : file.getOriginalFilename();
        LocalityService.requireEditor(user);
        TabularFile table = TabularFile.read(fileName, file.getBytes());
        var report = dryRun ? villageImport.check(table, user) : villageImport.apply(table, user);
        if (report.valid()) {
            return ResponseEntity.ok(report);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Tệp có " + report.problems().size() + " lỗi: không dòng nào được lưu.");
        problem.setTitle("Tệp nhập không hợp lệ");
        problem.setProperty("errors", report.problems());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }
}
