package vn.khuyenhoc.association;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;

@RestController
@RequestMapping("/api/v1/chapters")
class ChapterApiController {

    private final ChapterService chapters;
    private final ChapterImport imports;

    ChapterApiController(ChapterService chapters, ChapterImport imports) {
        this.chapters = chapters;
        this.imports = imports;
    }

    @PostMapping(path = "/import", consumes = "multipart/form-data")
    ResponseEntity<vn.khuyenhoc.shared.ImportResult> importFile(
            @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @AuthenticationPrincipal SignedInUser user)
            throws java.io.IOException {
        user.requireImporter();
        return imports.run(TabularFile.read(file), user, dryRun).answer(dryRun);
    }

    @GetMapping
    Paged<ChapterView> list(
            ChapterSearch search,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @AuthenticationPrincipal SignedInUser user) {
        return chapters.search(search, user, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    ChapterView get(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        return chapters.get(id, user);
    }

    @PostMapping
    ResponseEntity<ChapterView> create(@RequestBody ChapterForm form, @AuthenticationPrincipal SignedInUser user) {
        ChapterView created = chapters.create(form, user);
        return ResponseEntity.created(URI.create("/api/v1/chapters/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    ChapterView update(
            @PathVariable long id, @RequestBody ChapterForm form, @AuthenticationPrincipal SignedInUser user) {
        return chapters.update(id, form, user);
    }

    record MovementBody(
            @Nullable Boolean runsMovement, @Nullable String note) {}

    @PutMapping("/{id}/movement/{year}")
    Movement movement(
            @PathVariable long id,
            @PathVariable int year,
            @RequestBody MovementBody body,
            @AuthenticationPrincipal SignedInUser user) {
        if (body.runsMovement() == null) {
            throw new InvalidInputException("runsMovement", "Thiếu runsMovement (true hoặc false).");
        }
        return chapters.recordMovement(id, year, body.runsMovement(), body.note(), Evidence.none(), user);
    }
}
