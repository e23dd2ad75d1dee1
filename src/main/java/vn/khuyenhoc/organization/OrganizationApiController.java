package vn.khuyenhoc.organization;

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
@RequestMapping("/api/v1/organizations")
class OrganizationApiController {

    private final OrganizationService organizations;
    private final OrganizationImport imports;

    OrganizationApiController(OrganizationService organizations, OrganizationImport imports) {
        this.organizations = organizations;
        this.imports = imports;
    }

    @GetMapping
    Paged<OrganizationView> list(
            OrganizationSearch search,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @AuthenticationPrincipal SignedInUser user) {
        return organizations.search(search, user, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    OrganizationView get(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        return organizations.get(id, user);
    }

    @PostMapping
    ResponseEntity<OrganizationView> create(
            @RequestBody OrganizationForm form, @AuthenticationPrincipal SignedInUser user) {
        OrganizationView created = organizations.create(form, user);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    OrganizationView update(
            @PathVariable long id, @RequestBody OrganizationForm form, @AuthenticationPrincipal SignedInUser user) {
        return organizations.update(id, form, user);
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
