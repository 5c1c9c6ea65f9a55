package vn.ledger.query.session;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a session's history straight from the event log (read-only): every event of the session's stream, in order,
 * as stored. A correction is shown beside what it corrects: the values it replaced, which it carries itself, and
 * the positions of the earlier events that had recorded them.
 */
@Component
class SessionHistory {

    /** The event log's table, owned by the command side's Flyway; the query side only reads it. */
    static final String EVENT_TABLE = "event_store.domain_event_entry";

    /** One stored event, before it is read as JSON. */
    private record StoredEvent(long position, long sequence, String eventId, String payloadType, String revision,
                               String timestamp, byte[] payload, byte[] metadata) {}

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    SessionHistory(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    SessionHistoryView of(UUID sessionId) {
        List<StoredEvent> stored = jdbc.query("""
                SELECT global_index, sequence_number, event_identifier, payload_type, payload_revision, time_stamp,
                       payload, meta_data
                FROM %s
                WHERE aggregate_identifier = ?
                ORDER BY sequence_number
                """.formatted(EVENT_TABLE), (rs, row) -> new StoredEvent(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBytes(7),
                        rs.getBytes(8)), sessionId.toString());
        if (stored.isEmpty()) {
            throw new SessionNotFound(sessionId);
        }
        Corrections corrections = new Corrections();
        List<SessionEventView> items = new ArrayList<>();
        for (StoredEvent event : stored) {
            JsonNode payload = read(event.payload());
            JsonNode metadata = event.metadata() == null ? json.createObjectNode() : read(event.metadata());
            String type = simpleName(event.payloadType());
            Correction correction = corrections.next(type, event.position(), payload);
            items.add(new SessionEventView(
                    event.eventId(),
                    event.position(),
                    event.sequence(),
                    type,
                    event.revision(),
                    recordedAt(metadata, event.timestamp()),
                    recordedBy(metadata),
                    text(metadata, "requestId"),
                    text(metadata, "correlationId"),
                    payload,
                    metadata,
                    correction == null ? null : correction.values(),
                    correction == null ? null : correction.positions()));
        }
        return new SessionHistoryView(sessionId, items);
    }

    /** What a correction replaced, and the positions of the events that had recorded it. */
    private record Correction(JsonNode values, List<Long> positions) {}

    /**
     * Follows the stream: which event last recorded each member's entry, the guest counts, each showing's audience;
     * so that a correction can name the events it corrects.
     */
    private final class Corrections {

        private final Map<String, Long> attendanceAt = new HashMap<>();
        private final Map<String, Long> performanceAt = new HashMap<>();
        private Long guestsAt;

        /** Takes the event into account; answers what it corrects, or {@code null} when it is no correction. */
        Correction next(String type, long position, JsonNode payload) {
            switch (type) {
                case "AttendanceRecorded" -> {
                    memberIds(payload).forEach(member -> attendanceAt.put(member, position));
                    return null;
                }
                case "AttendanceCorrected" -> {
                    TreeSet<Long> earlier = new TreeSet<>();
                    for (String member : memberIds(payload)) {
                        Long at = attendanceAt.put(member, position);
                        if (at != null) {
                            earlier.add(at);
                        }
                    }
                    return new Correction(present(payload.path("previousEntries")), List.copyOf(earlier));
                }
                case "GuestsCounted" -> {
                    guestsAt = position;
                    return null;
                }
                case "GuestsCorrected" -> {
                    List<Long> earlier = guestsAt == null ? List.of() : List.of(guestsAt);
                    guestsAt = position;
                    return new Correction(present(payload.path("previousCounts")), earlier);
                }
                case "PerformanceLogged" -> {
                    performanceAt.put(payload.path("performanceId").asString(""), position);
                    return null;
                }
                case "PerformanceCorrected" -> {
                    String performanceId = payload.path("performanceId").asString("");
                    Long at = performanceAt.put(performanceId, position);
                    ObjectNode replaced = json.createObjectNode();
                    replaced.set("performanceId", present(payload.path("performanceId")));
                    replaced.set("audience", present(payload.path("previousAudience")));
                    return new Correction(replaced, at == null ? List.of() : List.of(at));
                }
                default -> {
                    return null;
                }
            }
        }

        private static List<String> memberIds(JsonNode payload) {
            List<String> members = new ArrayList<>();
            for (JsonNode entry : payload.path("entries")) {
                String member = entry.path("memberId").asString(null);
                if (member != null) {
                    members.add(member);
                }
            }
            return members;
        }
    }

    /** A property the payload lacks is shown as {@code null}. */
    private JsonNode present(JsonNode node) {
        return node.isMissingNode() ? json.getNodeFactory().nullNode() : node;
    }

    /** The stored JSON; text that is not JSON (never written by this ledger) is shown as it is. */
    private JsonNode read(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (JacksonException e) {
            return json.getNodeFactory().stringNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** {@code vn.ledger.events.AttendanceCorrected} is {@code AttendanceCorrected}. */
    static String simpleName(String payloadType) {
        String name = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    /** The command side's stamp, else the log's own timestamp; in the committee's time zone. */
    private static OffsetDateTime recordedAt(JsonNode metadata, String timestamp) {
        Instant stamped = instant(text(metadata, "recordedAt"));
        return SessionTime.local(stamped != null ? stamped : instant(timestamp));
    }

    private static SessionEventView.RecordedBy recordedBy(JsonNode metadata) {
        String userId = text(metadata, "userId");
        String role = text(metadata, "role");
        return userId == null && role == null ? null : new SessionEventView.RecordedBy(userId, role);
    }

    private static String text(JsonNode node, String property) {
        JsonNode value = node.path(property);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
