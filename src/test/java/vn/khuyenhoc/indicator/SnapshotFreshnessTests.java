package vn.khuyenhoc.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.MovableClock;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ProgrammeYear;

/**
 * A table past its ten minutes is still shown while one background computation replaces it; past thirty minutes it is
 * computed in the request; requests asking at the same time for a table not kept share one computation.
 */
@IntegrationTest
class SnapshotFreshnessTests {

    @Autowired
    LocalityService localities;

    @Autowired
    JdbcClient jdbc;

    private CountingIndicators counting;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-01T03:00:00Z"));
    private final List<Runnable> background = new ArrayList<>();
    private IndicatorSnapshots snapshots;
    private LocalityView province;
    private final int year = ProgrammeYear.current();

    @Autowired
    IndicatorService indicators;

    @BeforeEach
    void snapshots() {
        counting = new CountingIndicators(indicators);
        snapshots = new IndicatorSnapshots(counting, localities, "66", jdbc, clock, background::add);
        province = localities.find("66", "").orElseThrow();
    }

    @Test
    void aTablePastItsTenMinutesIsShownWhileItsSuccessorIsComputedInTheBackground() {
        IndicatorSnapshots.Snapshot first = snapshots.of(province, year);
        assertThat(counting.calls.get()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(9));
        assertThat(snapshots.of(province, year)).isSameAs(first);
        assertThat(background).isEmpty();

        clock.advance(Duration.ofMinutes(3));
        assertThat(snapshots.of(province, year))
                .as("shown at once, not computed in the request")
                .isSameAs(first);
        assertThat(snapshots.of(province, year)).isSameAs(first);
        assertThat(counting.calls.get()).isEqualTo(1);
        assertThat(background).as("one background computation however many ask").hasSize(1);

        background.remove(0).run();
        assertThat(counting.calls.get()).isEqualTo(2);
        IndicatorSnapshots.Snapshot second = snapshots.of(province, year);
        assertThat(second).isNotSameAs(first);
        assertThat(second.computedAt()).isEqualTo(clock.instant());
    }

    @Test
    void aTableOlderThanThirtyMinutesIsComputedInTheRequest() {
        IndicatorSnapshots.Snapshot first = snapshots.of(province, year);

        clock.advance(Duration.ofMinutes(31));
        IndicatorSnapshots.Snapshot now = snapshots.of(province, year);

        assertThat(now).isNotSameAs(first);
        assertThat(now.computedAt()).isEqualTo(clock.instant());
        assertThat(background).isEmpty();
        assertThat(counting.calls.get()).isEqualTo(2);
    }

    @Test
    void requestsAskingAtOnceForATableNotKeptShareOneComputation() throws Exception {
        counting.hold = new CountDownLatch(1);
        ExecutorService requests = Executors.newFixedThreadPool(4);
        try {
            List<Future<IndicatorSnapshots.Snapshot>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(requests.submit(() -> snapshots.of(province, year)));
            }
            counting.started.await();
            Thread.sleep(200); // the other three arrive while the first computes
            counting.hold.countDown();
            IndicatorSnapshots.Snapshot one = answers.get(0).get();
            for (Future<IndicatorSnapshots.Snapshot> answer : answers) {
                assertThat(answer.get()).isSameAs(one);
            }
            assertThat(counting.calls.get()).isEqualTo(1);
        } finally {
            requests.shutdownNow();
        }
    }

    /** The real computation, counted, and held until the test lets it go when it asks to. */
    private static final class CountingIndicators extends IndicatorService {

        private final IndicatorService real;
        private final CountDownLatch started = new CountDownLatch(1);
        private volatile CountDownLatch hold = new CountDownLatch(0);
        private final AtomicInteger calls = new AtomicInteger();

        CountingIndicators(IndicatorService real) {
            super(null, null, null, null, null, null);
            this.real = real;
        }

        @Override
        public IndicatorTable table(LocalityView locality, int year) {
            calls.incrementAndGet();
            started.countDown();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.table(locality, year);
        }
    }
}
