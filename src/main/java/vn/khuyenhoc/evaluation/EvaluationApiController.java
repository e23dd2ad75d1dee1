package vn.khuyenhoc.evaluation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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
import vn.khuyenhoc.criteria.Outcome;
import vn.khuyenhoc.criteria.Title;
import vn.khuyenhoc.criteria.TitleLevel;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.SignedInUser;

/** The recognition cycle as JSON under /api/v1: rounds, registrations, assessments, evidence, decisions, rates. */
@RestController
class EvaluationApiController {

    record RoundView(
            long id,
            Title title,
            TitleLevel level,
            int year,
            String localityCode,
            String localityName,
            long criteriaSetId,
            String criteriaSet,
            String authority,
            LocalDate registrationDue,
            LocalDate selfAssessmentDue,
            LocalDate reviewDue,
            LocalDate decisionDue,
            int version) {

        static RoundView of(Round r) {
            return new RoundView(
                    r.id(),
                    r.title(),
                    r.level(),
                    r.year(),
                    r.localityCode(),
                    r.localityName(),
                    r.criteriaSetId(),
                    r.criteriaSetLabel(),
                    r.authority().label(),
                    r.schedule().registration(),
                    r.schedule().selfAssessment(),
                    r.schedule().review(),
                    r.schedule().decision(),
                    r.version());
        }
    }

    record RegistrationView(
            long id,
            long roundId,
            long subjectId,
            String subjectName,
            String locality,
            Stage stage,
            @Nullable Outcome result,
            @Nullable String returnComment,
            @Nullable Integer people,
            @Nullable Integer learningCitizens,
            boolean late,
            int version) {

        static RegistrationView of(Registration r) {
            return new RegistrationView(
                    r.id(),
                    r.roundId(),
                    r.subjectId(),
                    r.subjectName(),
                    r.localityName(),
                    r.stage(),
                    r.result(),
                    r.returnComment(),
                    r.people(),
                    r.learningCitizens(),
                    r.late(),
                    r.version());
        }
    }

    record Items<T>(List<T> items) {}

    record Subjects(@Nullable List<Long> subjectIds) {}

    record Reason(@Nullable String comment, @Nullable String reason) {}

    record CertificateView(
            long registrationId,
            String code,
            String subjectName,
            Outcome result,
            LocalDate validUntil,
            @Nullable LocalDate revokedOn,
            String verifyUrl) {}

    record DecisionView(
            long id,
            long roundId,
            String number,
            LocalDate date,
            String signer,
            String signerTitle,
            String issuingBody,
            List<CertificateView> certificates) {}

    private final RoundService rounds;
    private final RegistrationService registrations;
    private final DecisionService decisions;
    private final DecisionDocuments documents;
    private final RecognitionFigures figures;
    private final RegistrationImport registrationImport;
    private final AssessmentDrafts drafts;

    EvaluationApiController(
            RoundService rounds,
            RegistrationService registrations,
            DecisionService decisions,
            DecisionDocuments documents,
            RecognitionFigures figures,
            RegistrationImport registrationImport,
            AssessmentDrafts drafts) {
        this.drafts = drafts;
        this.registrationImport = registrationImport;
        this.rounds = rounds;
        this.registrations = registrations;
        this.decisions = decisions;
        this.documents = documents;
        this.figures = figures;
    }

    @PostMapping("/api/v1/rounds")
    ResponseEntity<RoundView> open(
            @RequestBody RoundService.RoundForm form, @AuthenticationPrincipal SignedInUser user) {
        Round round = rounds.open(form, user);
        return ResponseEntity.created(URI.create("/api/v1/rounds/" + round.id()))
                .body(RoundView.of(round));
    }

    @GetMapping("/api/v1/rounds")
    Paged<RoundView> list(
            @RequestParam(required = false) @Nullable Title title,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String locality,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @AuthenticationPrincipal SignedInUser user) {
        Paged<Round> found = rounds.search(title, year, locality, user, PageQuery.of(page, size));
        return new Paged<>(
                found.items().stream().map(RoundView::of).toList(), found.total(), found.page(), found.size());
    }

