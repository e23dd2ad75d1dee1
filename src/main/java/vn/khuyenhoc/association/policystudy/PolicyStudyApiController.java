package vn.khuyenhoc.association.policystudy;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khuyenhoc.shared.ImportResult;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;

@RestController
class PolicyStudyApiController {

    private final PolicyStudyService studies;
    private final PolicyDocuments documents;
    private final AttendanceImport attendanceImport;

    PolicyStudyApiController(PolicyStudyService studies, PolicyDocuments documents, AttendanceImport attendanceImport) {
        this.studies = studies;
        this.documents = documents;
        this.attendanceImport = attendanceImport;
    }

    @GetMapping("/api/v1/policy-studies")
    Paged<PolicyStudyView> list(
            PolicyStudySearch search,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @AuthenticationPrincipal SignedInUser user) {
        return studies.search(search, user, PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/policy-studies/{id}")
    PolicyStudyView get(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        return studies.get(id, user);
    }

    @PostMapping("/api/v1/policy-studies")
    ResponseEntity<PolicyStudyView> create(
            @RequestBody PolicyStudyForm form, @AuthenticationPrincipal SignedInUser user) {
        PolicyStudyView created = studies.create(form, user);
        return ResponseEntity.created(URI.create("/api/v1/policy-studies/" + created.id()))
                .body(created);
    }

    @PutMapping("/api/v1/policy-studies/{id}")
    PolicyStudyView update(
            @PathVariable long id, @RequestBody PolicyStudyForm form, @AuthenticationPrincipal SignedInUser user) {
        return studies.update(id, form, user);
    }

    /** The members present, all of them (or those of one chapter when {@code chapterId} is given). */
    record Attendance(
            @Nullable List<Long> memberIds, @Nullable Long chapterId) {}

    record AttendanceSaved(long id, long attendees, List<Long> added, List<Long> removed) {}

    @PutMapping("/api/v1/policy-studies/{id}/attendance")
    AttendanceSaved attendance(
            @PathVariable long id, @RequestBody Attendance attendance, @AuthenticationPrincipal SignedInUser user) {
        PolicyStudyService.AttendanceChange change =
                studies.recordAttendance(id, attendance.memberIds(), attendance.chapterId(), user);
        return new AttendanceSaved(id, studies.get(id, user).attendees(), change.added(), change.removed());
    }

    @PostMapping(path = "/api/v1/policy-studies/{id}/attendance/import", consumes = "multipart/form-data")
    ResponseEntity<ImportResult> importAttendance(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        attendanceImport.requireAllowed(id, user);
        return attendanceImport.run(id, TabularFile.read(file), user, dryRun).answer(dryRun);
    }

    @GetMapping("/api/v1/policy-documents")
    List<PolicyDocument> documents() {
        return documents.all();
    }
}
