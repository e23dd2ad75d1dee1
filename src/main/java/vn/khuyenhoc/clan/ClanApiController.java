package vn.khuyenhoc.clan;

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
@RequestMapping("/api/v1/clans")
class ClanApiController {

    private final ClanService clans;
    private final ClanImport imports;

    ClanApiController(ClanService clans, ClanImport imports) {
        this.clans = clans;
        this.imports = imports;
    }

    @GetMapping
    Paged<ClanView> list(
            ClanSearch search,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @AuthenticationPrincipal SignedInUser user) {
        return clans.search(search, user, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    ClanView get(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        return clans.get(id, user);
    }

    @PostMapping
    ResponseEntity<ClanView> create(@RequestBody ClanForm form, @AuthenticationPrincipal SignedInUser user) {
        ClanView created = clans.create(form, user);
        return ResponseEntity.created(URI.create("/api/v1/clans/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    ClanView update(@PathVariable long id, @RequestBody ClanForm form, @AuthenticationPrincipal SignedInUser user) {
        return clans.update(id, form, user);
    }

    @PostMapping(path = "/import", consumes = "multipart/form-data")
    ResponseEntity<ImportResult> importFile(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        user.requireImporter();
        return imports.run(TabularFile.read(file), user, dryRun).answer(dryRun);
    }
}
