package vn.ledger.query.projection;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the commits that moved each view in this process (a live batch, a rebuild's switch), so that a reader
 * keeping a view's snapshot ({@link ViewSnapshots#recent}) knows it is stale without asking the database. Commits of
 * other query-side instances are not counted here: a kept snapshot also expires after a short time.
 */
@Component
public class ViewChanges {

    private final ConcurrentHashMap<String, AtomicLong> commits = new ConcurrentHashMap<>();

    /** How many commits moved {@code view} in this process so far. */
    long count(String view) {
        AtomicLong count = commits.get(view);
        return count == null ? 0 : count.get();
    }

    /** Counts a commit of {@code view} once the current transaction has committed (at once without one). */
    void afterCommit(String view) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committed(view);
            return;
        }
        // once per view and transaction (a live batch calls this for each of its events)
        TransactionScoped.get(counter(view), () -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed(view);
                }
            });
            return view;
        });
    }

    void committed(String view) {
        counter(view).incrementAndGet();
    }

    private AtomicLong counter(String view) {
        return commits.computeIfAbsent(view, v -> new AtomicLong());
    }
}
