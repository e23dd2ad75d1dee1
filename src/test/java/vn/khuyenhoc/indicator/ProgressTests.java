package vn.khuyenhoc.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The traffic light: the straight path from the baseline year's value to the milestone's target. */
class ProgressTests {

    static Indicator family(Double value) {
        return new Indicator(
                "learning-family-rate",
                "Hộ gia đình",
                0,
                0,
                value,
                Map.of("2025", 70.0, "2030", 80.0),
                "QĐ 387/QĐ-TTg",
                null,
                null,
                null);
    }

    static List<Progress.Point> from(double baseline) {
        return List.of(
                new Progress.Point(2021, baseline), new Progress.Point(2022, null), new Progress.Point(2023, null));
    }

    @Test
    void onTheStraightPathIsOnTrack() {
        // 2021: 30%, target 70% in 2025 → 2023 needs 50%
        Progress progress = Progress.of(family(50.0), 2023, 2021, from(30));
        assertThat(progress.expected()).isEqualTo(50.0);
        assertThat(progress.light()).isEqualTo(Progress.Light.ON_TRACK);
        assertThat(progress.gap()).isEqualTo(20.0);
    }

    @Test
    void withinFivePointsBelowIsAtRiskFurtherIsOffTrack() {
        assertThat(Progress.of(family(46.0), 2023, 2021, from(30)).light()).isEqualTo(Progress.Light.AT_RISK);
        assertThat(Progress.of(family(44.9), 2023, 2021, from(30)).light()).isEqualTo(Progress.Light.OFF_TRACK);
    }

    @Test
    void afterTwentyTwentyFiveTheNextMilestoneIsTwentyThirty() {
        Progress progress = Progress.of(family(75.0), 2026, 2021, from(30));
        assertThat(progress.milestone()).isEqualTo(2030);
        assertThat(progress.target()).isEqualTo(80.0);
        // 30 + (80 − 30) × 5/9
        assertThat(progress.expected()).isEqualTo(57.8);
        assertThat(progress.light()).isEqualTo(Progress.Light.ON_TRACK);
    }

    @Test
    void noValueOrNoTargetHasNoLight() {
        assertThat(Progress.of(family(null), 2023, 2021, from(30)).light()).isEqualTo(Progress.Light.NO_DATA);
        Indicator untargeted = new Indicator("x", "x", 1, 2, 50.0, Map.of(), null, null, null, null);
        assertThat(Progress.of(untargeted, 2023, 2021, List.of()).light()).isEqualTo(Progress.Light.NO_TARGET);
    }

    @Test
    void theSparklineSkipsYearsWithoutAValue() {
        Progress progress = Progress.of(
                family(50.0),
                2023,
                2021,
                List.of(
                        new Progress.Point(2021, 0.0),
                        new Progress.Point(2022, null),
                        new Progress.Point(2023, 100.0)));
        assertThat(progress.sparkline()).isEqualTo("4.0,30.0 116.0,2.0");
    }
}
