package vn.khuyenhoc.reporting;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.Instance;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * Reports made in the background, kept as rows of {@code report_jobs} so that every instance on the database shows
 * their progress and hands out their files. Each instance makes one report at a time (two cores: a report must not
 * slow everyone's pages), taking the oldest waiting one with {@code FOR UPDATE SKIP LOCKED}. While it works it beats
 * every {@link #BEAT_EVERY_MILLIS} ms; a running report whose instance has not beaten for {@link #STALE_AFTER} (it stopped or
 * died) is taken again by another, and only the instance holding the latest claim may store the file, so that no
 * report is lost and none is stored twice. A finished file is kept for {@link #KEPT_FOR}.
 */
@Component
class ReportJobs {

    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);
    static final Duration KEPT_FOR = Duration.ofHours(1);
    static final Duration STALE_AFTER = Duration.ofSeconds(60);
    static final long BEAT_EVERY_MILLIS = 10_000;
    /** How often an idle instance looks for reports started on another one. */
    static final Duration LOOK_EVERY = Duration.ofSeconds(2);
    /** A report that took its instance down this many times is not tried again. */
    static final int MAX_ATTEMPTS = 3;

    enum State {
        WAITING,
        RUNNING,
        DONE,
        FAILED
    }

    /** A report being made, or made, as its page shows it. */
    record Job(
            String id,
            String owner,
            String label,
            ReportFormat format,
            State state,
            int progress,
            @Nullable String error) {}

    /** What a report was asked for: enough for any instance to make it. */
    record Request(ReportKind kind, String locality, ReportPeriod period, Issuance issuance, ReportFormat format) {}

    /** A report this instance has claimed: the claim is its attempt number. */
    private record Claim(UUID id, String owner, String label, Request request, int attempt) {}

    private final ReportBuilder builder;
    private final ReportDocuments documents;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final LocalityService localities;
    private final UserDetailsService users;
    private final String instance;
    private final Timer durations;
    private final BlockingQueue<Boolean> wakeUps = new LinkedBlockingQueue<>();

    private volatile boolean running;
    private volatile @Nullable Thread worker;
    private volatile @Nullable Claim current;
    private volatile Instant lastClean = Instant.EPOCH;

    ReportJobs(
            ReportBuilder builder,
            ReportDocuments documents,
            JdbcClient jdbc,
            JsonMapper json,
            LocalityService localities,
            UserDetailsService users,
            Instance instance,
            MeterRegistry metrics) {
        this.builder = builder;
        this.documents = documents;
        this.jdbc = jdbc;
        this.json = json;
        this.localities = localities;
        this.users = users;
        this.instance = instance.name();
        // the shared queue: reports waiting and running on any instance, and how long each took here
        Gauge.builder("khuyenhoc.report.jobs", this, jobs -> jobs.count(State.WAITING))
                .tag("state", "waiting")
                .description("Báo cáo đang chờ lập")
                .register(metrics);
        Gauge.builder("khuyenhoc.report.jobs", this, jobs -> jobs.count(State.RUNNING))
                .tag("state", "running")
                .description("Báo cáo đang lập")
                .register(metrics);
        this.durations = Timer.builder("khuyenhoc.report.duration")
                .description("Thời gian lập một báo cáo")
                .register(metrics);
    }

    private double count(State state) {
        try {
            return jdbc.sql("select count(*) from report_jobs where state = :state")
                    .param("state", state.name())
                    .query(Long.class)
                    .single();
        } catch (DataAccessException e) {
            return Double.NaN;
        }
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

    /** Puts a report in the shared queue and wakes this instance's worker; any instance may make it. */
    Job start(
            ReportKind kind,
            LocalityView locality,
            ReportPeriod period,
            Issuance issuance,
            ReportFormat format,
            SignedInUser owner) {
        UUID id = UUID.randomUUID();
        String label = kind.title() + " — " + locality.name() + " — " + period.label();
        String fileName = fileName(kind, locality, period, format);
        jdbc.sql("""
                        insert into report_jobs (id, owner, label, file_name, format, request)
                        values (:id, :owner, :label, :fileName, :format, cast(:request as jsonb))
                        """)
                .param("id", id)
                .param("owner", owner.getUsername())
                .param("label", label)
                .param("fileName", fileName)
                .param("format", format.name())
                .param("request", json.writeValueAsString(new Request(kind, locality.code(), period, issuance, format)))
                .update();
        wakeUps.offer(Boolean.TRUE);
        return new Job(id.toString(), owner.getUsername(), label, format, State.WAITING, 0, null);
    }

    /** A job of its owner, from whichever instance; anyone else's, an unknown or a malformed id is missing. */
    Optional<Job> find(String id, String owner) {
        return uuid(id).flatMap(key -> jdbc.sql("""
                        select id, owner, label, format, state, progress, error from report_jobs
                        where id = :id and owner = :owner
                        """)
                .param("id", key)
                .param("owner", owner)
                .query((rs, n) -> new Job(
                        rs.getString("id"),
                        rs.getString("owner"),
                        rs.getString("label"),
                        ReportFormat.valueOf(rs.getString("format")),
                        State.valueOf(rs.getString("state")),
                        rs.getInt("progress"),
                        rs.getString("error")))
                .optional());
    }

    /** A finished report's file: its name, format and content. */
    record File(String name, ReportFormat format, byte[] content) {}

    /** The file of a finished job of its owner. */
    Optional<File> file(String id, String owner) {
        return uuid(id).flatMap(key -> jdbc.sql("""
                        select file_name, format, content from report_jobs
                        where id = :id and owner = :owner and state = 'DONE' and content is not null
                        """)
                .param("id", key)
                .param("owner", owner)
                .query((rs, n) -> new File(
                        rs.getString("file_name"),
                        ReportFormat.valueOf(rs.getString("format")),
                        rs.getBytes("content")))
                .optional());
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Makes the file of a report now, in the caller's thread (the API). */
    byte[] make(
            ReportKind kind,
            LocalityView locality,
            ReportPeriod period,
            Issuance issuance,
            ReportFormat format,
            SignedInUser user,
            IntConsumer progress) {
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

    /** The worker starts once the instance serves requests (not for a maintenance command run without a server). */
    @EventListener(ApplicationReadyEvent.class)
    void begin(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext) || running) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::work, "reports");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    private void work() {
        Instant warnedAt = Instant.EPOCH;
        while (running) {
            try {
                Optional<Claim> claim = claimNext();
                if (claim.isPresent()) {
                    run(claim.get());
                    continue;
                }
                wakeUps.poll(LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (DataAccessException e) {
                // the database is away: try again later, without a stack trace every two seconds
                if (Duration.between(warnedAt, Instant.now()).compareTo(Duration.ofMinutes(1)) > 0) {
                    log.warn("Report queue unreachable: {}", e.getMessage());
                    warnedAt = Instant.now();
                }
                try {
                    Thread.sleep(LOOK_EVERY.toMillis());
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Takes the oldest waiting report, or a running one whose instance stopped beating; gives up a report that has
     * been taken {@value #MAX_ATTEMPTS} times; and forgets files older than {@link #KEPT_FOR}.
     */
    private Optional<Claim> claimNext() {
        long stale = STALE_AFTER.toSeconds();
        if (Duration.between(lastClean, Instant.now()).compareTo(Duration.ofMinutes(1)) > 0) {
            jdbc.sql("""
                            delete from report_jobs
                            where coalesce(finished_at, created_at) < now() - :kept * interval '1 second'
                            """).param("kept", KEPT_FOR.toSeconds()).update();
            lastClean = Instant.now();
        }
        jdbc.sql("""
                        update report_jobs set state = 'FAILED', finished_at = now(), error = :error
                        where state = 'RUNNING' and heartbeat_at < now() - :stale * interval '1 second'
                          and attempts >= :max
                        """)
                .param(
                        "error",
                        "Không lập được báo cáo: máy chủ dừng giữa chừng " + MAX_ATTEMPTS
                                + " lần khi lập báo cáo này. Xin lập lại, hoặc báo quản trị hệ thống.")
                .param("stale", stale)
                .param("max", MAX_ATTEMPTS)
                .update();
        Optional<Claim> claim = jdbc.sql("""
                        update report_jobs set state = 'RUNNING', claimed_by = :instance, attempts = attempts + 1,
                                               heartbeat_at = now(), progress = 0
                        where id = (select id from report_jobs
                                    where state = 'WAITING'
                                       or (state = 'RUNNING' and heartbeat_at < now() - :stale * interval '1 second')
                                    order by created_at
                                    limit 1
                                    for update skip locked)
                        returning id, owner, label, request::text as request, attempts
                        """)
                .param("instance", instance)
                .param("stale", stale)
                .query((rs, n) -> new Claim(
                        rs.getObject("id", UUID.class),
                        rs.getString("owner"),
                        rs.getString("label"),
                        json.readValue(rs.getString("request"), Request.class),
                        rs.getInt("attempts")))
                .optional();
        claim.filter(c -> c.attempt() > 1)
                .ifPresent(
                        c -> log.info("Report {} taken again (attempt {}): its instance stopped", c.id(), c.attempt()));
        return claim;
    }

    private void run(Claim claim) {
        current = claim;
        long started = System.nanoTime();
        Beat beat = new Beat(claim);
        try {
            SignedInUser owner = owner(claim.owner());
            Request request = claim.request();
            LocalityView locality = localities.get(request.locality(), owner);
            byte[] content = make(
                    request.kind(),
                    locality,
                    request.period(),
                    request.issuance(),
                    request.format(),
                    owner,
                    beat::progress);
            finish(claim, "DONE", content, null);
        } catch (RuntimeException e) {
            if (!running) {
                release(claim);
                return;
            }
            log.error("Report {} failed", claim.label(), e);
            String reason = e instanceof vn.khuyenhoc.shared.NotFoundException
                    ? "nơi của báo cáo không còn trong phạm vi của tài khoản"
                    : e.getMessage();
            finish(claim, "FAILED", null, "Không lập được báo cáo: " + reason);
        } finally {
            current = null;
            durations.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** The owner as the account stands now: a disabled or deleted account's reports are not made. */
    private SignedInUser owner(String username) {
        try {
            if (users.loadUserByUsername(username) instanceof SignedInUser user && user.isEnabled()) {
                return user;
            }
        } catch (UsernameNotFoundException e) {
            // answered below
        }
        throw new IllegalStateException("tài khoản “" + username + "” không còn dùng được");
    }

    /** Progress written at most once a second, and a beat at least every {@link #BEAT_EVERY_MILLIS} ms while a query runs. */
    private final class Beat {
        private final Claim claim;
        private int written = -1;
        private long writtenAt;

        Beat(Claim claim) {
            this.claim = claim;
        }

        void progress(int value) {
            long now = System.nanoTime();
            if (value != written && (value >= 100 || now - writtenAt > TimeUnit.SECONDS.toNanos(1))) {
                claimed("update report_jobs set progress = :progress, heartbeat_at = now()", claim)
                        .param("progress", Math.max(0, Math.min(100, value)))
                        .update();
                written = value;
                writtenAt = now;
            }
        }
    }

    /** Beats for the report this instance is making, so that no other takes it while a long query runs. */
    @Scheduled(fixedDelay = BEAT_EVERY_MILLIS)
    void beat() {
        Claim claim = current;
        if (claim == null) {
            return;
        }
        try {
            claimed("update report_jobs set heartbeat_at = now()", claim).update();
        } catch (DataAccessException e) {
            log.warn("Report {} could not beat: {}", claim.id(), e.getMessage());
        }
    }

    /** Stores the outcome only under this instance's latest claim: a report taken over meanwhile is not stored twice. */
    private void finish(Claim claim, String state, byte @Nullable [] content, @Nullable String error) {
        int stored = claimed("""
                        update report_jobs set state = :state, progress = case when :state = 'DONE' then 100
                                                                               else progress end,
                                               content = :content, error = :error, finished_at = now()
                        """, claim)
                .param("state", state)
                .param("content", content)
                .param("error", error)
                .update();
        if (stored == 0) {
            log.warn("Report {} was taken over by another instance; this instance's result is dropped", claim.id());
        }
    }

    /** An update of a report this instance is making, under its claim: after a take-over it changes nothing. */
    private JdbcClient.StatementSpec claimed(String update, Claim claim) {
        return jdbc.sql(update + " where id = :id and claimed_by = :instance and attempts = :attempt"
                        + " and state = 'RUNNING'")
                .param("id", claim.id())
                .param("instance", instance)
                .param("attempt", claim.attempt());
    }

    /** Hands a report back to the queue when this instance stops in the middle of it. */
    private void release(Claim claim) {
        try {
            claimed("update report_jobs set state = 'WAITING', claimed_by = null, progress = 0", claim)
                    .update();
        } catch (DataAccessException e) {
            log.warn("Report {} could not be handed back; another instance takes it after {}", claim.id(), STALE_AFTER);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }
}
