package vn.khuyenhoc.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.shared.ProgrammeYear;

/**
 * Instances on one database share a generation per cache: one that changes a target or a reported figure bumps it,
 * and every other drops its copies at its next read (here the other instance is played by a statement).
 */
@IntegrationTest
class CacheGenerationTests {

    @Autowired
    IndicatorSnapshots snapshots;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anotherInstancesChangeDropsThisInstancesCopies() {
        int year = ProgrammeYear.current();
        var first = snapshots.province(year);
        assertThat(snapshots.province(year).computedAt()).isEqualTo(first.computedAt());

        jdbc.sql("update cache_generations set generation = generation + 1 where name = 'indicators'")
                .update();

        assertThat(snapshots.province(year).computedAt()).isAfter(first.computedAt());
    }

    @Test
    void clearingHereIsSeenByTheOthers() {
        long before = generation();
        snapshots.clear();
        assertThat(generation()).isEqualTo(before + 1);
    }

    private long generation() {
        return jdbc.sql("select generation from cache_generations where name = 'indicators'")
                .query(Long.class)
                .single();
    }
}
