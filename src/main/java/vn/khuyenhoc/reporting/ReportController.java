package vn.khuyenhoc.reporting;

import java.io.IOException;
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
import org.springframework.web.bind.annotation.RestController;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.VietnameseText;

/** The reports page: choose a report, a locality and a year; it is made in the background with its progress. */
@Controller
class ReportController {

    private final ReportJobs jobs;
    private final LocalityService localities;

    ReportController(ReportJobs jobs, LocalityService localities) {
        this.jobs = jobs;
        this.localities = localities;
    }

    @GetMapping("/reports")
    String form(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("years", ProgrammeYear.newestFirst());
        model.addAttribute("locality", user.scopeCode());
        return "reporting/reports";
    }

    @PostMapping("/reports")
    String start(
            @RequestParam String kind,
            @RequestParam(required = false) @Nullable String locality,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String format,
            @AuthenticationPrincipal SignedInUser user) {
        ReportKind chosen = kind(kind);
        ReportJobs.Job job = jobs.start(
                chosen,
                place(localities, locality, user),
                year(chosen, year),
                ReportFormat.of(format),
                user.getUsername());
        return "redirect:/reports/jobs/" + job.id();
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
        ReportJobs.Job job = job(id, user);
        if (job.state() != ReportJobs.State.DONE || job.content == null) {
            throw new NotFoundException("Báo cáo chưa lập xong.");
        }
        return download(job.content, job.fileName(), job.format);
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

    /** The reviews default to their milestone (or this year before it); the yearly reports to this year. */
    static int year(ReportKind kind, @Nullable Integer year) {
        if (year == null && kind.milestone() != null) {
            return Math.min(kind.milestone(), java.time.Year.now().getValue());
        }
        return ProgrammeYear.check(year, "year");
    }

    /** The report's locality: the user's scope when none is given; outside the scope, 404. */
    static LocalityView place(LocalityService localities, @Nullable String code, SignedInUser user) {
        String cleaned = VietnameseText.cleanOrEmpty(code);
        return localities.get(cleaned.isEmpty() ? user.scopeCode() : cleaned, user);
    }

    /** The same reports through the API, made in the request (a province's annual PDF takes a few seconds). */
    @RestController
    static class Api {

        private final ReportJobs jobs;
        private final LocalityService localities;

        Api(ReportJobs jobs, LocalityService localities) {
            this.jobs = jobs;
            this.localities = localities;
        }

        @GetMapping("/api/v1/reports/{kind}")
        ResponseEntity<byte[]> report(
                @PathVariable String kind,
                @RequestParam(required = false) @Nullable String locality,
                @RequestParam(required = false) @Nullable Integer year,
                @RequestParam(required = false) @Nullable String format,
                @AuthenticationPrincipal SignedInUser user)
                throws IOException {
            ReportKind chosen = kind(kind);
            ReportFormat as = ReportFormat.of(format);
            int y = year(chosen, year);
            byte[] content = jobs.make(chosen, place(localities, locality, user), y, as, p -> {});
            return download(content, chosen.code() + "-" + y + "." + as.extension(), as);
        }
    }
}
