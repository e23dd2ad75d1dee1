package vn.khuyenhoc.reporting;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * The reports page: choose a report, a locality and (for the yearly reports) a year, and say how it is issued; it is
 * made in the background with its progress. Only the periods that can be reported on today are offered.
 */
@Controller
class ReportController {

    private final ReportJobs jobs;
    private final ReportIssuers issuers;
    private final LocalityService localities;

    ReportController(ReportJobs jobs, ReportIssuers issuers, LocalityService localities) {
        this.jobs = jobs;
        this.issuers = issuers;
        this.localities = localities;
    }

    @GetMapping("/reports")
    String form(
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String locality,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        return page(model, newForm(kind, locality, user), List.of());
    }

    /** The part of the form that depends on the kind and locality chosen: the years offered and the defaults. */
    @GetMapping("/reports/details")
    String details(
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String locality,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        page(model, newForm(kind, locality, user), List.of());
        return "reporting/reports :: details";
    }

    @PostMapping("/reports")
    String start(ReportForm form, @AuthenticationPrincipal SignedInUser user, Model model) {
        ReportKind chosen = kind(form.kind() == null ? "" : form.kind());
        LocalityView place = place(localities, form.locality(), user);
        try {
            ReportFormat format = ReportFormat.of(form.format());
            Issuance issuance = Issuance.of(
                    chosen,
                    issuers.defaults(chosen, place),
                    form.number(),
                    form.date(),
                    form.issuingBody(),
                    form.superiorBody(),
                    form.place(),
                    form.signerTitle(),
                    form.signerName(),
                    form.recipientList(),
                    LocalDate.now());
            ReportPeriod period =
                    ReportPeriod.of(chosen, form.year(), issuance.date()).onMap(form.map());
            if (form.remembered()) {
                issuers.remember(chosen, place, issuance.issuer());
            }
            ReportJobs.Job job = jobs.start(chosen, place, period, issuance, format, user);
            return "redirect:/reports/jobs/" + job.id();
        } catch (InvalidInputException e) {
            return page(model, form, e.problems());
        }
    }

    private ReportForm newForm(@Nullable String kind, @Nullable String locality, SignedInUser user) {
        ReportKind chosen = kind == null || kind.isBlank() ? ReportKind.ASSOCIATION_ANNUAL : kind(kind);
        LocalityView place = place(localities, locality, user);
        return ReportForm.of(chosen, place.code(), issuers.defaults(chosen, place), LocalDate.now());
    }

    private static String page(Model model, ReportForm form, List<InvalidInputException.FieldProblem> problems) {
        ReportKind kind = ReportKind.of(form.kind()).orElse(ReportKind.ASSOCIATION_ANNUAL);
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("form", form);
        model.addAttribute("years", ReportPeriod.yearsOffered(kind, LocalDate.now()));
        model.addAttribute("review", kind.milestone() != null);
        model.addAttribute("milestone", kind.milestone());
        model.addAttribute("problems", problems);
        model.addAttribute("today", LocalDate.now().toString());
        return "reporting/reports";
    }

    @GetMapping("/reports/jobs/{id}")
    String job(@PathVariable String id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("job", job(id, user));
        return "reporting/job";
    }

    /** The progress part of the job's page, asked for every second while it runs. */
    @GetMapping("/reports/jobs/{id}/progress")
    String progress(@PathVariable String id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("job", job(id, user));
        return "reporting/job :: progress";
    }

    @GetMapping("/reports/jobs/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable String id, @AuthenticationPrincipal SignedInUser user) {
        ReportJobs.File file = jobs.file(id, user.getUsername()).orElseThrow(() -> {
            job(id, user); // an unknown or someone else's report: 404 saying so
            return new NotFoundException("Báo cáo chưa lập xong.");
        });
        return download(file.content(), file.name(), file.format());
    }

    private ReportJobs.Job job(String id, SignedInUser user) {
        return jobs.find(id, user.getUsername())
                .orElseThrow(() ->
                        new NotFoundException("Không tìm thấy báo cáo này (báo cáo được giữ 1 giờ sau khi lập)."));
    }

