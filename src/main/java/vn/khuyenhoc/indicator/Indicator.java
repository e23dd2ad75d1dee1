package vn.khuyenhoc.indicator;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One indicator's value for a locality and year: never typed in, always computed from the records. Recognition rates
 * also carry the second denominator QĐ 387 asks for: the subjects registered that year ({@code registered}), of whom
 * {@code recognisedOfRegistered} were recognised ({@code valueOfRegistered} percent).
 */
public record Indicator(
        String code,
        String name,
        long numerator,
        long denominator,
        @Nullable Double value,
        Map<String, Double> targets,
        @Nullable Long registered,
        @Nullable Long recognisedOfRegistered,
        @Nullable Double valueOfRegistered) {

    static Indicator of(
            String code,
            String name,
            long numerator,
            long denominator,
            @Nullable Double value,
            Map<String, Double> targets) {
        return new Indicator(code, name, numerator, denominator, value, targets, null, null, null);
    }
}
