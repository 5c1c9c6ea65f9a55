package vn.ledger.query.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Where a processor stands in the log: its position, the head of the log, and how far behind it is. */
@Component
public class ProjectionStatus {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventStore eventStore;

    ProjectionStatus(JdbcTemplate jdbc, Serializer serializer, EventStore eventStore) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.eventStore = eventStore;
    }

    /**
     * The lowest position any segment of the processor has reached, read in the caller's transaction: everything up
     * to it is in the view. {@code null} before the processor has handled an event.
     */
    public Long position(String processor) {
        List<TrackingToken> tokens = jdbc.query("""
                SELECT token, token_type FROM read_model.token_entry WHERE processor_name = ? AND token IS NOT NULL
                """, (rs, row) -> serializer.deserialize(
                        new SimpleSerializedObject<>(rs.getBytes(1), byte[].class, rs.getString(2), null)),
                processor);
        return tokens.stream()
                .map(TrackingToken::position)
                .filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong)
                .min(Long::compare)
                .orElse(null);
    }

    /** The position of the newest event in the log, {@code null} for an empty log. */
    public Long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null || head.position().isEmpty() ? null : head.position().getAsLong();
    }

    /** How long ago the oldest event the processor has not handled was recorded; zero when it is up to date. */
    public Duration lagTime(Long position, Instant now) {
        try {
            List<String> times = jdbc.queryForList("""
                    SELECT time_stamp FROM event_store.domain_event_entry WHERE global_index > ?
                    ORDER BY global_index LIMIT 1
                    """, String.class, position == null ? -1 : position);
            return times.isEmpty() ? Duration.ZERO : Duration.between(Instant.parse(times.get(0)), now);
        } catch (DataAccessException noEventTable) {
            return Duration.ZERO; // an event log that is not in this database (tests with an in-memory log)
        }
    }

    /** Lets a reader that waits for a position give the processor a moment. */
    public void awaitProgress(Duration pause) {
        LockSupport.parkNanos(pause.toNanos());
    }
}
