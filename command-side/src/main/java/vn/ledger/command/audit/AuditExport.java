package vn.ledger.command.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ledger.verify.BundleWriter;

/**
 * The verification bundle of a checkpoint (layout: {@link vn.ledger.verify.Bundle}): its signed note, the public
 * key, and every sealed event with its bytes as they are stored now, streamed from one database snapshot.
 */
class AuditExport {

    private final AuditStore store;
    private final TransactionTemplate snapshot;

    AuditExport(AuditStore store, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.snapshot = Proofs.snapshot(transactionManager);
    }

    /** The checkpoint a bundle is asked for: of {@code treeSize}, or the latest. */
    AuditStore.StoredCheckpoint checkpoint(Long treeSize) {
        return snapshot.execute(status -> Proofs.checkpoint(store, treeSize, "treeSize"));
    }

    void write(AuditStore.StoredCheckpoint checkpoint, OutputStream out) {
        snapshot.executeWithoutResult(status -> {
            try (BundleWriter bundle = new BundleWriter(out, checkpoint.note(), checkpoint.publicKey())) {
                store.exportLeaves(checkpoint.treeSize(), leaf -> {
                    try {
                        bundle.leaf(leaf.leafIndex(), leaf.eventId(), leaf.position(), leaf.leafHash(),
                                leaf.payload(), leaf.metadata());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the audit bundle", e);
            }
        });
    }
}
