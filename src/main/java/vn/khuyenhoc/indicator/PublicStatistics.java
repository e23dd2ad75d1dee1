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
 * The province's indicators for the public: aggregated figures only (no household, member or subject is named),
 * computed from the records and kept for ten minutes per year so that anyone's visit costs nothing; each answer says
 * when it was computed.
 */
@Component
class PublicStatistics {

    static final Duration FRESH_FOR = Duration.ofMinutes(10);

    /** A table and when it was computed. */
    record Snapshot(IndicatorService.IndicatorTable table, Instant computedAt) {}

    private final IndicatorService indicators;
    private final LocalityService localities;
    private final String provinceCode;
    private final Map<Integer, Snapshot> cache = new ConcurrentHashMap<>();

    PublicStatistics(
            IndicatorService indicators,
            LocalityService localities,
            @Value("${khuyenhoc.province-code:66}") String provinceCode) {
        this.indicators = indicators;
        this.localities = localities;
        this.provinceCode = provinceCode;
    }

    /** The year asked for (this year when none); a year outside the programme is refused naming the field. */
    Snapshot of(Integer year) {
        int chosen = ProgrammeYear.check(year, "year");
        Snapshot cached = cache.get(chosen);
        if (cached != null && cached.computedAt().plus(FRESH_FOR).isAfter(Instant.now())) {
            return cached;
        }
        LocalityView province = localities.find(provinceCode, "").orElseThrow();
        Snapshot fresh = new Snapshot(indicators.table(province, chosen), Instant.now());
        cache.put(chosen, fresh);
        return fresh;
    }
}
