package vn.khuyenhoc.indicator.reported;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
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
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;

/** JSON under /api/v1/reported-figures: the same entry, list, import and crosswalk as the pages. */
@RestController
@RequestMapping("/api/v1/reported-figures")
class ReportedFigureApiController {

    private final ReportedFigureService figures;
    private final Crosswalk crosswalk;

    ReportedFigureApiController(ReportedFigureService figures, Crosswalk crosswalk) {
        this.figures = figures;
        this.crosswalk = crosswalk;
    }

    /** Saves one figure: 201 when new, 200 when it replaces the one of the same locality, year and indicator. */
    @PostMapping
    ResponseEntity<ReportedFigureService.Row> save(
            @RequestBody ReportedFigureService.Entry entry, @AuthenticationPrincipal SignedInUser user) {
        ReportedFigureService.Saved saved = figures.save(entry, user);
        if (!saved.created()) {
            return ResponseEntity.ok(saved.row());
        }
        return ResponseEntity.created(URI.create("/api/v1/reported-figures?locality="
                        + saved.row().localityCode() + "&year=" + saved.row().year()))
                .body(saved.row());
    }

    @GetMapping
    List<ReportedFigureService.Row> list(
            @RequestParam(required = false) @Nullable String locality,
            @RequestParam(required = false) @Nullable Integer year,
            @AuthenticationPrincipal SignedInUser user) {
        return figures.list(locality, year, user);
    }

    /** The file's rows (same columns as the body of POST); {@code dryRun=true} (the default) only checks. */
    @PostMapping(path = "/import", consumes = "multipart/form-data")
    ResponseEntity<ImportResult> importFile(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        ReportedFigureService.requireEntrant(user);
        return figures.importFile(TabularFile.read(file), dryRun, user).answer(dryRun);
    }

    @GetMapping("/crosswalk")
    List<Crosswalk.Split> splits(@AuthenticationPrincipal SignedInUser user) {
        return crosswalk.splits(user);
    }

    record Shares(@Nullable Map<String, BigDecimal> shares) {}

    /** The shares of one split former commune: {@code {"shares": {"24544": 0.7, "24561": 0.3}}}. */
    @PutMapping("/crosswalk/{code}")
    Crosswalk.Split share(
            @PathVariable String code, @RequestBody Shares body, @AuthenticationPrincipal SignedInUser user) {
        return crosswalk.share(code, body.shares() == null ? Map.of() : body.shares(), user);
    }
}