    static ResponseEntity<byte[]> download(byte[] content, String name, ReportFormat format) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }

    static ReportKind kind(String code) {
        return ReportKind.of(code).orElseThrow(() -> new NotFoundException("Không có loại báo cáo “" + code + "”."));
    }

    /** The report's locality: the user's scope when none is given; outside the scope, 404. */
    static LocalityView place(LocalityService localities, @Nullable String code, SignedInUser user) {
        String cleaned = VietnameseText.cleanOrEmpty(code);
        return localities.get(cleaned.isEmpty() ? user.scopeCode() : cleaned, user);
    }

    /**
     * The same reports through the API, made in the request (a province's annual PDF takes a few seconds), with the
     * issuing fields as parameters over the remembered defaults; and those defaults, read and set.
     */
    @RestController
    static class Api {

        private final ReportJobs jobs;
        private final ReportIssuers issuers;
        private final LocalityService localities;

        Api(ReportJobs jobs, ReportIssuers issuers, LocalityService localities) {
            this.jobs = jobs;
            this.issuers = issuers;
            this.localities = localities;
        }

        @GetMapping("/api/v1/reports/{kind}")
        ResponseEntity<byte[]> report(
                @PathVariable String kind,
                @RequestParam(required = false) @Nullable String locality,
                @RequestParam(required = false) @Nullable Integer year,
                @RequestParam(required = false) @Nullable String format,
                @RequestParam(required = false) @Nullable String number,
                @RequestParam(required = false) @Nullable String date,
                @RequestParam(required = false) @Nullable String issuingBody,
                @RequestParam(required = false) @Nullable String superiorBody,
                @RequestParam(required = false) @Nullable String place,
                @RequestParam(required = false) @Nullable String signerTitle,
                @RequestParam(required = false) @Nullable String signerName,
                @RequestParam(required = false) @Nullable String map,
                @AuthenticationPrincipal SignedInUser user,
                WebRequest request)
                throws IOException {
            // each recipient is one parameter (a recipient may hold a comma: "Thường trực Tỉnh ủy, HĐND tỉnh")
            String[] given = request.getParameterValues("recipients");
            List<String> recipients = given == null ? null : List.of(given);
            ReportKind chosen = kind(kind);
            ReportFormat as = ReportFormat.of(format);
            LocalityView where = place(localities, locality, user);
            Issuance issuance = Issuance.of(
                    chosen,
                    issuers.defaults(chosen, where),
                    number,
                    date,
                    issuingBody,
                    superiorBody,
                    place,
                    signerTitle,
                    signerName,
                    recipients,
                    LocalDate.now());
            ReportPeriod period = ReportPeriod.of(chosen, year, issuance.date()).onMap(map);
            byte[] content = jobs.make(chosen, where, period, issuance, as, user, p -> {});
            return download(content, ReportJobs.fileName(chosen, where, period, as), as);
        }

        /** The issuing defaults of a kind for a locality (the user's scope by default). */
        @GetMapping("/api/v1/reports/{kind}/issuer")
        ReportIssuer issuer(
                @PathVariable String kind,
                @RequestParam(required = false) @Nullable String locality,
                @AuthenticationPrincipal SignedInUser user) {
            ReportKind chosen = kind(kind);
            return issuers.defaults(chosen, place(localities, locality, user));
        }

        /** Sets the issuing defaults of a kind for a locality; a field left out keeps its current value. */
        @PutMapping("/api/v1/reports/{kind}/issuer")
        ReportIssuer remember(
                @PathVariable String kind,
                @RequestParam(required = false) @Nullable String locality,
                @RequestBody IssuerForm form,
                @AuthenticationPrincipal SignedInUser user) {
            ReportKind chosen = kind(kind);
            LocalityView where = place(localities, locality, user);
            List<InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
            ReportIssuer issuer = ReportIssuer.of(
                    issuers.defaults(chosen, where),
                    form.issuingBody(),
                    form.superiorBody(),
                    form.place(),
                    form.signerTitle(),
                    form.signerName(),
                    form.recipients(),
                    problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return issuers.remember(chosen, where, issuer);
        }
    }

    /** The issuing defaults as the API sets them; a field left out keeps its value. */
    record IssuerForm(
            @Nullable String issuingBody,
            @Nullable String superiorBody,
            @Nullable String place,
            @Nullable String signerTitle,
            @Nullable String signerName,
            @Nullable List<String> recipients) {}
}
