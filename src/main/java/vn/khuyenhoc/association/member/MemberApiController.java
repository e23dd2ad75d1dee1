package vn.khuyenhoc.association.member;

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
@RequestMapping("/api/v1/members")
class MemberApiController {

    private final MemberService members;
    private final MemberImport imports;
    private final LearningCitizenImport learningCitizens;

    MemberApiController(MemberService members, MemberImport imports, LearningCitizenImport learningCitizens) {
        this.members = members;
        this.imports = imports;
        this.learningCitizens = learningCitizens;
    }

    /** Learning-citizen results: rows matching no member are warnings, saved as nothing. */
    @PostMapping(path = "/learning-citizens/import", consumes = "multipart/form-data")
    ResponseEntity<ImportResult> importLearningCitizens(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        user.requireImporter();
        return learningCitizens.run(TabularFile.read(file), user, dryRun).answer(dryRun);
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

    @GetMapping
    Paged<MemberView> list(
            MemberSearch search,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @AuthenticationPrincipal SignedInUser user) {
        return members.search(search, user, PageQuery.of(page, size), Long.MAX_VALUE);
    }

    @GetMapping("/{id}")
    MemberView get(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        return members.get(id, user);
    }

    @PostMapping
    ResponseEntity<MemberView> create(@RequestBody MemberForm form, @AuthenticationPrincipal SignedInUser user) {
        MemberView created = members.create(form, user);
        return ResponseEntity.created(URI.create("/api/v1/members/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    MemberView update(@PathVariable long id, @RequestBody MemberForm form, @AuthenticationPrincipal SignedInUser user) {
        return members.update(id, form, user);
    }
}
