package vn.khuyenhoc.indicator;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One indicator's value for a locality and year: computed from the records ({@code origin} COMPUTED), taken from the
 * figures of past paper reports where no record exists (REPORTED), or, for a total, both (MIXED). A denominator of 0
 * has no value ("chưa có số liệu"). Recognition rates
 * also carry the second denominator QĐ 387 asks for: the subjects registered that year ({@code registered}), of whom
 * {@code recognisedOfRegistered} were recognised ({@code valueOfRegistered} percent). {@code targets} are by milestone
 * year ("2025", "2030"), from {@code plan} or a commune's own.
 */
public record Indicator(
        String code,
        String name,
        long numerator,
        long denominator,
        @Nullable Double value,
        Map<String, Double> targets,
        @Nullable String plan,
        @Nullable Long registered,
        @Nullable Long recognisedOfRegistered,
        @Nullable Double valueOfRegistered,
        String origin) {

    public static final String COMPUTED = "COMPUTED";
    public static final String REPORTED = "REPORTED";
    public static final String MIXED = "MIXED";

    /** A value computed from the records. */
    public Indicator(
            String code,
            String name,
            long numerator,
            long denominator,
            @Nullable Double value,
            Map<String, Double> targets,
            @Nullable String plan,
            @Nullable Long registered,
            @Nullable Long recognisedOfRegistered,
            @Nullable Double valueOfRegistered) {
        this(
                code,
                name,
                numerator,
                denominator,
                value,
                targets,
                plan,
                registered,
                recognisedOfRegistered,
                valueOfRegistered,
                COMPUTED);
    }

    /** The same indicator with other figures and origin; the percentage follows (none for a denominator of 0). */
    public Indicator withFigures(long numerator, long denominator, String origin) {
        Double percent = denominator == 0 ? null : Math.round(numerator * 1000.0 / denominator) / 10.0;
        return new Indicator(
                code,
                name,
                numerator,
                denominator,
                percent,
                targets,
                plan,
                REPORTED.equals(origin) ? null : registered,
                REPORTED.equals(origin) ? null : recognisedOfRegistered,
                REPORTED.equals(origin) ? null : valueOfRegistered,
                origin);
    }

    public Indicator withOrigin(String origin) {
        return new Indicator(
                code,
                name,
                numerator,
                denominator,
                value,
                targets,
                plan,
                registered,
                recognisedOfRegistered,
                valueOfRegistered,
                origin);
    }

    public boolean reported() {
        return !COMPUTED.equals(origin);
    }

    static Indicator of(
            IndicatorDefinition definition,
            long numerator,
            long denominator,
            @Nullable Double value,
            Map<String, Plans.Targets> targets) {
        Plans.Targets target = targets.get(definition.code());
        return new Indicator(
                definition.code(),
                definition.label(),
                numerator,
                denominator,
                value,
                target == null ? Map.of() : target.byYear(),
                target == null ? null : target.plan(),
                null,
                null,
                null);
    }
}
