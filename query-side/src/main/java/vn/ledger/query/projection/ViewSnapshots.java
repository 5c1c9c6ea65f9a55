package vn.ledger.query.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
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

    private final JdbcTemplate jdbc;
    private final ProjectionStatus status;
    private final ViewChanges changes;
    private final TransactionTemplate transaction;
    private final long maxAgeNanos;
    private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();

    ViewSnapshots(JdbcTemplate jdbc, ProjectionStatus status, ViewChanges changes,
                  PlatformTransactionManager transactions,
                  @Value("${ledger.query.snapshot-max-age:50ms}") Duration maxAge) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("ledger.query.snapshot-max-age must not be negative, not " + maxAge);
        }
        this.jdbc = jdbc;
        this.status = status;
        this.changes = changes;
        this.maxAgeNanos = maxAge.toNanos();
        this.transaction = new TransactionTemplate(transactions);
        transaction.setReadOnly(true);
    }

    public <T> T read(String projection, Function<Snapshot, T> query) {
        long changesBefore = changes.count(projection);
        long from = System.nanoTime();
        return transaction.execute(tx -> {
            if (tx.isNewTransaction()) {
                // the transaction's first statement: cheaper than setting the connection's isolation level, which
                // takes a statement before the transaction and another one after it to restore it
                jdbc.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            }
            Snapshot snapshot = standing(projection);
            if (tx.isNewTransaction()) {
                // a read joining an older transaction (another view's read) sees that transaction's snapshot,
                // which may predate commits counted since: not kept
                keep(projection, new Kept(snapshot, from, changesBefore));
            }
            return query.apply(snapshot);
        });
    }

    /** The view's active generation and its processor's progress, from one statement in the caller's transaction. */
    private Snapshot standing(String projection) {
        int[] generation = {-1};
        List<TrackingToken> tokens = new ArrayList<>();
        jdbc.query("""
                SELECT g.active_generation, t.processor_name, t.token, t.token_type
                FROM read_model.projection_generation g
                LEFT JOIN read_model.token_entry t ON t.processor_name = g.projection
                WHERE g.projection = ?
                """, rs -> {
                    generation[0] = rs.getInt(1);
                    if (rs.getString(2) != null) {
                        tokens.add(status.token(rs.getBytes(3), rs.getString(4)));
                    }
                }, projection);
        if (generation[0] < 0) {
            throw new IllegalStateException("no generation of view " + projection + " is registered");
        }
        ProjectionStatus.Progress progress = ProjectionStatus.progress(tokens);
        return new Snapshot(ProjectionRegistry.schemaOf(projection, generation[0]), progress.position(),
                progress.gaps());
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
