package vn.khuyenhoc.evaluation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * Decisions: the form that groups the appraised subjects, the decision's page and papers, certificates, revocation,
 * and the public verification page a certificate's QR code opens.
 */
@Controller
class DecisionController {

    private final DecisionService decisions;
    private final RoundService rounds;
    private final RegistrationService registrations;
    private final DecisionDocuments documents;

    DecisionController(
            DecisionService decisions,
            RoundService rounds,
            RegistrationService registrations,
            DecisionDocuments documents) {
        this.decisions = decisions;
        this.rounds = rounds;
        this.registrations = registrations;
        this.documents = documents;
    }

    @GetMapping("/rounds/{id}/decisions/new")
    String newForm(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        return form(
                model,
                rounds.get(id, user),
                new DecisionService.DecisionForm(null, LocalDate.now(), null, null),
                user,
                List.of());
    }

    @PostMapping("/rounds/{id}/decisions")
    String decide(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String number,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            @RequestParam(required = false) @Nullable String signer,
            @RequestParam(required = false) @Nullable List<Long> registrationIds,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        DecisionService.DecisionForm form = new DecisionService.DecisionForm(number, date, signer, registrationIds);
        try {
            Decision decision = decisions.decide(id, form, user);
            redirect.addFlashAttribute(
                    "message",
                    "Đã ghi quyết định số " + decision.number() + ": "
                            + decision.certificates().size() + " giấy chứng nhận sẵn sàng để in.");
            return "redirect:/decisions/" + decision.id();
        } catch (InvalidInputException e) {
            return form(model, rounds.get(id, user), form, user, e.problems());
        } catch (ConflictException e) {
            return form(model, rounds.get(id, user), form, user, List.of(new FieldProblem("date", e.getMessage())));
        }
    }

    private String form(
            Model model,
            Round round,
            DecisionService.DecisionForm form,
            SignedInUser user,
            List<FieldProblem> problems) {
        model.addAttribute("round", round);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("validUntil", decisions.validUntil(round));
        model.addAttribute(
                "appraised",
                registrations
                        .search(
                                round,
                                new RegistrationService.RegistrationSearch(Stage.APPRAISED, null, null, null),
                                user,
                                new PageQuery(0, PageQuery.MAX_SIZE))
                        .items());
        return "evaluation/decision-form";
    }

    @GetMapping("/decisions/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        Decision decision = decisions.open(id, "VIEW", user);
        Round round = rounds.get(decision.roundId(), user);
        model.addAttribute("decision", decision);
        model.addAttribute("round", round);
        model.addAttribute("held", round.heldBy(user));
        model.addAttribute("today", LocalDate.now());
        return "evaluation/decision";
    }

    /** The decision as PDF (with its attached list) or the attached list as a spreadsheet. */
    @GetMapping("/decisions/{id}/document")
    void document(
            @PathVariable long id,
            @RequestParam(defaultValue = "pdf") String format,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response)
            throws IOException {
        Decision decision = decisions.open(id, "DOCUMENT", user);
        documents.send(decision, rounds.get(decision.roundId(), user), format, response);
    }

    /** Every certificate of the decision in the user's scope, one page each, as one file to print. */
    @GetMapping("/decisions/{id}/certificates.pdf")
    void certificates(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, HttpServletResponse response)
            throws IOException {
        Decision decision = decisions.open(id, "CERTIFICATES", user);
        Round round = rounds.get(decision.roundId(), user);
        List<Decision.Certificate> valid = decision.certificates().stream()
                .filter(c -> c.revokedOn() == null)
                .toList();
        if (valid.isEmpty()) {
            throw new NotFoundException("Quyết định không còn giấy chứng nhận nào để in.");
        }
        documents.sendCertificates(decision, round, valid, decision.number(), response);
    }

    @GetMapping("/certificates/{code}.pdf")
    void certificate(
            @PathVariable String code, @AuthenticationPrincipal SignedInUser user, HttpServletResponse response)
            throws IOException {
        DecisionService.Printable printable = decisions.printable(code, user);
        documents.sendCertificates(
                printable.decision(),
                printable.round(),
                List.of(printable.certificate()),
                printable.certificate().code(),
                response);
    }

    @PostMapping("/certificates/{code}/revoke")
    String revoke(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable String reason,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        DecisionRepository.Located located = decisions.certificate(code, user);
        try {
            decisions.revoke(code, reason, user);
            redirect.addFlashAttribute(
                    "message",
                    "Đã thu hồi giấy chứng nhận " + located.certificate().code() + ".");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/decisions/" + located.decisionId();
    }

    /** Public: what a certificate's QR code opens. Title, name, place, year, decision and validity; nothing more. */
    @GetMapping("/verify/{code}")
    String verify(@PathVariable String code, Model model, HttpServletResponse response) {
        var found = decisions.verify(code);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("code", code);
            return "evaluation/verify";
        }
        DecisionRepository.Verification v = found.get();
        model.addAttribute("v", v);
        model.addAttribute(
                "titleLabel", vn.khuyenhoc.criteria.Title.valueOf(v.title()).label());
        LocalDate today = LocalDate.now();
        model.addAttribute(
                "status",
                v.revokedOn() != null
                        ? "Đã bị thu hồi ngày " + Dates.day(v.revokedOn())
                        : today.isAfter(v.validUntil())
                                ? "Đã hết hạn (" + Dates.day(v.validUntil()) + ")"
                                : "Còn hiệu lực đến " + Dates.day(v.validUntil()));
        model.addAttribute("valid", v.revokedOn() == null && !today.isAfter(v.validUntil()));
        return "evaluation/verify";
    }

    @GetMapping("/verify")
    String verifyForm(@RequestParam(required = false) @Nullable String code) {
        return code == null || code.isBlank()
                ? "evaluation/verify-form"
                : "redirect:/verify/"
                        + code.trim().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
