package vn.ledger.command.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How far the sealer may go. PostgreSQL hands out global indexes when events are inserted, not when they commit: a
 * transaction holding index 10 may commit after the one holding 11, or roll back and leave 10 empty for ever. So the
 * sealer seals contiguous events at once, and at a gap waits until the gap has been seen for the settle time; then it
 * takes the gap for a rollback and goes on. A passed gap is still watched (see {@code audit_gap}): an event that
 * commits in it later is sealed then, as a later leaf, so no event is ever left out.
 */
final class SafePoint {

    /** Global indexes {@code first..last} found missing at {@code firstSeen}. */
    record Gap(long first, long last, Instant firstSeen) {}

    /**
     * What to seal of a page.
     *
     * @param sealable how many of the page's events, from its start, to seal now
     * @param highWater the high water mark after sealing them
     * @param newGaps gaps seen for the first time, to record
     */
    record Plan(int sealable, long highWater, List<Gap> newGaps) {}

    private SafePoint() {}

    /**
     * Plans a page.
     *
     * @param highWater every global index up to here is sealed or a recorded gap
     * @param page the global indexes of the next visible events after {@code highWater}, ascending
     * @param recorded the recorded gaps overlapping the page, ascending and disjoint
     */
    static Plan plan(long highWater, List<Long> page, List<Gap> recorded, Instant now, Duration settleTime) {
        Instant settledBefore = now.minus(settleTime);
        List<Gap> newGaps = new ArrayList<>();
        int sealable = 0;
        long mark = highWater;
        boolean blocked = false;
        long expected = highWater + 1;
        for (long index : page) {
            if (index > expected) {
                // the missing range [from, to]: record what nobody saw missing before
                long from = expected;
                long to = index - 1;
                List<Gap> unseen = uncovered(from, to, recorded, now);
                newGaps.addAll(unseen);
                boolean settled = unseen.isEmpty() && recorded.stream()
                        .filter(gap -> gap.last() >= from && gap.first() <= to)
                        .allMatch(gap -> !gap.firstSeen().isAfter(settledBefore));
                blocked |= !settled;
            }
            if (!blocked) {
                sealable++;
                mark = index;
            }
            expected = index + 1;
        }
        return new Plan(sealable, mark, newGaps);
    }

    /** The parts of [first, last] that no recorded gap covers, as new gaps seen now. */
    private static List<Gap> uncovered(long first, long last, List<Gap> recorded, Instant now) {
        List<Gap> parts = new ArrayList<>();
        long cursor = first;
        for (Gap gap : recorded) {
            if (gap.last() < cursor || gap.first() > last) {
                continue;
            }
            if (gap.first() > cursor) {
                parts.add(new Gap(cursor, gap.first() - 1, now));
            }
            cursor = Math.max(cursor, gap.last() + 1);
        }
        if (cursor <= last) {
            parts.add(new Gap(cursor, last, now));
        }
        return parts;
    }
}
