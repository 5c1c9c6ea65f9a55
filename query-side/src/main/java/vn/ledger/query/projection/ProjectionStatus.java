package vn.ledger.query.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
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
     * Where a processor stands, from one read of its segments' tokens.
     *
     * @param position the lowest position any segment has reached: everything up to it is in the view, whichever
     *     instance holds which segment; {@code null} before every segment has reached an event (a segment without a
     *     position may still miss any of its events, however far the others are)
     * @param gaps positions below a segment's position that it has not applied yet: the gaps its token keeps for
     *     transactions that took a position and had not committed when the processor passed it (they commit later,
     *     or never). Until such a position is applied, an answer at a later position may still change
     */
    public record Progress(Long position, SortedSet<Long> gaps) {}

    /**
     * The processor's progress, read in the caller's transaction.
     *
     * <p>A segment stores its token also when none of the events it read were its own (after waiting a second for
     * more), so an idle segment's position follows the log, and so does the view's.
     */
    public Progress progress(String processor) {
        return progress(jdbc.query("""
                SELECT token, token_type FROM read_model.token_entry WHERE processor_name = ?
                """, (rs, row) -> token(rs.getBytes(1), rs.getString(2)), processor));
    }

    /** A segment's stored token, {@code null} before it has reached an event. */
    TrackingToken token(byte[] serialized, String type) {
        return serialized == null ? null : WrappedToken.unwrapLowerBound(serializer.deserialize(
                new SimpleSerializedObject<>(serialized, byte[].class, type, null)));
    }

    /** The progress of a processor whose segments hold {@code tokens} (none before it first stored them). */
    static Progress progress(List<TrackingToken> tokens) {
        SortedSet<Long> gaps = new TreeSet<>();
        Long position = tokens.isEmpty() ? null : Long.MAX_VALUE;
        for (TrackingToken token : tokens) {
            OptionalLong reached = token == null ? OptionalLong.empty() : token.position();
            position = position == null || reached.isEmpty() ? null : Math.min(position, reached.getAsLong());
            if (token instanceof GapAwareTrackingToken gapAware) {
                gaps.addAll(gapAware.getGaps());
            }
        }
        return new Progress(position, gaps);
    }

    /** The processor's position ({@link Progress#position()}), read in the caller's transaction. */
    public Long position(String processor) {
        return progress(processor).position();
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
