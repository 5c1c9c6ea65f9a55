package vn.ledger.query.projection;

import org.axonframework.eventhandling.EventMessage;

/** Applies events to one generation of a projection's tables. */
public interface ProjectionWriter {

    /**
     * Applies one event (its payload, and its metadata and timestamp where the view shows when a fact was
     * recorded); events of no interest are ignored.
     *
     * @param position the event's position in the log (its global index)
     */
    void apply(EventMessage<?> event, long position);

    /** Deletes every row of this generation's tables: an Axon token reset replays the log into empty tables. */
    void clear();
}