    @GetMapping("/api/v1/rounds/{id}")
    RoundView get(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        return RoundView.of(rounds.get(id, user));
    }

    record FunnelView(Funnel total, List<RecognitionFigures.LocalityFunnel> byLocality) {}

    /** The funnel of the round in the user's part of it, with its breakdown by commune or village. */
    @GetMapping("/api/v1/rounds/{id}/funnel")
    FunnelView funnel(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        Round round = rounds.get(id, user);
        String within = RoundController.within(round, user);
        LocalDate today = LocalDate.now();
        return new FunnelView(
                figures.funnel(round.title(), round.level(), round.year(), id, within, today),
                figures.funnelByLocality(round.title(), round.level(), round.year(), id, within, today));
    }

    /** The funnel of every round of a title, level and year within a locality (the province by default). */
    @GetMapping("/api/v1/funnel")
    Funnel funnel(
            @RequestParam Title title,
            @RequestParam(required = false) @Nullable TitleLevel level,
            @RequestParam int year,
            @RequestParam(required = false) @Nullable String locality,
            @AuthenticationPrincipal SignedInUser user) {
        return figures.funnel(
                title,
                level == null ? title.defaultLevel() : level,
                ProgrammeYear.check(year, "year"),
                null,
                rounds.within(locality, user),
                LocalDate.now());
    }

