package vn.khuyenhoc.account;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyenhoc.audit.AuditTrail;

/**
 * Failed sign-ins by username, in PostgreSQL so that every instance sees them: after {@value #MAX_FAILURES} failures
 * within {@link #WINDOW} the name is locked for {@link #LOCK}, whatever password comes next. Names that match no
 * account are counted alike, so that the answer reveals nothing.
 */
@Component
class SignInThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    /** Failure rows older than this are forgotten, so that guessing many names cannot grow the table for ever. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private static final String RECORD_FAILURE = """
            insert into sign_in_failures as f (username, failures, first_failed_at, locked_until)
            values (:username, 1, now(), null)
            on conflict (username) do update set
                failures = case when f.first_failed_at < now() - :window * interval '1 second' then 1
                                else f.failures + 1 end,
                first_failed_at = case when f.first_failed_at < now() - :window * interval '1 second' then now()
                                       else f.first_failed_at end,
                locked_until = case when f.first_failed_at >= now() - :window * interval '1 second'
                                         and f.failures + 1 >= :max
                                    then now() + :lock * interval '1 second' end
            returning failures, locked_until, (xmax = 0) as inserted
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final String provinceCode;

    private final io.micrometer.core.instrument.Counter failures;
    private final io.micrometer.core.instrument.Counter lockOuts;

    SignInThrottle(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            AuditTrail audit,
            @Value("${khuyenhoc.province-code:66}") String provinceCode,
            io.micrometer.core.instrument.MeterRegistry metrics) {
        this.failures = metrics.counter("khuyenhoc.sign_in.failures");
        this.lockOuts = metrics.counter("khuyenhoc.sign_in.lockouts");
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.provinceCode = provinceCode.strip();
    }

    /** Where a name stands before an attempt: locked for some seconds, and whether failures are on record. */
    record Standing(long lockedSeconds, boolean failuresOnRecord) {

        static final Standing CLEAR = new Standing(0, false);

        boolean locked() {
            return lockedSeconds > 0;
        }
    }

    /** One statement on its own connection, before the password is checked (no transaction is open on sign-in). */
    Standing standing(String username) {
        return jdbc.sql("""
                        select coalesce(ceil(extract(epoch from locked_until - now())), 0)::bigint
                        from sign_in_failures where username = :username
                        """)
                .param("username", username)
                .query((rs, n) -> new Standing(Math.max(0, rs.getLong(1)), true))
                .optional()
                .orElse(Standing.CLEAR);
    }

    /** A wrong password: counted, and the fifth within the window locks the name and is written to the audit trail. */
    void failed(String username, String address) {
        failures.increment();
        transactions.executeWithoutResult(status -> {
            Failure failure = jdbc.sql(RECORD_FAILURE)
                    .param("username", username)
                    .param("window", WINDOW.toSeconds())
                    .param("lock", LOCK.toSeconds())
                    .param("max", MAX_FAILURES)
                    .query((rs, n) -> new Failure(
                            rs.getInt("failures"),
                            rs.getObject("locked_until", OffsetDateTime.class),
                            rs.getBoolean("inserted")))
                    .single();
            if (failure.inserted()) {
                jdbc.sql("delete from sign_in_failures where first_failed_at < now() - :age * interval '1 second'"
                                + " and (locked_until is null or locked_until < now())")
                        .param("age", FORGET_AFTER.toSeconds())
                        .update();
            }
            OffsetDateTime lockedUntil = failure.lockedUntil();
            if (failure.failures() == MAX_FAILURES && lockedUntil != null) {
                lockOuts.increment();
                audit.recordChange(
                        "SIGN_IN_LOCKED",
                        "account",
                        username,
                        null,
                        new LockOut(
                                failure.failures(),
                                lockedUntil.toString(),
                                address,
                                "Khóa " + LOCK.toMinutes() + " phút sau " + MAX_FAILURES + " lần sai mật khẩu"),
                        localityPathOf(username));
            }
        });
    }

    /** A right password: the count starts again. */
    void succeeded(String username) {
        jdbc.sql("delete from sign_in_failures where username = :username")
                .param("username", username)
                .update();
    }

    /** The account's scope, so that its administrators see the lock-out; an unknown name belongs to the province. */
    private String localityPathOf(String username) {
        return jdbc.sql("""
                        select coalesce(
                            (select l.path::text from accounts a join localities l on l.id = a.scope_locality_id
                             where a.username = :username),
                            (select path::text from localities where code = :province and level = 'PROVINCE'))
                        """)
                .param("username", username)
                .param("province", provinceCode)
                .query(String.class)
                .single();
    }

    private record Failure(int failures, @Nullable OffsetDateTime lockedUntil, boolean inserted) {}

    /** What the audit trail records of a lock-out. */
    record LockOut(int failures, String lockedUntil, String address, String note) {}
}
