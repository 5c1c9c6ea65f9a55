package vn.ledger.benchmark;

import java.util.Arrays;

/** Percentiles of latencies, by sorting. */
final class Stats {

    private Stats() {}

    /** The {@code p}th percentile (nearest rank) of sorted values; 0 when there are none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** p50 and p99 in milliseconds of nanosecond latencies. */
    record Latency(long count, double p50Ms, double p99Ms, double maxMs) {
        static Latency of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latency(sorted.length, percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6,
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }
    }
}
