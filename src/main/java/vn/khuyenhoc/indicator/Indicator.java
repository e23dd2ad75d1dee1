package vn.khuyenhoc.indicator;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One indicator's value for a locality and year: never typed in, always computed from the records. Recognition rates
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
        @Nullable Double valueOfRegistered) {

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
