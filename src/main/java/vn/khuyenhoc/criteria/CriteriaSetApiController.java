package vn.khuyenhoc.criteria;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khuyenhoc.shared.SignedInUser;

@RestController
class CriteriaSetApiController {

    /** A set in the list. */
    record Summary(
            long id,
            Title title,
            TitleLevel level,
            String name,
            String legalBasis,
            int version,
            CriteriaStatus status,
            LocalDate validFrom,
            @Nullable LocalDate validTo) {}

    record Listing(List<Summary> items) {}

    private final CriteriaService criteria;

    CriteriaSetApiController(CriteriaService criteria) {
        this.criteria = criteria;
    }

    @GetMapping("/api/v1/criteria-sets")
    Listing list() {
        return new Listing(criteria.all().stream()
                .map(s -> new Summary(
                        s.id(),
                        s.title(),
                        s.level(),
                        s.name(),
                        s.legalBasis(),
                        s.version(),
                        s.status(),
                        s.validFrom(),
                        s.validTo()))
                .toList());
    }

    @GetMapping("/api/v1/criteria-sets/{id}")
    CriteriaSet get(@PathVariable long id) {
        return criteria.get(id);
    }

    /** Imports a JSON set (as exported by {@code /criteria-sets/{id}/export}) as the next draft edition. */
    @PostMapping(path = "/api/v1/criteria-sets", consumes = "multipart/form-data")
    ResponseEntity<CriteriaSet> importFile(
            @RequestParam("file") MultipartFile file, @AuthenticationPrincipal SignedInUser user) throws IOException {
        user.requireProvinceAdministrator(); // before reading the file
        CriteriaSet draft = criteria.importFile(CriteriaSetController.read(file), user);
        return ResponseEntity.created(URI.create("/api/v1/criteria-sets/" + draft.id()))
                .body(draft);
    }
}
