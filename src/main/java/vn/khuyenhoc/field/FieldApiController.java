package vn.khuyenhoc.field;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khuyenhoc.evaluation.RegistrationService;
import vn.khuyenhoc.family.FamilyForm;
import vn.khuyenhoc.family.FamilyService;
import vn.khuyenhoc.family.FamilyView;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * The field app's JSON, on the pages' door: the session signs it in and the CSRF token comes as a header. Each change
 * carries its client id in {@code Idempotency-Key}; errors are the API's problem details in Vietnamese, and a change
 * made on a stale version answers 409 with the server's record in {@code server}.
 */
@RestController
@RequestMapping("/field/api")
class FieldApiController {

    static final String KEY = "Idempotency-Key";

    private final FieldBundle bundles;
    private final FieldSync sync;
    private final FamilyService families;

    FieldApiController(FieldBundle bundles, FieldSync sync, FamilyService families) {
        this.bundles = bundles;
        this.sync = sync;
        this.families = families;
    }

    record Me(String username, String fullName, String scopeName, String csrfHeader, String csrfToken) {}

    /** Who is signed in, and a fresh CSRF token: the cached shell carries none. */
    @GetMapping("/me")
    Me me(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Me(
                user.username(),
                user.fullName(),
                user.scopeName(),
                token == null ? "X-CSRF-TOKEN" : token.getHeaderName(),
                token == null ? "" : token.getToken());
    }

    @GetMapping("/bundle")
    FieldBundle.Bundle bundle(@AuthenticationPrincipal SignedInUser user) {
        user.requireWriter();
        return bundles.of(user);
    }

    @GetMapping("/families/{id}")
    FamilyView family(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        return families.get(id, user);
    }

    @PostMapping("/families")
    ResponseEntity<String> createFamily(
            @RequestHeader(KEY) String key, @RequestBody FamilyForm form, @AuthenticationPrincipal SignedInUser user) {
        return json(HttpStatus.CREATED, sync.createFamily(clientId(key), form, user));
    }

    @PutMapping("/families/{id}")
    ResponseEntity<String> updateFamily(
            @RequestHeader(KEY) String key,
            @PathVariable long id,
            @RequestBody FamilyForm form,
            @AuthenticationPrincipal SignedInUser user) {
        return json(HttpStatus.OK, sync.updateFamily(clientId(key), id, form, user));
    }

    record RegistrationRequest(
            @Nullable Long roundId, @Nullable Long familyId) {}

    @PostMapping("/registrations")
    ResponseEntity<String> register(
            @RequestHeader(KEY) String key,
            @RequestBody RegistrationRequest request,
            @AuthenticationPrincipal SignedInUser user) {
        if (request.roundId() == null) {
            throw new InvalidInputException("roundId", "Hãy chọn đợt đăng ký (roundId).");
        }
        if (request.familyId() == null) {
            throw new InvalidInputException("familyId", "Hãy chọn hộ gia đình (familyId).");
        }
        return json(HttpStatus.CREATED, sync.register(clientId(key), request.roundId(), request.familyId(), user));
    }

    @PostMapping("/registrations/{id}/self-assessment")
    ResponseEntity<String> assessSelf(
            @RequestHeader(KEY) String key,
            @PathVariable long id,
            @RequestBody RegistrationService.AssessmentForm form,
            @AuthenticationPrincipal SignedInUser user) {
        return json(HttpStatus.OK, sync.assessSelf(clientId(key), id, form, user));
    }

    @PostMapping(path = "/registrations/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<String> addEvidence(
            @RequestHeader(KEY) String key,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String itemCode,
            @RequestParam("file") MultipartFile file,
            @AuthenticationPrincipal SignedInUser user) {
        return json(HttpStatus.CREATED, sync.addEvidence(clientId(key), id, itemCode, file, user));
    }

    @ExceptionHandler(FieldSync.StaleRecord.class)
    ProblemDetail stale(FieldSync.StaleRecord e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Dữ liệu vừa thay đổi");
        problem.setProperty("server", e.server());
        return problem;
    }

    private static UUID clientId(String key) {
        try {
            return UUID.fromString(key.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(KEY, "Mã thay đổi (" + KEY + ") phải là một UUID.");
        }
    }

    private static ResponseEntity<String> json(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
