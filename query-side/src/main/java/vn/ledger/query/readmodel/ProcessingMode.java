package vn.ledger.query.readmodel;

/**
 * How the query side's processors apply events, {@code ledger.query.processing} ({@code LEDGER_QUERY_PROCESSING}).
 */
public enum ProcessingMode {

    /**
     * Batches of events per transaction, each batch's rows written together with set-based statements just before
     * it commits; rebuilds read and write in large batches. The default.
     */
    TUNED,

    /**
     * Axon's out-of-the-box processor settings: one event per transaction (batch size 1), each event's rows written
     * at once. Slower; kept as the benchmark's baseline (docs/performance.md).
     */
    AXON_DEFAULTS;

    public boolean batched() {
        return this == TUNED;
    }
}
