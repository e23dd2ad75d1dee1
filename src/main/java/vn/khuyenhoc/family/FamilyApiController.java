package vn.khuyenhoc.family;

import java.io.IOException;
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
import org.springframework.web.multipart.MultipartFile;
import vn.khuyenhoc.shared.ImportResult;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;

@RestController
@RequestMapping("/api/v1/families")
class FamilyApiController {

    private final FamilyService families;
    private final FamilyImport imports;

    FamilyApiController(FamilyService families, FamilyImport imports) {
        this.families = families;
        this.imports = imports;
    }

    @GetMapping
    Paged<FamilyView> list(
            FamilySearch search,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @AuthenticationPrincipal SignedInUser user) {
        return families.search(search, user, PageQuery.of(page, size), Long.MAX_VALUE);
    }

    @GetMapping("/{id}")
    FamilyView get(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        return families.get(id, user);
    }

    @PostMapping
    ResponseEntity<FamilyView> create(@RequestBody FamilyForm form, @AuthenticationPrincipal SignedInUser user) {
        FamilyView created = families.create(form, user);
        return ResponseEntity.created(URI.create("/api/v1/families/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    FamilyView update(@PathVariable long id, @RequestBody FamilyForm form, @AuthenticationPrincipal SignedInUser user) {
        return families.update(id, form, user);
    }

    @PostMapping(path = "/import", consumes = "multipart/form-data")
    ResponseEntity<ImportResult> importFile(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean acceptDuplicates,
            @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        user.requireImporter();
        return imports.run(TabularFile.read(file), user, dryRun, acceptDuplicates)
                .answer(dryRun);
    }
}
