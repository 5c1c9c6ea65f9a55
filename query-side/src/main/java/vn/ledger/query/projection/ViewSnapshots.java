package vn.ledger.query.projection;

import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a blue/green view in one repeatable-read, read-only snapshot that also holds the view's active generation
 * and its processor's position: an answer comes wholly from one generation and states the position it reflects,
 * also while a rebuild switches generations.
 */
@Component
public class ViewSnapshots {

    /** The view's tables (the active generation's schema) and position, as the snapshot sees them. */
    public record Snapshot(String schema, Long position, java.util.SortedSet<Long> gaps) {}

    private final ProjectionRegistry registry;
    private final ProjectionStatus status;
    private final TransactionTemplate transaction;

    ViewSnapshots(ProjectionRegistry registry, ProjectionStatus status, PlatformTransactionManager transactions) {
        this.registry = registry;
        this.status = status;
        this.transaction = new TransactionTemplate(transactions);
        transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        transaction.setReadOnly(true);
    }

    public <T> T read(String projection, Function<Snapshot, T> query) {
        return transaction.execute(tx -> {
            ProjectionStatus.Progress progress = status.progress(projection);
            return query.apply(new Snapshot(registry.committedSchema(projection), progress.position(),
                    progress.gaps()));
        });
    }
}
