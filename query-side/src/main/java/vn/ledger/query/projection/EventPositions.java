package vn.ledger.query.projection;

import java.sql.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where an event is in the log: its own {@code global_index}, which is what the views' versions are valid from.
 *
 * <p>A tracking token says the highest position its processor has read, which is not the event's own when the event
 * committed after one with a higher position (two command transactions, or two command-side instances, commit in
 * the other order than they took their positions): the token then fills the gap it kept for the event and stays at
 * the later event's position. A rebuild reads the committed log in order and sees each event's own position; the
 * live views must write the same. So a live batch looks up its events' positions by their identifiers, one query
 * per batch; a rebuild, which reads every event in order, looks up only an event that did not move its token
 * forward. Only a log read with gap-aware tokens (the JDBC event store) can deliver an event late; with other
 * tokens an event is at its token's position.
 */
@Component
public class EventPositions {

    private final JdbcTemplate jdbc;

    EventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The position of {@code event}, handled by a live processor with {@code token}: looked up with every event of
     * the processor's batch at the batch's first event, kept for the rest of its transaction. An event that is not
     * in the event table (an in-memory log in tests) is at its token's position.
     */
    public long live(EventMessage<?> event, TrackingToken token) {
        long tokenPosition = token.position().orElseThrow();
        if (!(WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken)) {
            return tokenPosition; // a log without gaps (in memory, in tests): the token is at the event
        }
        Map<String, Long> known = batchPositions();
        Long position = known.get(event.getIdentifier());
        if (position == null) {
            known.putAll(lookUp(identifiersOfBatch(event)));
            position = known.get(event.getIdentifier());
        }
        return position == null ? tokenPosition : position;
    }

    /** The position of one event, looked up alone; {@code fallback} when it is not in the event table. */
    public long of(EventMessage<?> event, long fallback) {
        return lookUp(List.of(event.getIdentifier())).getOrDefault(event.getIdentifier(), fallback);
    }

    private Map<String, Long> lookUp(List<String> identifiers) {
        Map<String, Long> positions = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT event_identifier, global_index FROM event_store.domain_event_entry
                    WHERE event_identifier = ANY (?)
                    """);
            Array array = connection.createArrayOf("varchar", identifiers.toArray());
            statement.setArray(1, array);
            return statement;
        }, resultSet -> {
            positions.put(resultSet.getString(1), resultSet.getLong(2));
        });
        return positions;
    }

    /** The identifiers of the events of the processor's current batch, or of {@code event} alone. */
    private static List<String> identifiersOfBatch(EventMessage<?> event) {
        List<String> identifiers = new ArrayList<>();
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch) {
            for (Message<?> message : batch.getMessages()) {
                identifiers.add(message.getIdentifier());
            }
        }
        if (!identifiers.contains(event.getIdentifier())) {
            identifiers.add(event.getIdentifier());
        }
        return identifiers;
    }

    /** Positions looked up in the current transaction (a live batch); a fresh map without a transaction. */
    private Map<String, Long> batchPositions() {
        Map<String, Long> bound = TransactionScoped.get(this, HashMap::new);
        return bound == null ? new HashMap<>() : bound;
    }
}
