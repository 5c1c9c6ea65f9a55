package vn.ledger.query.projection;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A projection writer's changes kept in memory for the rest of a transaction and written just before it commits,
 * a few set-based statements per table instead of a few statements per event: a live batch of the processor, or a
 * rebuild's batch, is one transaction. The writer reads its own pending changes before the database, so a batch
 * sees every earlier event of the batch. A rollback drops them with the transaction; a failed write fails the
 * commit, and the processor retries the batch.
 *
 * <p>Without a transaction (or when {@link vn.ledger.query.readmodel.ProcessingMode#AXON_DEFAULTS} asks for one event at a time) a writer
 * makes a buffer, applies one event to it and writes it at once.
 */
public final class WriteBehind {

    /** Changes kept until the transaction commits. */
    public interface Buffer {
        /** Writes every pending change; called once, before the transaction commits. */
        void flush();
    }

    private WriteBehind() {}

    /**
     * The buffer that {@code owner} keeps in the current transaction, made by {@code factory} on first use and
     * flushed before the transaction commits; {@code null} when no transaction is active.
     */
    public static <B extends Buffer> B inTransaction(Object owner, Supplier<B> factory) {
        return TransactionScoped.get(owner, () -> {
            B made = factory.get();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    if (TransactionScoped.isKept(owner, made)) { // not discarded
                        TransactionScoped.drop(owner); // first, so that a failed flush leaves nothing behind
                        made.flush();
                    }
                }
            });
            return made;
        });
    }

    /** Drops what {@code owner} has pending in the current transaction (its tables are being emptied). */
    public static void discard(Object owner) {
        TransactionScoped.drop(owner);
    }
}
