package vn.khuyenhoc.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.shared.Instance;

/**
 * Scheduled work that runs once across all instances on the database: each instance's timer fires, and the one that
 * records the task's due time in {@code scheduled_runs} first runs it; the others find the row and skip, however late
 * their clocks or timers are. Rows older than {@link #KEPT} are forgotten.
 */
@Component
class ScheduledRuns {

    static final Duration KEPT = Duration.ofDays(60);
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;
    private final Instance instance;

    ScheduledRuns(JdbcClient jdbc, Instance instance) {
        this.jdbc = jdbc;
        this.instance = instance;
    }

    /** Whether this instance is the one to run the task due at that time. */
    boolean claim(String task, Instant due) {
        jdbc.sql("delete from scheduled_runs where due_at < :before")
                .param("before", java.sql.Timestamp.from(due.minus(KEPT)))
                .update();
        return jdbc.sql("""
                        insert into scheduled_runs (task, due_at, instance) values (:task, :due, :instance)
                        on conflict (task, due_at) do nothing
                        """)
                        .param("task", task)
                        .param("due", java.sql.Timestamp.from(due))
                        .param("instance", instance.name())
                        .update()
                == 1;
    }

    /** The last time of day (Vietnam's time) at or before the instant: the due time of a daily task. */
    static Instant lastDaily(LocalTime time, Instant now) {
        ZonedDateTime here = now.atZone(VIETNAM);
        ZonedDateTime due = here.truncatedTo(ChronoUnit.DAYS).with(time);
        return (due.isAfter(here) ? due.minusDays(1) : due).toInstant();
    }
}
