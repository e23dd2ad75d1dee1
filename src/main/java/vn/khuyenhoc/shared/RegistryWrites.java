package vn.khuyenhoc.shared;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The write sequence of every registry (organizations, clans, households, chapters, members), written once: the caller
 * has found the record in the user's scope (404 otherwise) and checked the form with the aggregate's {@code Details};
 * here the version the form showed is required, the aggregate changes itself (its method checks the version and its
 * rules), the repository saves it and the audit trail records the values before and after, all in the caller's
 * transaction. {@link FormSubmission} turns what went wrong into the form's messages.
 *
 * @param <A> the aggregate
 * @param <S> its snapshot, the values the audit trail keeps
 */
public final class RegistryWrites<A, S> {

    /** {@code AuditTrail::recordChange}: {@code shared} sits below the audit module, so it is handed in. */
    @FunctionalInterface
    public interface Recorder {
        void record(
                String action,
                String entityType,
                @Nullable String entityId,
                @Nullable Object before,
                @Nullable Object after,
                @Nullable String localityPath);
    }

    /** A change an aggregate makes to itself, given the version the form showed. */
    @FunctionalInterface
    public interface Change<A> {
        void apply(A record, int expectedVersion);
    }

    private final String entity;
    private final Function<Long, Optional<A>> load;
    private final UnaryOperator<A> save;
    private final ToLongFunction<A> idOf;
    private final Function<A, S> snapshot;
    private final Recorder audit;

    public RegistryWrites(
            String entity,
            Function<Long, Optional<A>> load,
            UnaryOperator<A> save,
            ToLongFunction<A> idOf,
            Function<A, S> snapshot,
            Recorder audit) {
        this.entity = entity;
        this.load = load;
        this.save = save;
        this.idOf = idOf;
        this.snapshot = snapshot;
        this.audit = audit;
    }

    /** Saves a new record and audits it ({@code CREATE}, {@code IMPORT}); answers its id. */
    public long add(String action, A record, String localityPath) {
        A saved = save.apply(record);
        long id = idOf.applyAsLong(saved);
        audit.record(action, entity, String.valueOf(id), null, snapshot.apply(saved), localityPath);
        return id;
    }

    /** Loads the record, lets it change itself at the version the form showed, saves it and audits before/after. */
    public void change(String action, long id, @Nullable Integer version, String localityPath, Change<A> change) {
        int expected = requireVersion(version);
        A record = load.apply(id).orElseThrow(() -> new NotFoundException("Không tìm thấy bản ghi số " + id + "."));
        S before = snapshot.apply(record);
        change.apply(record, expected);
        A saved = save.apply(record);
        audit.record(action, entity, String.valueOf(id), before, snapshot.apply(saved), localityPath);
    }

    /** An edit must say which version it was made on, so that a stale form is refused and never overwrites. */
    public static int requireVersion(@Nullable Integer version) {
        if (version == null) {
            throw new InvalidInputException("version", "Thiếu phiên bản (version) của bản ghi đang sửa.");
        }
        return version;
    }
}
