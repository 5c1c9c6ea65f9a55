package vn.ledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ledger.command.audit.AuditTestSupport.MovingClock;
import vn.ledger.verify.Checkpoint;
import vn.ledger.verify.Ed25519;
import vn.ledger.verify.Merkle;
import vn.ledger.verify.SignedNote;

/** Signed checkpoints over the in-memory tables, checked with the offline verifier's code. */
class AuditCheckpointsTest {

    @TempDir
    Path directory;

    private final InMemoryAuditStore store = new InMemoryAuditStore();
    private final MovingClock clock = new MovingClock();
    private Sealer sealer;
    private Checkpoints checkpoints;
    private AuditKeys keys;

    @BeforeEach
    void setUp() {
        keys = AuditKeys.loadOrCreate(directory);
        sealer = new Sealer(store, AuditTestSupport.NO_TRANSACTIONS, clock, AuditTestSupport.settings(100), null);
        checkpoints = new Checkpoints(store, keys, AuditTestSupport.NO_TRANSACTIONS, clock,
                AuditTestSupport.settings(100), null);
    }

    @Test
    void aCheckpointIsASignedNoteOfTheSealedTreeUnderTheLogsOrigin() {
        LongStream.rangeClosed(1, 13).forEach(store::commit);
        sealer.sealAvailable();

        AuditStore.StoredCheckpoint signed = checkpoints.sign();
        assertThat(signed.treeSize()).isEqualTo(13);
        assertThat(signed.rootHash()).isEqualTo(Merkle.root(store.nodes(), 13));
        assertThat(signed.signedAt()).isEqualTo(AuditTestSupport.START);

        SignedNote note = SignedNote.parse(signed.note());
        assertThat(note.verifiedBy("ledger.local/test", keys.publicKey())).isTrue();
        Checkpoint body = Checkpoint.parse(note.text());
        assertThat(body.origin()).isEqualTo("ledger.local/test");
        assertThat(body.treeSize()).isEqualTo(13);
        assertThat(body.rootHash()).isEqualTo(signed.rootHash());
        assertThat(note.signatures().get(0).signature()).isEqualTo(signed.signature());
        assertThat(Ed25519.verify(signed.publicKey(), note.text().getBytes(StandardCharsets.UTF_8),
                signed.signature())).isTrue();
    }

    @Test
    void signingAgainBeforeTheTreeGrewAnswersTheSameCheckpoint() {
        LongStream.rangeClosed(1, 5).forEach(store::commit);
        sealer.sealAvailable();
        AuditStore.StoredCheckpoint first = checkpoints.sign();
        clock.advance(Duration.ofMinutes(1));
        assertThat(checkpoints.sign()).isSameAs(first);
        assertThat(checkpoints.signIfGrown()).isEmpty();

        store.commit(6);
        sealer.sealAvailable();
        assertThat(checkpoints.signIfGrown()).hasValueSatisfying(next -> assertThat(next.treeSize()).isEqualTo(6));
        assertThat(store.checkpoints).containsOnlyKeys(5L, 6L);
    }

    @Test
    void theEmptyTreeCanBeSignedButIsNotSignedPeriodically() {
        assertThat(checkpoints.signIfGrown()).isEmpty();
        AuditStore.StoredCheckpoint empty = checkpoints.sign();
        assertThat(empty.treeSize()).isZero();
        assertThat(empty.rootHash()).isEqualTo(Merkle.emptyRoot());
    }

    @Test
    void nothingIsSignedOnceTheStoredTreeNoLongerHasTheRootSignedBefore() {
        LongStream.rangeClosed(1, 8).forEach(store::commit);
        sealer.sealAvailable();
        checkpoints.sign();
        store.commit(9);
        sealer.sealAvailable();
        store.nodes.put("3/0", Merkle.leafHash(new byte[] {1})); // someone rewrote the audit tables

        assertThatThrownBy(checkpoints::sign).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to sign");
        assertThat(store.checkpoints).containsOnlyKeys(8L);
    }

    @Test
    void anInstanceThatDoesNotSealDoesNotSign() {
        Checkpoints withoutKey = new Checkpoints(store, null, AuditTestSupport.NO_TRANSACTIONS, clock,
                AuditTestSupport.settings(100), null);
        assertThatThrownBy(withoutKey::sign).isInstanceOf(AuditProblems.SigningDisabled.class);
    }
}
