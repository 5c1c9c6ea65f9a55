package vn.ledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ledger.command.audit.AuditTestSupport.MovingClock;
import vn.ledger.verify.Merkle;

/** Proofs served from the stored subtrees verify with the verifier's code, at the sizes of checkpoints only. */
class AuditProofsTest {

    @TempDir
    Path directory;

    private final InMemoryAuditStore store = new InMemoryAuditStore();
    private final MovingClock clock = new MovingClock();
    private Sealer sealer;
    private Checkpoints checkpoints;
    private Proofs proofs;

    @BeforeEach
    void setUp() {
        sealer = new Sealer(store, AuditTestSupport.NO_TRANSACTIONS, clock, AuditTestSupport.settings(7), null);
        checkpoints = new Checkpoints(store, AuditKeys.loadOrCreate(directory), AuditTestSupport.NO_TRANSACTIONS,
                clock, AuditTestSupport.settings(7), null);
        proofs = new Proofs(store, AuditTestSupport.NO_TRANSACTIONS);
    }

    @Test
    void everyEventsInclusionProofVerifiesAgainstEveryCheckpointThatHoldsIt() {
        long[] sizes = {1, 6, 13, 16, 21};
        long committed = 0;
        for (long size : sizes) {
            LongStream.rangeClosed(committed + 1, size).forEach(store::commit);
            committed = size;
            sealer.sealAvailable();
            checkpoints.sign();
        }
        for (long size : sizes) {
            byte[] root = store.checkpoint(size).orElseThrow().rootHash();
            for (long index = 1; index <= size; index++) {
                AuditViews.InclusionProofView proof = proofs.inclusion("event-" + index, size);
                assertThat(proof.leafIndex()).isEqualTo(index - 1);
                assertThat(proof.position()).isEqualTo(index);
                assertThat(Merkle.verifyInclusion(proof.leafIndex(), proof.treeSize(), decode(proof.leafHash()),
                        decode(proof.path()), root)).as("event %d in %d", index, size).isTrue();
                assertThat(decode(proof.rootHash())).isEqualTo(root);
            }
        }
        assertThat(proofs.inclusion("event-3", null).treeSize()).isEqualTo(21);

        for (long from : sizes) {
            for (long to : sizes) {
                if (from <= to) {
                    AuditViews.ConsistencyProofView proof = proofs.consistency(from, to);
                    assertThat(Merkle.verifyConsistency(from, to, decode(proof.fromRootHash()),
                            decode(proof.toRootHash()), decode(proof.path()))).as("%d to %d", from, to).isTrue();
                }
            }
        }
    }

    @Test
    void eachWayOfAskingWronglyHasItsOwnProblem() {
        assertThatThrownBy(() -> proofs.inclusion("event-1", null)).isInstanceOf(AuditProblems.EventNotFound.class);
        store.commit(1);
        assertThatThrownBy(() -> proofs.inclusion("event-1", null)).isInstanceOf(AuditProblems.NotSealedYet.class)
                .satisfies(e -> assertThat(((AuditProblems.NotSealedYet) e).code()).isEqualTo("not-sealed-yet"));
        sealer.sealAvailable();
        assertThatThrownBy(() -> proofs.inclusion("event-1", null)).isInstanceOf(AuditProblems.NoCheckpoint.class);
        checkpoints.sign();
        store.commit(2);
        sealer.sealAvailable();
        assertThatThrownBy(() -> proofs.inclusion("event-2", null))
                .isInstanceOf(AuditProblems.NotInCheckpointYet.class);
        assertThatThrownBy(() -> proofs.inclusion("event-2", 1L)).isInstanceOf(AuditProblems.TreeSizeTooSmall.class);
        assertThatThrownBy(() -> proofs.inclusion("event-2", 2L)).isInstanceOf(AuditProblems.UnknownTreeSize.class);
        checkpoints.sign();
        assertThat(proofs.inclusion("event-2", 2L).leafIndex()).isEqualTo(1);
        assertThatThrownBy(() -> proofs.consistency(2, 1)).isInstanceOf(AuditProblems.InvalidRange.class);
        assertThatThrownBy(() -> proofs.consistency(1, 3)).isInstanceOf(AuditProblems.UnknownTreeSize.class);
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static List<byte[]> decode(List<String> path) {
        return path.stream().map(AuditProofsTest::decode).toList();
    }
}