    @PostMapping("/api/v1/rounds/{id}/registrations")
    ResponseEntity<Items<RegistrationView>> register(
            @PathVariable long id, @RequestBody Subjects body, @AuthenticationPrincipal SignedInUser user) {
        List<Registration> created = registrations.register(id, body.subjectIds(), user);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Items<>(created.stream().map(RegistrationView::of).toList()));
    }

    @PostMapping(path = "/api/v1/rounds/{id}/registrations/import", consumes = "multipart/form-data")
    ResponseEntity<vn.khuyenhoc.shared.ImportResult> importRegistrations(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        registrationImport.requireAllowed(id, user);
        return registrationImport
                .run(id, vn.khuyenhoc.shared.TabularFile.read(file), user, dryRun)
                .answer(dryRun);
    }

    @GetMapping("/api/v1/rounds/{id}/registrations")
    Paged<RegistrationView> registrations(
            @PathVariable long id,
            RegistrationService.RegistrationSearch search,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @AuthenticationPrincipal SignedInUser user) {
        Paged<Registration> found = registrations.search(rounds.get(id, user), search, user, PageQuery.of(page, size));
        return new Paged<>(
                found.items().stream().map(RegistrationView::of).toList(), found.total(), found.page(), found.size());
    }

    record RegistrationDetail(
            RegistrationView registration,
            List<RegistrationRepository.Assessment> assessments,
            List<RegistrationRepository.EvidenceFile> evidence) {}

    @GetMapping("/api/v1/registrations/{id}")
    RegistrationDetail registration(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        return new RegistrationDetail(
                RegistrationView.of(registrations.open(id, user)),
                registrations.assessments(id, user),
                registrations.evidence(id, user));
    }

    @PostMapping(path = "/api/v1/registrations/{id}/evidence", consumes = "multipart/form-data")
    ResponseEntity<Map<String, Object>> evidence(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String itemCode,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        long fileId = registrations.addEvidence(id, itemCode, file, user);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("id", fileId, "itemCode", itemCode == null ? "" : itemCode));
    }

    /** The signed-in user's draft of the self-assessment, with its running total and result (empty if none kept). */
    @GetMapping("/api/v1/registrations/{id}/draft")
    AssessmentDrafts.DraftView draft(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        return drafts.get(id, user);
    }

    /** Keeps the self-assessment as typed; not the record (submit with PUT …/assessments/self). */
    @PutMapping("/api/v1/registrations/{id}/draft")
    AssessmentDrafts.DraftView saveDraft(
            @PathVariable long id,
            @RequestBody AssessmentDrafts.DraftForm form,
            @AuthenticationPrincipal SignedInUser user) {
        return drafts.save(id, form, user);
    }

    @PutMapping("/api/v1/registrations/{id}/assessments/{stage}")
    RegistrationService.AssessmentResult assess(
            @PathVariable long id,
            @PathVariable String stage,
            @RequestBody RegistrationService.AssessmentForm form,
            @AuthenticationPrincipal SignedInUser user) {
        AssessmentStage chosen;
        try {
            chosen = AssessmentStage.valueOf(stage.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("stage", "Bước “" + stage + "” không có: SELF, REVIEW hoặc APPRAISAL.");
        }
        return registrations.assess(id, chosen, form, user);
    }

    @PostMapping("/api/v1/registrations/{id}/return")
    RegistrationView returnForRevision(
            @PathVariable long id, @RequestBody Reason body, @AuthenticationPrincipal SignedInUser user) {
        return RegistrationView.of(registrations.returnForRevision(id, body.comment(), user));
    }

    @PostMapping("/api/v1/rounds/{id}/decisions")
    ResponseEntity<DecisionView> decide(
            @PathVariable long id,
            @RequestBody DecisionService.DecisionForm form,
            @AuthenticationPrincipal SignedInUser user) {
        Decision decision = decisions.decide(id, form, user);
        return ResponseEntity.created(URI.create("/api/v1/decisions/" + decision.id()))
                .body(view(decision));
    }

    @GetMapping("/api/v1/decisions/{id}")
    DecisionView decision(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        return view(decisions.open(id, "VIEW", user));
    }

    @GetMapping("/api/v1/decisions/{id}/document")
    void document(
            @PathVariable long id,
            @RequestParam(defaultValue = "pdf") String format,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response)
            throws IOException {
        Decision decision = decisions.open(id, "DOCUMENT", user);
        documents.send(decision, rounds.get(decision.roundId(), user), format, response);
    }

    @GetMapping("/api/v1/certificates/{code}")
    Object certificate(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable String format,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response)
            throws IOException {
        if (format == null || "json".equalsIgnoreCase(format)) {
            return certificateView(decisions.certificate(code, user).certificate());
        }
        if (!"pdf".equalsIgnoreCase(format)) {
            throw new InvalidInputException("format", "Định dạng “" + format + "” không có: chọn pdf hoặc json.");
        }
        DecisionService.Printable printable = decisions.printable(code, user);
        documents.sendCertificates(
                printable.decision(),
                printable.round(),
                List.of(printable.certificate()),
                printable.certificate().code(),
                response);
        return null;
    }

    @PostMapping("/api/v1/certificates/{code}/revoke")
    CertificateView revoke(
            @PathVariable String code, @RequestBody Reason body, @AuthenticationPrincipal SignedInUser user) {
        decisions.revoke(code, body.reason() != null ? body.reason() : body.comment(), user);
        return certificateView(decisions.certificate(code, user).certificate());
    }

    @GetMapping("/api/v1/recognition-rates")
    RecognitionFigures.RateTable rates(
            @RequestParam(required = false) @Nullable String locality,
            @RequestParam(required = false) @Nullable Integer year,
            @AuthenticationPrincipal SignedInUser user) {
        int chosen = ProgrammeYear.check(year, "year");
        return figures.rates(chosen, ProgrammeYear.referenceDate(chosen), rounds.within(locality, user));
    }

    private DecisionView view(Decision d) {
        return new DecisionView(
                d.id(),
                d.roundId(),
                d.number(),
                d.decidedOn(),
                d.signer(),
                d.signerTitle(),
                d.issuingBody(),
                d.certificates().stream().map(this::certificateView).toList());
    }

    private CertificateView certificateView(Decision.Certificate c) {
        return new CertificateView(
                c.registrationId(),
                c.code(),
                c.subjectName(),
                c.result(),
                c.validUntil(),
                c.revokedOn(),
                documents.verifyUrl(c.code()));
    }
}
