package vn.ledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import vn.ledger.command.audit.AuditTestSupport.MovingClock;
import vn.ledger.verify.EventLeaf;
import vn.ledger.verify.Merkle;

/** The sealer over the in-memory tables: global order, gaps, late commits, and the tree it leaves behind. */
class SealerTest {

    private final InMemoryAuditStore store = new InMemoryAuditStore();
    private final MovingClock clock = new MovingClock();

    private Sealer sealer(int pageSize) {
        return new Sealer(store, AuditTestSupport.NO_TRANSACTIONS, clock, AuditTestSupport.settings(pageSize), null);
    }

    @Test
    void sealsEveryEventInGlobalOrderPageByPageIntoTheVerifiersTree() {
        LongStream.rangeClosed(1, 2_500).forEach(store::commit);
        Sealer sealer = sealer(1_000);

        assertThat(sealer.sealAvailable()).isEqualTo(2_500);
        assertThat(store.sealedOrder()).containsExactlyElementsOf(LongStream.rangeClosed(1, 2_500).boxed().toList());
        assertThat(store.treeSize).isEqualTo(2_500);
        assertThat(store.highWater).isEqualTo(2_500);

        List<byte[]> leafHashes = new ArrayList<>();
        store.events.values().forEach(event -> leafHashes.add(EventLeaf.hash(event.eventId(), event.globalIndex(),
                event.payload(), event.metadata())));
        Merkle.Nodes expected = Merkle.inMemory(leafHashes);
        // every perfect subtree stored once, as the verifier computes it; and roots of every size from them
        assertThat(store.nodes).hasSize(2_500 - Long.bitCount(2_500));
        store.nodes.forEach((position, hash) -> {
            String[] parts = position.split("/");
            assertThat(hash).isEqualTo(expected.node(Integer.parseInt(parts[0]), Long.parseLong(parts[1])));
        });
        for (long size : new long[] {1, 2, 3, 999, 1_000, 1_024, 1_025, 2_047, 2_500}) {
            assertThat(Merkle.root(store.nodes(), size)).isEqualTo(Merkle.root(leafHashes.subList(0, (int) size)));
        }
        assertThat(store.rightEdge(2_500).root()).isEqualTo(Merkle.root(leafHashes));
        assertThat(sealer.sealAvailable()).isZero();
    }

    @Test
    void waitsAtAGapUntilItHasSettledThenGoesOn() {
        store.commit(1);
        store.commit(2);
        store.commit(4);
        store.commit(5);
        Sealer sealer = sealer(1_000);

        assertThat(sealer.sealAvailable()).isEqualTo(2);
        assertThat(store.gaps.values()).containsExactly(new SafePoint.Gap(3, 3, AuditTestSupport.START));
        clock.advance(Duration.ofMillis(1_999));
        assertThat(sealer.sealAvailable()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(sealer.sealAvailable()).isEqualTo(2);
        assertThat(store.sealedOrder()).containsExactly(1L, 2L, 4L, 5L);
        assertThat(store.highWater).isEqualTo(5);
    }

    @Test
    void anEventThatCommitsIntoAGapBeforeItSettlesIsSealedInOrder() {
        store.commit(1);
        store.commit(3);
        Sealer sealer = sealer(1_000);
        assertThat(sealer.sealAvailable()).isEqualTo(1);

        clock.advance(Duration.ofMillis(500));
        store.commit(2);
        assertThat(sealer.sealAvailable()).isEqualTo(2);
        assertThat(store.sealedOrder()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void anEventThatCommitsIntoAGapAfterItWasPassedIsSealedThenAsALaterLeaf() {
        store.commit(1);
        store.commit(3);
        Sealer sealer = sealer(1_000);
        sealer.sealAvailable();
        clock.advance(Duration.ofSeconds(3));
        sealer.sealAvailable();
        assertThat(store.sealedOrder()).containsExactly(1L, 3L);

        clock.advance(Duration.ofMinutes(5)); // a very slow transaction
        store.commit(2);
        store.commit(4);
        assertThat(sealer.sealAvailable()).isEqualTo(2);
        assertThat(store.sealedOrder()).containsExactly(1L, 3L, 2L, 4L);
        assertThat(sealer.sealAvailable()).isZero();
    }

    @Test
    void manyGapsSettleTogetherNotOneAfterAnother() {
        for (long index = 1; index <= 30; index++) {
            if (index % 3 != 0) {
                store.commit(index);
            }
        }
        Sealer sealer = sealer(1_000);
        assertThat(sealer.sealAvailable()).isEqualTo(2);
        assertThat(store.gaps).hasSize(9); // 3, 6, ..., 27, all seen at once

        clock.advance(Duration.ofSeconds(2));
        assertThat(sealer.sealAvailable()).isEqualTo(18);
    }

    @Test
    void aGapIsWatchedForTheRetentionThenForgotten() {
        store.commit(1);
        store.commit(3);
        Sealer sealer = sealer(1_000);
        sealer.sealAvailable();
        clock.advance(Duration.ofSeconds(2));
        sealer.sealAvailable();
        assertThat(store.gaps).hasSize(1);

        clock.advance(Duration.ofHours(24));
        sealer.sealAvailable();
        assertThat(store.gaps).isEmpty();
    }

    @Test
    void aWideGapCostsOneRecordNotOnePerMissingIndex() {
        store.commit(1);
        store.commit(1_000_001);
        Sealer sealer = sealer(1_000);
        sealer.sealAvailable();
        assertThat(store.gaps.values()).containsExactly(new SafePoint.Gap(2, 1_000_000, AuditTestSupport.START));
        clock.advance(Duration.ofSeconds(2));
        assertThat(sealer.sealAvailable()).isEqualTo(1);
    }

    @Test
    void sealsNothingWhileAnotherProcessHoldsTheSealersLock() {
        store.commit(1);
        store.lockedByAnotherProcess = true;
        assertThat(sealer(1_000).sealAvailable()).isZero();
        assertThat(store.leaves).isEmpty();

        store.lockedByAnotherProcess = false;
        assertThat(sealer(1_000).sealAvailable()).isEqualTo(1);
    }
}
