package vn.ledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sealer's rule of where it may stop, as a function of what it sees. */
class SealerSafePointTest {

    private static final Instant NOW = Instant.parse("2026-03-01T01:00:00Z");
    private static final Duration SETTLE = Duration.ofSeconds(2);

    @Test
    void contiguousEventsAreSealedAtOnce() {
        SafePoint.Plan plan = SafePoint.plan(10, List.of(11L, 12L, 13L), List.of(), NOW, SETTLE);
        assertThat(plan).isEqualTo(new SafePoint.Plan(3, 13, List.of()));
    }

    @Test
    void aGapSeenForTheFirstTimeStopsTheSealerAndIsRecorded() {
        SafePoint.Plan plan = SafePoint.plan(10, List.of(11L, 14L, 15L, 17L), List.of(), NOW, SETTLE);
        assertThat(plan.sealable()).isEqualTo(1);
        assertThat(plan.highWater()).isEqualTo(11);
        // the gap after the stop is recorded too, so that both settle together
        assertThat(plan.newGaps()).containsExactly(new SafePoint.Gap(12, 13, NOW), new SafePoint.Gap(16, 16, NOW));
    }

    @Test
    void aGapSeenLongEnoughAgoIsPassed() {
        List<SafePoint.Gap> recorded = List.of(new SafePoint.Gap(12, 13, NOW.minus(SETTLE)));
        SafePoint.Plan plan = SafePoint.plan(11, List.of(14L, 15L), recorded, NOW, SETTLE);
        assertThat(plan).isEqualTo(new SafePoint.Plan(2, 15, List.of()));
    }

    @Test
    void aGapNotSeenLongEnoughIsWaitedFor() {
        List<SafePoint.Gap> recorded = List.of(new SafePoint.Gap(12, 13, NOW.minusMillis(1_999)));
        SafePoint.Plan plan = SafePoint.plan(11, List.of(14L), recorded, NOW, SETTLE);
        assertThat(plan).isEqualTo(new SafePoint.Plan(0, 11, List.of()));
    }

    @Test
    void aGapThatGrewIsWaitedForAsLongAsItsNewestPart() {
        // 12..13 were seen missing long ago; 14 is missing only since now (its row was not visible before)
        List<SafePoint.Gap> recorded = List.of(new SafePoint.Gap(12, 13, NOW.minusSeconds(60)));
        SafePoint.Plan plan = SafePoint.plan(11, List.of(15L), recorded, NOW, SETTLE);
        assertThat(plan.sealable()).isZero();
        assertThat(plan.newGaps()).containsExactly(new SafePoint.Gap(14, 14, NOW));
    }

    @Test
    void aPartlyFilledGapIsPassedPieceByPiece() {
        // 12..15 were missing; 13 has committed since
        List<SafePoint.Gap> recorded = List.of(new SafePoint.Gap(12, 15, NOW.minusSeconds(5)));
        SafePoint.Plan plan = SafePoint.plan(11, List.of(13L, 16L), recorded, NOW, SETTLE);
        assertThat(plan).isEqualTo(new SafePoint.Plan(2, 16, List.of()));
    }
}
