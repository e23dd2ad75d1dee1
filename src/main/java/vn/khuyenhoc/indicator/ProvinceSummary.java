package vn.khuyenhoc.indicator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One province's indicators of a year in the shape a national roll-up adds up (one deployment per province,
 * docs/scaling.md): which province, the totals of every indicator as numerator and denominator (a percentage alone
 * cannot be added), and when they were computed. {@code format} changes only when a field changes its meaning, so a
 * collector can refuse what it does not understand.
 */
record ProvinceSummary(
        int format,
        String province,
        String provinceName,
        int year,
        LocalDate asOf,
        Instant computedAt,
        int communes,
        List<Figure> indicators) {

    static final int FORMAT = 1;

    /** An indicator's total: what the roll-up sums, with the origin of the figures (COMPUTED, REPORTED or MIXED). */
    record Figure(
            String code,
            long numerator,
            long denominator,
            @Nullable Long registered,
            @Nullable Long recognisedOfRegistered,
            String origin) {}

    static ProvinceSummary of(IndicatorService.IndicatorTable table, Instant computedAt) {
        return new ProvinceSummary(
                FORMAT,
                table.locality(),
                table.localityName(),
                table.year(),
                table.asOf(),
                computedAt,
                table.communes().size(),
                table.total().stream()
                        .map(i -> new Figure(
                                i.code(),
                                i.numerator(),
                                i.denominator(),
                                i.registered(),
                                i.recognisedOfRegistered(),
                                i.origin()))
                        .toList());
    }
}
