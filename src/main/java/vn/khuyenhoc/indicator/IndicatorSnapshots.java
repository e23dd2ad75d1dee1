package vn.khuyenhoc.indicator;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.khuyenhoc.indicator.reported.ReportedFiguresChanged;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ProgrammeYear;

/**
 * Indicator tables kept per locality and year, so that the dashboards of many users and the public page cost one
 * computation; each says when it was computed (the freshness stamp on the pages). A target or reported figure changed
 * on any instance drops them on every instance (the shared generation, see {@link #current()}).
 *
 * <p>A table is fresh for ten minutes. After that, for another twenty, it is still shown (with its time) while one
 * background thread computes the new one, so that no request waits seconds for a commune's years because ten minutes
 * passed, and a whole province's dashboards do not all expire into their requests at once. Older than thirty minutes,
 * or never computed, it is computed in the request, once however many requests ask for it at the same time.
 */
@Component
class IndicatorSnapshots {

    private static final Logger log = LoggerFactory.getLogger(IndicatorSnapshots.class);

    static final Duration FRESH_FOR = Duration.ofMinutes(10);
    /** How long a table past its freshness is still shown while its successor is computed. */
    static final Duration SHOWN_FOR = Duration.ofMinutes(30);

    /** A table and when it was computed. */
    record Snapshot(IndicatorService.IndicatorTable table, Instant computedAt) {}

    private record Key(String locality, int year, boolean totalsOnly) {}

    /** Something made from snapshots (a dashboard's page model), valid while the snapshot it was made from is. */
    private record Derived(Instant basedOn, Object value) {}

    private final IndicatorService indicators;
    private final LocalityService localities;
    private final String provinceCode;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Executor refresher;
    private final Map<Key, Snapshot> cache = new ConcurrentHashMap<>();
    private final Map<Object, Derived> derived = new ConcurrentHashMap<>();
    /** The computations under way: a second request for the same table waits for the first's. */
    private final Map<Key, CompletableFuture<Snapshot>> computing = new ConcurrentHashMap<>();
    /** The tables waiting for or under a background computation: one at a time per table. */
    private final Set<Key> queued = ConcurrentHashMap.newKeySet();
    /** The shared generation the copies in this instance were made under: see {@link #current()}. */
    private volatile long generation = -1;

    @Autowired
    IndicatorSnapshots(
            IndicatorService indicators,
            LocalityService localities,
            @Value("${khuyenhoc.province-code:66}") String provinceCode,
            JdbcClient jdbc) {
        this(indicators, localities, provinceCode, jdbc, Clock.systemUTC(), refresher());
    }

    IndicatorSnapshots(
            IndicatorService indicators,
            LocalityService localities,
            String provinceCode,
            JdbcClient jdbc,
            Clock clock,
            Executor refresher) {
        this.indicators = indicators;
        this.localities = localities;
        this.provinceCode = provinceCode;
        this.jdbc = jdbc;
        this.clock = clock;
        this.refresher = refresher;
    }

    /** One thread, a bounded queue: a refresh that finds it full is refused (a later request asks again). */
    private static ExecutorService refresher() {
        return new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(1_000),
                r -> {
                    Thread thread = new Thread(r, "indicator-refresh");
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    @PreDestroy
    void stop() {
        if (refresher instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }

    /** The province's table of a year (this year when none); a year outside the programme is refused. */
    Snapshot province(Integer year) {
        return of(localities.find(provinceCode, "").orElseThrow(), ProgrammeYear.check(year, "year"));
    }

    /** The table of a locality the caller may see (the caller has checked the scope). */
    Snapshot of(LocalityView locality, int year) {
        current();
        return snapshot(new Key(locality.code(), year, false), () -> indicators.table(locality, year));
    }

    /**
     * The totals of a locality's year without its rows (a dashboard's series), or the whole table when it is there
     * already.
     */
    Snapshot totals(LocalityView locality, int year) {
        current();
        Snapshot whole = cache.get(new Key(locality.code(), year, false));
        if (whole != null && whole.computedAt().plus(FRESH_FOR).isAfter(clock.instant())) {
            return whole;
        }
        return snapshot(new Key(locality.code(), year, true), () -> indicators.totals(locality, year));
    }

    /**
     * The snapshot under {@code key}: the kept one while fresh; the kept one while it may still be shown, its successor
     * then computed in the background; else one computed now. The generation has been read.
     */
    private Snapshot snapshot(Key key, Supplier<IndicatorService.IndicatorTable> compute) {
        Snapshot kept = cache.get(key);
        Instant now = clock.instant();
        if (kept != null && kept.computedAt().plus(FRESH_FOR).isAfter(now)) {
            return kept;
        }
        if (kept != null && kept.computedAt().plus(SHOWN_FOR).isAfter(now)) {
            if (queued.add(key)) {
                try {
                    refresher.execute(() -> {
                        try {
                            computeOnce(key, compute);
                        } catch (RuntimeException e) {
                            // the kept table stays shown; the next request past thirty minutes computes it itself
                            log.warn("Could not compute the indicators of {} again in the background", key, e);
                        } finally {
                            queued.remove(key);
                        }
                    });
                } catch (RejectedExecutionException e) {
                    queued.remove(key); // the queue is full or the instance stops: a later request asks again
                }
            }
            return kept;
        }
        return computeOnce(key, compute);
    }

    /**
     * Computes the table in this thread, or waits for the computation another thread has started. A table computed
     * while the shared generation changed is handed to its requests but not kept.
     */
    private Snapshot computeOnce(Key key, Supplier<IndicatorService.IndicatorTable> compute) {
        CompletableFuture<Snapshot> mine = new CompletableFuture<>();
        CompletableFuture<Snapshot> running = computing.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            long before = generation;
            Snapshot made = new Snapshot(compute.get(), clock.instant());
            if (before == generation) {
                cache.put(key, made);
            }
            mine.complete(made);
            return made;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(key, mine);
        }
    }

    /** What {@code make} gives, made once for {@code key} while the snapshot computed at {@code basedOn} stands. */
    @SuppressWarnings("unchecked")
    <T> T derived(Object key, Instant basedOn, Supplier<T> make) {
        Derived found = derived.get(key);
        if (found != null && found.basedOn().equals(basedOn)) {
            return (T) found.value();
        }
        T value = make.get();
        derived.put(key, new Derived(basedOn, value));
        return value;
    }

    /** Reported figures changed: tables already computed may show the old ones. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ReportedFiguresChanged changed) {
        clear();
    }

    /**
     * Drops this instance's copies and bumps the shared generation, so that every other instance on the database drops
     * its copies at its next read.
     */
    void clear() {
        generation = jdbc.sql("update cache_generations set generation = generation + 1 where name = 'indicators'"
                        + " returning generation")
                .query(Long.class)
                .single();
        cache.clear();
        derived.clear();
    }

    /**
     * One indexed read per use of the cache (well under a millisecond): when another instance changed what the
     * copies were made from, they are dropped here too. Figures computed from the records are recomputed after
     * {@link #FRESH_FOR} (see the class comment).
     */
    private void current() {
        long shared = jdbc.sql("select generation from cache_generations where name = 'indicators'")
                .query(Long.class)
                .optional()
                .orElse(0L);
        if (shared != generation) {
            cache.clear();
            derived.clear();
            generation = shared;
        }
    }
}
