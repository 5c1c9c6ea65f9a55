package vn.ledger.query.projection;

/** Applies events to one generation of a projection's tables. */
public interface ProjectionWriter {

    /**
     * Applies one event; events of no interest are ignored.
     *
     * @param position the event's position in the log (its global index)
     */
    void apply(Object payload, long position);
}
