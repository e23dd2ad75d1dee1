package vn.khuyenhoc.indicator;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One indicator's value for a locality and year: never typed in, always computed from the records. */
public record Indicator(
        String code,
        String name,
        long numerator,
        long denominator,
        @Nullable Double value,
        Map<String, Double> targets) {}
