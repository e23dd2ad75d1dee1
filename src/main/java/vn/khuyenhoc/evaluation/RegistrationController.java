package vn.khuyenhoc.evaluation;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.criteria.CriteriaService;
import vn.khuyenhoc.criteria.CriteriaSet;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * A registration's page, usable on a phone: the scoring form of the next stage generated from the criteria set, the
 * evidence of each item, earlier scorings, return for revision, and history.
 */
@Controller
class RegistrationController {

    private final RegistrationService registrations;
    private final RoundService rounds;
    private final CriteriaService criteria;
    private final AuditTrail audit;
    private final AssessmentDrafts drafts;

    RegistrationController(
            RegistrationService registrations,
            RoundService rounds,
            CriteriaService criteria,
            AuditTrail audit,
            AssessmentDrafts drafts) {
        this.drafts = drafts;
        this.registrations = registrations;
        this.rounds = rounds;
        this.criteria = criteria;
        this.audit = audit;
    }

    @GetMapping("/registrations/{id}")
    String detail(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable AssessmentStage stage,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        Registration registration = registrations.open(id, user);
        Round round = rounds.get(registration.roundId(), user);
        CriteriaSet set = criteria.get(round.criteriaSetId());
        List<RegistrationRepository.Assessment> assessments = registrations.assessments(id, user);
        Map<AssessmentStage, RegistrationRepository.Assessment> byStage = assessments.stream()
                .collect(Collectors.toMap(
                        RegistrationRepository.Assessment::stage, a -> a, (a, b) -> b, LinkedHashMap::new));
        AssessmentStage next = stage != null ? stage : next(registration.stage());
        model.addAttribute("registration", registration);
        model.addAttribute("round", round);
        model.addAttribute("set", set);
        model.addAttribute("assessments", assessments);
        model.addAttribute("next", next);
        String refusal = next == null ? null : registrations.refusal(next, registration, round, user);
        boolean canScore = next != null && refusal == null;
        model.addAttribute("canScore", canScore);
        model.addAttribute("refusal", refusal);
        Map<String, Object> prefill = prefill(next, byStage);
        AssessmentDrafts.DraftView draft =
                next == AssessmentStage.SELF && canScore ? drafts.find(id, user).orElse(null) : null;
        model.addAttribute("draft", draft);
        if (draft != null) {
            prefill = draft.scores();
        }
        model.addAttribute("prefill", prefill);
        model.addAttribute(
                "preview",
                draft != null
                        ? draft.preview()
                        : AssessmentDrafts.preview(set, shown(model.getAttribute("entered"), prefill)));
        evidenceModel(registration, set, user, model);
        model.addAttribute("history", audit.history(RegistrationService.ENTITY, List.of(String.valueOf(id))));
        model.addAttribute("held", round.heldBy(user));
        return "evaluation/registration";
    }

    /** The scores the form shows: those just refused (kept in the flash), else the prefill. */
    @SuppressWarnings("unchecked")
    private static Map<String, ?> shown(@Nullable Object entered, Map<String, Object> prefill) {
        return entered instanceof Map<?, ?> map ? (Map<String, ?>) map : prefill;
    }

    private void evidenceModel(Registration registration, CriteriaSet set, SignedInUser user, Model model) {
        model.addAttribute("registration", registration);
        model.addAttribute("set", set);
        model.addAttribute(
                "evidence",
                registrations.evidence(registration.id(), user).stream()
                        .collect(Collectors.groupingBy(RegistrationRepository.EvidenceFile::itemCode)));
        // the same rule as RegistrationService.addEvidence and deleteEvidence: a writer, before the appraisal
        model.addAttribute("evidenceEditable", registration.takesEvidenceFrom(user));
        model.addAttribute("maxEvidenceBytes", RegistrationService.MAX_EVIDENCE_BYTES);
    }

    /** The evidence part of the page alone, as the page's script swaps it in after an upload or a deletion. */
    @GetMapping("/registrations/{id}/evidence")
    String evidenceList(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        Registration registration = registrations.get(id, user);
        evidenceModel(
                registration,
                criteria.get(rounds.get(registration.roundId(), user).criteriaSetId()),
                user,
                model);
        return "evaluation/registration :: evidence";
    }

    /** Keeps the self-assessment as typed (the page saves it as the person types); answers the running total. */
    @PutMapping(path = "/registrations/{id}/draft", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Object> saveDraft(
            @PathVariable long id,
            @RequestBody AssessmentDrafts.DraftForm form,
            @AuthenticationPrincipal SignedInUser user) {
        // a refusal is answered to the page's script as a problem detail (not an error page) so it can say why
        try {
            return ResponseEntity.ok(drafts.save(id, form, user));
        } catch (ConflictException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
        } catch (InvalidInputException e) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
        }
    }

    /** The stage whose form the page shows: the one that follows where the registration is. */
    static @Nullable AssessmentStage next(Stage stage) {
        return switch (stage) {
            case REGISTERED, RETURNED -> AssessmentStage.SELF;
            case SELF_ASSESSED -> AssessmentStage.REVIEW;
            case REVIEWED, APPRAISED, REJECTED -> AssessmentStage.APPRAISAL;
            case RECOGNISED, REVOKED -> null;
        };
    }

