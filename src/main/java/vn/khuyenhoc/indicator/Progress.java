package vn.khuyenhoc.indicator;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where an indicator stands against its next milestone (2025 until then, 2030 after): the value expected on the
 * straight path from the baseline year's value to the milestone's target, and a traffic light. On track when the value
 * reaches the path; at risk within 5 percentage points below it; off track further below.
 */
record Progress(
        Indicator indicator,
        int milestone,
        @Nullable Double target,
        @Nullable Double expected,
        Light light,
        List<Point> series) {

    static final double AT_RISK_POINTS = 5.0;

    enum Light {
        ON_TRACK("Đúng tiến độ", "ok"),
        AT_RISK("Có nguy cơ chậm", "warn"),
        OFF_TRACK("Chậm tiến độ", "bad"),
        NO_TARGET("Chưa có mục tiêu", "none"),
        NO_DATA("Chưa có số liệu", "none");

        private final String label;
        private final String css;

        Light(String label, String css) {
            this.label = label;
            this.css = css;
        }

        public String label() {
            return label;
        }

        public String css() {
            return css;
        }
    }

    /** A past value of the indicator. */
    record Point(int year, @Nullable Double value) {}

    static int milestone(int year) {
        return year <= 2025 ? 2025 : 2030;
    }

    /** The progress of {@code indicator} in {@code year}, its past values in {@code series} (oldest first). */
    static Progress of(Indicator indicator, int year, int baselineYear, List<Point> series) {
        int milestone = milestone(year);
        Map<String, Double> targets = indicator.targets();
        Double target = targets.get(String.valueOf(milestone));
        if (indicator.value() == null) {
            return new Progress(indicator, milestone, target, null, Light.NO_DATA, series);
        }
        if (target == null) {
            return new Progress(indicator, milestone, null, null, Light.NO_TARGET, series);
        }
        Double baseline = series.stream()
                .filter(p -> p.year() == baselineYear && p.value() != null)
                .map(Point::value)
                .findFirst()
                .orElse(null);
        double start = baseline == null ? 0 : baseline;
        double expected = year >= milestone || milestone <= baselineYear
                ? target
                : start + (target - start) * (year - baselineYear) / (milestone - baselineYear);
        expected = Math.round(expected * 10) / 10.0;
        double gap = expected - indicator.value();
        Light light = gap <= 0 ? Light.ON_TRACK : gap <= AT_RISK_POINTS ? Light.AT_RISK : Light.OFF_TRACK;
        return new Progress(indicator, milestone, target, expected, light, series);
    }

    /** Percentage points still missing to the milestone's target (none when reached or unknown). */
    public @Nullable Double gap() {
        if (target == null || indicator.value() == null || indicator.value() >= target) {
            return null;
        }
        return Math.round((target - indicator.value()) * 10) / 10.0;
    }

    /** The series as the points of an SVG polyline 120 × 32 (0% at the bottom, 100% at the top). */
    public String sparkline() {
        StringBuilder points = new StringBuilder();
        int n = series.size();
        for (int i = 0; i < n; i++) {
            Double v = series.get(i).value();
            if (v == null) {
                continue;
            }
            double x = n == 1 ? 60 : 4 + 112.0 * i / (n - 1);
            double y = 30 - 28 * v / 100;
            points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return points.toString().trim();
    }
}
