package vn.ledger.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Appends events to {@code event_store.domain_event_entry} in exactly the form Axon's JDBC storage engine writes them
 * (the columns of {@code EventLogConfiguration}'s schema, the payload and metadata serialized by a Jackson 3
 * serializer built like Axon's Spring Boot auto-configuration builds it for {@code axon.serializer.events=jackson3}:
 * annotation revisions, no customizer), but through one {@code COPY} stream per batch instead of one {@code INSERT}
 * per event. Sequence numbers are the caller's: one counter per aggregate.
 */
final class EventAppender implements AutoCloseable {

    /** Axon writes the time stamp as an ISO instant with milliseconds. */
    static final DateTimeFormatter TIME_STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String COPY = "COPY event_store.domain_event_entry (aggregate_identifier, sequence_number,"
            + " type, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) FROM STDIN";

    private final Connection connection;
    private final Serializer serializer = serializer();
    private final Map<String, Long> counts = new TreeMap<>();
    private final byte[] line = new byte[1 << 20];
    private OutputStream copy;
    private long appended;

    private final java.util.SplittableRandom ids;

    EventAppender(Connection connection, long seed) throws SQLException {
        this.connection = connection;
        this.ids = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
        connection.setAutoCommit(false);
    }

    /** The serializer the services read and write events with (see the class comment). */
    static Serializer serializer() {
        return Jackson3Serializer.builder().revisionResolver(new AnnotationRevisionResolver()).build();
    }

    void append(String aggregateType, UUID aggregateId, long sequence, Object payload, MetaData metaData,
                Instant at) {
        try {
            if (copy == null) {
                CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
                copy = new PGCopyOutputStream(in, 1 << 20);
            }
            SerializedObject<byte[]> data = serializer.serialize(payload, byte[].class);
            SerializedObject<byte[]> meta = serializer.serialize(metaData, byte[].class);
            int n = 0;
            n = text(n, aggregateId.toString());
            n = text(n, Long.toString(sequence));
            n = text(n, aggregateType);
            n = text(n, Generator.uuid(ids).toString());
            n = hex(n, meta.getData());
            n = hex(n, data.getData());
            n = text(n, data.getType().getRevision());
            n = text(n, data.getType().getName());
            n = text(n, TIME_STAMP.format(at));
            line[n - 1] = '\n';
            copy.write(line, 0, n);
            counts.merge(payload.getClass().getSimpleName(), 1L, Long::sum);
            appended++;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not append an event", e);
        }
    }

    /** Ends the current COPY and commits it. */
    void commit() throws SQLException {
        try {
            if (copy != null) {
                copy.close();
                copy = null;
            }
        } catch (IOException e) {
            throw new SQLException("COPY failed", e);
        }
        connection.commit();
    }

    long appended() {
        return appended;
    }

    Map<String, Long> counts() {
        return counts;
    }

    private int text(int n, String value) {
        if (value == null) {
            line[n++] = '\\';
            line[n++] = 'N';
        } else {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(bytes, 0, line, n, bytes.length);
            n += bytes.length;
        }
        line[n++] = '\t';
        return n;
    }

    /** A bytea in COPY's text format: {@code \\x} and two hex digits a byte (the backslash escaped once). */
    private int hex(int n, byte[] bytes) {
        line[n++] = '\\';
        line[n++] = '\\';
        line[n++] = 'x';
        for (byte b : bytes) {
            line[n++] = HEX[(b >> 4) & 0xF];
            line[n++] = HEX[b & 0xF];
        }
        line[n++] = '\t';
        return n;
    }

    @Override
    public void close() throws SQLException {
        commit();
    }
}