    /** The scores a form starts from: this stage's if done, else the stage before's. */
    private static Map<String, Object> prefill(
            @Nullable AssessmentStage next, Map<AssessmentStage, RegistrationRepository.Assessment> byStage) {
        if (next == null) {
            return Map.of();
        }
        for (int i = next.ordinal(); i >= 0; i--) {
            RegistrationRepository.Assessment a = byStage.get(AssessmentStage.values()[i]);
            if (a != null) {
                return a.scores();
            }
        }
        return Map.of();
    }

    @PostMapping("/registrations/{id}/assessments/{stage}")
    String assess(
            @PathVariable long id,
            @PathVariable AssessmentStage stage,
            @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        Map<String, Object> scores = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("score.")) {
                scores.put(name.substring("score.".length()), value);
            }
        });
        try {
            RegistrationService.AssessmentForm form = new RegistrationService.AssessmentForm(
                    scores,
                    params.get("comment"),
                    number(params.get("people"), "people"),
                    number(params.get("learningCitizens"), "learningCitizens"),
                    number(params.get("version"), "version"));
            RegistrationService.AssessmentResult result = stage == AssessmentStage.SELF
                    ? registrations.submitSelfAssessment(id, form, user)
                    : registrations.assess(id, stage, form, user);
            redirect.addFlashAttribute(
                    "message",
                    "Đã lưu " + stage.label().toLowerCase(java.util.Locale.ROOT) + ": "
                            + result.result().label() + (result.total() == null ? "" : " (" + result.total() + " điểm)")
                            + (result.reasons().isEmpty() ? "." : " — " + String.join(" ", result.reasons())));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("entered", scores);
            return "redirect:/registrations/" + id + "?stage=" + stage.name();
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/registrations/" + id;
    }

    private static @Nullable Integer number(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "“" + text + "” không phải một số nguyên.");
        }
    }

    @PostMapping("/registrations/{id}/return")
    String returnForRevision(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String comment,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        try {
            registrations.returnForRevision(id, comment, user);
            redirect.addFlashAttribute("message", "Đã trả lại để bổ sung.");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/registrations/" + id;
    }

    @PostMapping("/registrations/{id}/delete")
    String unregister(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        Registration registration = registrations.get(id, user);
        try {
            registrations.unregister(id, user);
            redirect.addFlashAttribute("message", "Đã hủy đăng ký của " + registration.subjectName() + ".");
            return "redirect:/rounds/" + registration.roundId();
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/registrations/" + id;
        }
    }

    /**
     * An upload from the page's script (header HX-Request): answers the evidence part with the new file or the reason
     * it was refused, so the page stays as typed.
     */
    @PostMapping(path = "/registrations/{id}/evidence", headers = "HX-Request")
    String addEvidenceInPlace(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String itemCode,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            jakarta.servlet.http.HttpServletResponse response)
            throws IOException {
        try {
            registrations.addEvidence(id, itemCode, file, user);
            model.addAttribute("evidenceMessage", "Đã tải lên minh chứng cho mục " + itemCode + ".");
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 422);
            model.addAttribute("evidenceProblem", e.getMessage());
        }
        return evidenceList(id, user, model);
    }

    /** A deletion from the page's script (header HX-Request), after the person confirmed it: answers the evidence part. */
    @PostMapping(path = "/registrations/{id}/evidence/{fileId}/delete", headers = "HX-Request")
    String deleteEvidenceInPlace(
            @PathVariable long id,
            @PathVariable long fileId,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        try {
            registrations.deleteEvidence(id, fileId, user);
            model.addAttribute("evidenceMessage", "Đã xóa tệp minh chứng.");
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("evidenceProblem", e.getMessage());
        }
        return evidenceList(id, user, model);
    }

    /** An upload without the page's script: the form has a camera field and a file field, one of them chosen. */
    @PostMapping("/registrations/{id}/evidence")
    String addEvidence(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String itemCode,
            @RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect)
            throws IOException {
        MultipartFile file = files == null
                ? null
                : files.stream().filter(f -> !f.isEmpty()).findFirst().orElse(null);
        try {
            registrations.addEvidence(id, itemCode, file, user);
            redirect.addFlashAttribute("message", "Đã thêm minh chứng cho mục " + itemCode + ".");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/registrations/" + id + "#item-" + itemCode;
    }

    @PostMapping("/registrations/{id}/evidence/{fileId}/delete")
    String deleteEvidence(
            @PathVariable long id,
            @PathVariable long fileId,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        try {
            registrations.deleteEvidence(id, fileId, user);
            redirect.addFlashAttribute("message", "Đã xóa tệp minh chứng.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/registrations/" + id;
    }

    /** A file of the registration, only to those whose scope holds it; never rendered as a page of this site. */
    @GetMapping("/registrations/{id}/evidence/{fileId}")
    ResponseEntity<byte[]> evidence(
            @PathVariable long id, @PathVariable long fileId, @AuthenticationPrincipal SignedInUser user) {
        RegistrationRepository.EvidenceContent file = registrations.evidenceContent(id, fileId, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }
}
