package vn.ledger.command.audit;

import java.util.List;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ledger.verify.Merkle;

/**
 * Inclusion and consistency proofs at the sizes of signed checkpoints, read from the stored subtree hashes in
 * O(log n) lookups, each proof from one snapshot of the database.
 */
class Proofs {

    private final AuditStore store;
    private final TransactionTemplate snapshot;

    Proofs(AuditStore store, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.snapshot = snapshot(transactionManager);
    }

    /** A read-only transaction whose statements all see one snapshot: the tree cannot move between reads. */
    static TransactionTemplate snapshot(PlatformTransactionManager transactionManager) {
        TransactionTemplate snapshot = new TransactionTemplate(transactionManager);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return snapshot;
    }

    /**
     * That the event is in the checkpoint of {@code treeSize} (or, when null, in the latest checkpoint).
     */
    AuditViews.InclusionProofView inclusion(String eventId, Long treeSize) {
        return snapshot.execute(status -> {
            AuditStore.Leaf leaf = store.leafOf(eventId).orElseThrow(() -> store.eventExists(eventId)
                    ? new AuditProblems.NotSealedYet(eventId)
                    : new AuditProblems.EventNotFound(eventId));
            AuditStore.StoredCheckpoint checkpoint = checkpoint(store, treeSize, "treeSize");
            if (leaf.leafIndex() >= checkpoint.treeSize()) {
                throw treeSize == null
                        ? new AuditProblems.NotInCheckpointYet(eventId, leaf.leafIndex(), checkpoint.treeSize())
                        : new AuditProblems.TreeSizeTooSmall(eventId, leaf.leafIndex(), checkpoint.treeSize());
            }
            List<byte[]> path = Merkle.inclusionPath(store.nodes(), leaf.leafIndex(), checkpoint.treeSize());
            return new AuditViews.InclusionProofView(leaf.eventId(), leaf.globalIndex(), leaf.leafIndex(),
                    checkpoint.treeSize(), AuditViews.base64(checkpoint.rootHash()),
                    AuditViews.base64(leaf.leafHash()), AuditViews.base64(path));
        });
    }

    /** That the checkpoint of {@code to} extends the checkpoint of {@code from}. */
    AuditViews.ConsistencyProofView consistency(long from, long to) {
        if (from > to) {
            throw new AuditProblems.InvalidRange(from, to);
        }
        return snapshot.execute(status -> {
            AuditStore.StoredCheckpoint first = checkpoint(store, from, "from");
            AuditStore.StoredCheckpoint second = checkpoint(store, to, "to");
            List<byte[]> path = Merkle.consistencyPath(store.nodes(), from, to);
            return new AuditViews.ConsistencyProofView(from, to, AuditViews.base64(first.rootHash()),
                    AuditViews.base64(second.rootHash()), AuditViews.base64(path));
        });
    }

    /** The checkpoint of {@code treeSize}, or the latest when it is null. */
    static AuditStore.StoredCheckpoint checkpoint(AuditStore store, Long treeSize, String field) {
        if (treeSize == null) {
            return store.latestCheckpoint().orElseThrow(AuditProblems.NoCheckpoint::new);
        }
        return store.checkpoint(treeSize).orElseThrow(() -> new AuditProblems.UnknownTreeSize(field, treeSize));
    }
}
