package vn.khuyenhoc.indicator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ProgrammeYear;

/**
 * Indicator tables kept for ten minutes per locality and year, so that the dashboards of many users and the public
 * page cost one computation; each says when it was computed (the freshness stamp on the pages). A target changed by an
 * administrator clears them.
 */
@Component
class IndicatorSnapshots {

    static final Duration FRESH_FOR = Duration.ofMinutes(10);

    /** A table and when it was computed. */
    record Snapshot(IndicatorService.IndicatorTable table, Instant computedAt) {}

    private record Key(String locality, int year, boolean totalsOnly) {}

    private final IndicatorService indicators;
    private final LocalityService localities;
    private final String provinceCode;
    private final Map<Key, Snapshot> cache = new ConcurrentHashMap<>();

    /** Something made from snapshots (a dashboard's page model), valid while the snapshot it was made from is. */
    private record Derived(Instant basedOn, Object value) {}

    private final Map<Object, Derived> derived = new ConcurrentHashMap<>();

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    /** The shared generation the copies in this instance were made under: see {@link #current()}. */
    private volatile long generation = -1;

    IndicatorSnapshots(
            IndicatorService indicators,
            LocalityService localities,
            @Value("${khuyenhoc.province-code:66}") String provinceCode,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.localities = localities;
        this.provinceCode = provinceCode;
    }

    /** The province's table of a year (this year when none); a year outside the programme is refused. */
    Snapshot province(Integer year) {
        return of(localities.find(provinceCode, "").orElseThrow(), ProgrammeYear.check(year, "year"));
    }

    /** The table of a locality the caller may see (the caller has checked the scope). */
    Snapshot of(LocalityView locality, int year) {
        return cached(new Key(locality.code(), year, false), () -> indicators.table(locality, year));
    }

    /**
     * The totals of a locality's year without its rows (a dashboard's series), or the whole table when it is there
     * already.
     */
    Snapshot totals(LocalityView locality, int year) {
        current();
        Snapshot whole = cache.get(new Key(locality.code(), year, false));
        if (whole != null && whole.computedAt().plus(FRESH_FOR).isAfter(Instant.now())) {
            return whole;
        }
        return fresh(new Key(locality.code(), year, true), () -> indicators.totals(locality, year));
    }

    private Snapshot cached(Key key, java.util.function.Supplier<IndicatorService.IndicatorTable> compute) {
        current();
        return fresh(key, compute);
    }

    /** The snapshot under {@code key} while it is fresh, else a new one; the generation has been read. */
    private Snapshot fresh(Key key, java.util.function.Supplier<IndicatorService.IndicatorTable> compute) {
        Snapshot cached = cache.get(key);
        if (cached != null && cached.computedAt().plus(FRESH_FOR).isAfter(Instant.now())) {
            return cached;
        }
        Snapshot fresh = new Snapshot(compute.get(), Instant.now());
        cache.put(key, fresh);
        return fresh;
    }

    /** What {@code make} gives, made once for {@code key} while the snapshot computed at {@code basedOn} stands. */
    @SuppressWarnings("unchecked")
    <T> T derived(Object key, Instant basedOn, java.util.function.Supplier<T> make) {
        Derived found = derived.get(key);
        if (found != null && found.basedOn().equals(basedOn)) {
            return (T) found.value();
        }
        T value = make.get();
        derived.put(key, new Derived(basedOn, value));
        return value;
    }

    /** Reported figures changed: tables already computed may show the old ones. */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void on(vn.khuyenhoc.indicator.reported.ReportedFiguresChanged changed) {
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
     * copies were made from, they are dropped here too. The 10-minute freshness of figures computed from the records
     * is unchanged (see {@link #FRESH_FOR}).
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
