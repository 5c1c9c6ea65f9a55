package vn.ledger.command.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ledger.verify.Checkpoint;
import vn.ledger.verify.Merkle;
import vn.ledger.verify.SignedNote;

/**
 * Signed tree heads: the tree size, its root hash, and an Ed25519 signature of both as a C2SP tlog-checkpoint note
 * whose key name is the log's origin. One per tree size; signing again at the same size answers the one there is.
 */
class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final AuditStore store;
    private final AuditKeys keys;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final AuditSettings settings;
    private final AtomicLong latestSize = new AtomicLong(-1);

    Checkpoints(AuditStore store, AuditKeys keys, PlatformTransactionManager transactionManager, Clock clock,
                AuditSettings settings, MeterRegistry meters) {
        this.store = store;
        this.keys = keys;
        this.transaction = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
        this.settings = settings;
        if (meters != null) {
            Gauge.builder("ledger.audit.checkpoint.size", latestSize, AtomicLong::get)
                    .description("Tree size of the latest signed audit checkpoint this process saw (-1: none)")
                    .register(meters);
        }
    }

    /** Signs everything sealed so far (the empty tree too), unless the latest checkpoint already covers it. */
    AuditStore.StoredCheckpoint sign() {
        if (keys == null) {
            throw new AuditProblems.SigningDisabled();
        }
        AuditStore.StoredCheckpoint signed = transaction.execute(status -> {
            store.lock(AuditStore.SIGNER_LOCK);
            // FOR SHARE: the sealer cannot move the tree while its root is read and signed
            AuditStore.State state = store.stateForShare();
            Optional<AuditStore.StoredCheckpoint> latest = store.latestCheckpoint();
            if (latest.isPresent() && latest.get().treeSize() == state.treeSize()) {
                return latest.get();
            }
            byte[] root = store.rightEdge(state.treeSize()).root();
            latest.ifPresent(previous -> requireStillContains(previous));
            String origin = settings.origin() != null && !settings.origin().isBlank()
                    ? settings.origin().strip()
                    : state.origin();
            Checkpoint checkpoint = new Checkpoint(origin, state.treeSize(), root);
            byte[] signature = SignedNote.sign(checkpoint.text(), keys.privateKey());
            String note = SignedNote.format(checkpoint.text(), origin, keys.publicKey(), signature);
            // PostgreSQL keeps microseconds: the answer now is the answer later
            AuditStore.StoredCheckpoint made = new AuditStore.StoredCheckpoint(state.treeSize(), root, origin,
                    keys.publicKey(), signature, note, clock.instant().truncatedTo(ChronoUnit.MICROS));
            store.insertCheckpoint(made);
            log.info("Signed the audit checkpoint of {} events", state.treeSize());
            return made;
        });
        latestSize.set(signed.treeSize());
        return signed;
    }

    /** Signs when the tree has grown past the latest checkpoint (or there is none and the tree is not empty). */
    Optional<AuditStore.StoredCheckpoint> signIfGrown() {
        AuditStore.State state = readOnly.execute(status -> store.state());
        Optional<AuditStore.StoredCheckpoint> latest = latest();
        long signedSize = latest.map(AuditStore.StoredCheckpoint::treeSize).orElse(0L);
        if (state.treeSize() > signedSize) {
            return Optional.of(sign());
        }
        return Optional.empty();
    }

    Optional<AuditStore.StoredCheckpoint> latest() {
        Optional<AuditStore.StoredCheckpoint> latest = readOnly.execute(status -> store.latestCheckpoint());
        latest.ifPresent(checkpoint -> latestSize.set(checkpoint.treeSize()));
        return latest;
    }

    Optional<AuditStore.StoredCheckpoint> ofSize(long treeSize) {
        return readOnly.execute(status -> store.checkpoint(treeSize));
    }

    /**
     * A log must never sign a head that is inconsistent with one it signed before (tlog-checkpoint): if the audit
     * tables no longer give the previous checkpoint's root, someone rewrote them, and nothing more is signed.
     */
    private void requireStillContains(AuditStore.StoredCheckpoint previous) {
        byte[] root = Merkle.root(store.nodes(), previous.treeSize());
        if (!MessageDigest.isEqual(root, previous.rootHash())) {
            throw new IllegalStateException("the audit tree no longer has the root of the checkpoint of "
                    + previous.treeSize() + " events: the audit tables were changed; refusing to sign");
        }
    }
}
