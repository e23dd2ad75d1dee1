package vn.khuyenhoc.reporting;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * Reports generated in the background, one at a time (two cores: a report must not slow everyone's pages), each with
 * its progress; a finished file is kept for an hour for the person who asked for it.
 */
@Component
class ReportJobs {

    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);
    static final Duration KEPT_FOR = Duration.ofHours(1);

    enum State {
        WAITING,
        RUNNING,
        DONE,
        FAILED
    }

    /** A report being made, or made. */
    static final class Job {
        final String id = UUID.randomUUID().toString();
        final String owner;
        final ReportKind kind;
        final String localityName;
        final ReportPeriod period;
        final Issuance issuance;
        final ReportFormat format;
        final String fileName;
        final Instant createdAt = Instant.now();
        final AtomicInteger progress = new AtomicInteger();
        volatile State state = State.WAITING;
        volatile byte @Nullable [] content;
        volatile @Nullable String error;

        Job(
                String owner,
                ReportKind kind,
                LocalityView locality,
                ReportPeriod period,
                Issuance issuance,
                ReportFormat format) {
            this.owner = owner;
            this.kind = kind;
            this.localityName = locality.name();
            this.period = period;
            this.issuance = issuance;
            this.format = format;
            this.fileName = ReportJobs.fileName(kind, locality, period, format);
        }

        public String id() {
            return id;
        }

        public int progress() {
            return progress.get();
        }

        public State state() {
            return state;
        }

        public @Nullable String error() {
            return error;
        }

        public String label() {
            return kind.title() + " — " + localityName + " — " + period.label();
        }

        String fileName() {
            return fileName;
        }
    }

    private final ReportBuilder builder;
    private final ReportDocuments documents;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "reports");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    private final io.micrometer.core.instrument.Timer durations;

    ReportJobs(ReportBuilder builder, ReportDocuments documents, io.micrometer.core.instrument.MeterRegistry metrics) {
        this.builder = builder;
        this.documents = documents;
        // the queue of this instance: waiting and running reports, and how long each took
        io.micrometer.core.instrument.Gauge.builder("khuyenhoc.report.jobs", jobs, all -> count(all, State.WAITING))
                .tag("state", "waiting")
                .description("Báo cáo đang chờ lập")
                .register(metrics);
        io.micrometer.core.instrument.Gauge.builder("khuyenhoc.report.jobs", jobs, all -> count(all, State.RUNNING))
                .tag("state", "running")
                .description("Báo cáo đang lập")
                .register(metrics);
        this.durations = io.micrometer.core.instrument.Timer.builder("khuyenhoc.report.duration")
                .description("Thời gian lập một báo cáo")
                .register(metrics);
    }

    private static double count(Map<String, Job> jobs, State state) {
        return jobs.values().stream().filter(job -> job.state == state).count();
    }

    /**
     * The file name, in Vietnamese without diacritics: the report, its year or period and, below the province, its
     * locality ({@code bao-cao-so-ket-2021-2025.pdf}, {@code bao-cao-6-thang-2026-xa-ea-kao.xlsx}).
     */
    static String fileName(ReportKind kind, LocalityView locality, ReportPeriod period, ReportFormat format) {
        String span =
                kind.milestone() == null ? String.valueOf(period.year()) : ProgrammeYear.FIRST + "-" + kind.milestone();
        String place = locality.parentCode() == null ? "" : "-" + slug(locality.name());
        String map = period.formerMap() ? "-ban-do-truoc-2025" : "";
        return kind.fileBase() + "-" + span + place + map + "." + format.extension();
    }

    private static String slug(String text) {
        return VietnameseText.fold(text).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    Job start(
            ReportKind kind,
            LocalityView locality,
            ReportPeriod period,
            Issuance issuance,
            ReportFormat format,
            SignedInUser owner) {
        jobs.values().removeIf(j -> j.createdAt.plus(KEPT_FOR).isBefore(Instant.now()));
        Job job = new Job(owner.getUsername(), kind, locality, period, issuance, format);
        jobs.put(job.id, job);
        executor.submit(() -> run(job, locality, owner));
        return job;
    }

    /** A job of its owner; anyone else's is answered as missing. */
    Optional<Job> find(String id, String owner) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(owner));
    }

    /** Makes the file of a report now, in the caller's thread (the API). */
    byte[] make(
            ReportKind kind,
            LocalityView locality,
            ReportPeriod period,
            Issuance issuance,
            ReportFormat format,
            SignedInUser user,
            java.util.function.IntConsumer progress) {
        Report report = builder.build(kind, locality, period, issuance, user, progress);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format == ReportFormat.PDF) {
            documents.pdf(report, out);
        } else {
            documents.xlsx(report, out);
        }
        progress.accept(100);
        return out.toByteArray();
    }

    private void run(Job job, LocalityView locality, SignedInUser owner) {
        job.state = State.RUNNING;
        long started = System.nanoTime();
        try {
            job.content = make(job.kind, locality, job.period, job.issuance, job.format, owner, job.progress::set);
            job.state = State.DONE;
        } catch (RuntimeException e) {
            log.error("Report {} failed", job.label(), e);
            job.error = "Không lập được báo cáo: " + e.getMessage();
            job.state = State.FAILED;
        } finally {
            durations.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
