package vn.ledger.command.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ledger.verify.CompactRange;
import vn.ledger.verify.EventLeaf;

/**
 * Follows the global event stream and appends each event to the Merkle tree as its next leaf. Each page of events is
 * one short transaction that holds a PostgreSQL advisory lock, so one sealer runs at a time however many processes
 * try; all its state is in the database, so any process can take over. Where it may stop is {@link SafePoint}'s rule.
 *
 * <p>Only the tree's right edge, O(log n) hashes, is read per page; each new perfect subtree is written once to
 * {@code audit_node}, so roots and proofs never reread the leaves.
 */
class Sealer {

    private final AuditStore store;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AuditSettings settings;
    private final AtomicLong treeSize = new AtomicLong();
    private final AtomicLong pendingGaps = new AtomicLong();
    private final Counter sealed;

    Sealer(AuditStore store, PlatformTransactionManager transactionManager, Clock clock, AuditSettings settings,
           MeterRegistry meters) {
        this.store = store;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.settings = settings;
        this.sealed = meters == null ? null : Counter.builder("ledger.audit.sealed")
                .description("Events this process sealed into the audit Merkle tree")
                .baseUnit("events")
                .register(meters);
        if (meters != null) {
            Gauge.builder("ledger.audit.tree.size", treeSize, AtomicLong::get)
                    .description("Leaves in the audit Merkle tree, as this process last saw it")
                    .register(meters);
            Gauge.builder("ledger.audit.gaps", pendingGaps, AtomicLong::get)
                    .description("Ranges of missing global indexes the sealer waits for or watches")
                    .register(meters);
        }
    }

    /** Seals every event it safely can now, page by page; answers how many. */
    long sealAvailable() {
        long total = 0;
        while (true) {
            int page = sealPage();
            if (page <= 0) {
                return total;
            }
            total += page;
        }
    }

    /** Seals at most one page; answers how many events, or -1 when another process is sealing. */
    int sealPage() {
        Integer count = transaction.execute(status -> {
            if (!store.tryLock(AuditStore.SEALER_LOCK)) {
                return -1;
            }
            AuditStore.State state = store.stateForUpdate();
            Instant now = clock.instant();
            int pageSize = settings.pageSize();

            List<AuditStore.StoredEvent> toSeal = new ArrayList<>(store.lateEvents(state.highWater(), pageSize));
            store.forgetGaps(state.highWater(), now.minus(settings.gapRetention()));
            long highWater = state.highWater();
            if (toSeal.size() < pageSize) {
                List<AuditStore.StoredEvent> fresh = store.eventsAfter(highWater, pageSize - toSeal.size());
                if (!fresh.isEmpty()) {
                    List<Long> indexes = fresh.stream().map(AuditStore.StoredEvent::globalIndex).toList();
                    SafePoint.Plan plan = SafePoint.plan(highWater, indexes,
                            store.gapsBetween(highWater + 1, indexes.get(indexes.size() - 1)), now,
                            settings.settleTime());
                    store.recordGaps(plan.newGaps());
                    toSeal.addAll(fresh.subList(0, plan.sealable()));
                    highWater = plan.highWater();
                }
            }
            if (toSeal.isEmpty()) {
                treeSize.set(state.treeSize());
                pendingGaps.set(store.pendingGaps());
                return 0;
            }

            CompactRange tree = store.rightEdge(state.treeSize());
            List<AuditStore.Leaf> leaves = new ArrayList<>(toSeal.size());
            List<AuditStore.Node> nodes = new ArrayList<>(toSeal.size());
            for (AuditStore.StoredEvent event : toSeal) {
                byte[] leafHash = EventLeaf.hash(event.eventId(), event.globalIndex(), event.payload(),
                        event.metadata());
                leaves.add(new AuditStore.Leaf(tree.size(), event.globalIndex(), event.eventId(), leafHash));
                tree.append(leafHash, (level, index, hash) -> nodes.add(new AuditStore.Node(level, index, hash)));
            }
            store.insertLeaves(leaves, now);
            store.insertNodes(nodes);
            store.updateState(tree.size(), highWater);
            treeSize.set(tree.size());
            pendingGaps.set(store.pendingGaps());
            return toSeal.size();
        });
        if (count != null && count > 0 && sealed != null) {
            sealed.increment(count);
        }
        return count == null ? 0 : count;
    }

    /** The tree size this process last saw. */
    long treeSize() {
        return treeSize.get();
    }
}
