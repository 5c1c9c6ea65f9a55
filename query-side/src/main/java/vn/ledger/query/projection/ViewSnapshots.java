package vn.ledger.query.projection;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a blue/green view in one repeatable-read, read-only snapshot that also holds the view's active generation
 * and its processor's position: an answer comes wholly from one generation and states the position it reflects,
 * also while a rebuild switches generations.
 *
 * <p>The last snapshot's generation and position are also kept ({@link #current}) for readers that only need to know
 * where the view stands, such as one looking for an answer already computed at that position: until this process
 * commits a change to the view ({@link ViewChanges}), and at most {@code ledger.query.snapshot-max-age} (50 ms), after
 * which another query-side instance may have moved it.
 */
@Component
public class ViewSnapshots {

    /** The view's tables (the active generation's schema) and position, as the snapshot sees them. */
    public record Snapshot(String schema, Long position, java.util.SortedSet<Long> gaps) {}

    private record Kept(Snapshot snapshot, long readFromNanos, long changes) {}

    private final ProjectionRegistry registry;
    private final ProjectionStatus status;
    private final ViewChanges changes;
    private final TransactionTemplate transaction;
    private final long maxAgeNanos;
    private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();

    ViewSnapshots(ProjectionRegistry registry, ProjectionStatus status, ViewChanges changes,
                  PlatformTransactionManager transactions,
                  @Value("${ledger.query.snapshot-max-age:50ms}") Duration maxAge) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("ledger.query.snapshot-max-age must not be negative, not " + maxAge);
        }
        this.registry = registry;
        this.status = status;
        this.changes = changes;
        this.maxAgeNanos = maxAge.toNanos();
        this.transaction = new TransactionTemplate(transactions);
        transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        transaction.setReadOnly(true);
    }

    public <T> T read(String projection, Function<Snapshot, T> query) {
        long changesBefore = changes.count(projection);
        long from = System.nanoTime();
        return transaction.execute(tx -> {
            ProjectionStatus.Progress progress = status.progress(projection);
            Snapshot snapshot = new Snapshot(registry.committedSchema(projection), progress.position(),
                    progress.gaps());
            if (tx.isNewTransaction()) {
                // a read joining an older transaction (another view's read) sees that transaction's snapshot,
                // which may predate commits counted since: not kept
                keep(projection, new Kept(snapshot, from, changesBefore));
            }
            return query.apply(snapshot);
        });
    }

    /**
     * Where the view stood when it was last read, if that is still current: nothing committed to the view in this
     * process since (counted once each commit has completed), and younger than the maximum age. Never reads the
     * database; empty when the view must be read again.
     */
    public Optional<Snapshot> current(String projection) {
        Kept last = kept.get(projection);
        if (last != null && System.nanoTime() - last.readFromNanos() < maxAgeNanos
                && changes.count(projection) == last.changes()) {
            return Optional.of(last.snapshot());
        }
        return Optional.empty();
    }

    /** Keeps the newer of two snapshots read at once. */
    private void keep(String projection, Kept snapshot) {
        kept.merge(projection, snapshot, (old, made) -> made.readFromNanos() >= old.readFromNanos() ? made : old);
    }
}
