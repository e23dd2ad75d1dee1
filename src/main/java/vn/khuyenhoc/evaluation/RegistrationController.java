package vn.khuyenhoc.evaluation;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    RegistrationController(
            RegistrationService registrations, RoundService rounds, CriteriaService criteria, AuditTrail audit) {
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
        model.addAttribute("prefill", prefill(next, byStage));
        String refusal = next == null ? null : registrations.refusal(next, registration, round, user);
        model.addAttribute("canScore", next != null && refusal == null);
        model.addAttribute("refusal", refusal);
        model.addAttribute(
                "evidence",
                registrations.evidence(id, user).stream()
                        .collect(Collectors.groupingBy(RegistrationRepository.EvidenceFile::itemCode)));
        model.addAttribute("history", audit.history(RegistrationService.ENTITY, List.of(String.valueOf(id))));
        model.addAttribute("held", round.heldBy(user));
        return "evaluation/registration";
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
            RegistrationService.AssessmentResult result = registrations.assess(
                    id,
                    stage,
                    new RegistrationService.AssessmentForm(
                            scores,
                            params.get("comment"),
                            number(params.get("people"), "people"),
                            number(params.get("learningCitizens"), "learningCitizens"),
                            number(params.get("version"), "version")),
                    user);
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

    @PostMapping("/registrations/{id}/evidence")
    String addEvidence(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String itemCode,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect)
            throws IOException {
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
