package vn.ledger.query.projection;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A value kept for the rest of the current Spring transaction (a processor's batch, a rebuild's batch). */
final class TransactionScoped {

    private TransactionScoped() {}

    /**
     * The value {@code owner} keeps in the current transaction, made by {@code factory} on first use and dropped when
     * the transaction completes; {@code null} when no transaction is active.
     */
    static <T> T get(Object owner, Supplier<T> factory) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        T value = (T) TransactionSynchronizationManager.getResource(owner);
        if (value != null) {
            return value;
        }
        T made = factory.get();
        TransactionSynchronizationManager.bindResource(owner, made);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (TransactionSynchronizationManager.getResource(owner) == made) {
                    TransactionSynchronizationManager.unbindResource(owner);
                }
            }
        });
        return made;
    }

    /** Drops what {@code owner} keeps in the current transaction, if anything. */
    static void drop(Object owner) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.unbindResourceIfPossible(owner);
        }
    }

    /** Whether {@code value} is still what {@code owner} keeps in the current transaction (not dropped). */
    static boolean isKept(Object owner, Object value) {
        return TransactionSynchronizationManager.getResource(owner) == value;
    }
}
