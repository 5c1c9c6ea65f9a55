package vn.ledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import vn.ledger.embedded.EmbeddedDatabase;
import vn.ledger.events.AttendanceRecorded;
import vn.ledger.events.SessionScheduled;

/**
 * The generator at demo size on a real PostgreSQL: the same seed gives the same events, every aggregate's sequence
 * runs 0..n without a gap, every event reads back into its class with the audit metadata, and the command model
 * holds the generated roster. No timing is asserted.
 */
class GeneratorSmokeTest {

    @Test
    void theDemoLedgerIsConsistentAndTheSameForTheSameSeed() throws Exception {
        Map<String, Long> first = generate(7);
        Map<String, Long> second = generate(7);
        assertThat(second).isEqualTo(first);
        assertThat(first.get("SessionScheduled")).isEqualTo(18 * 16);
        assertThat(first.get("MemberAdmitted")).isEqualTo(450);
    }

    private static Map<String, Long> generate(long seed) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.startThrowAway()) {
            String url = db.jdbcUrl("postgres");
            Dataset.migrate(url, db.superuser());
            Generator.Result result;
            try (Connection events = DriverManager.getConnection(url, db.superuser(), "");
                 Connection roster = DriverManager.getConnection(url, db.superuser(), "")) {
                result = new Generator(Generator.Size.of("demo"), seed, new Progress("test", 1, "events"))
                        .generate(events, roster);
            }
            try (Connection c = DriverManager.getConnection(url, db.superuser(), "");
                 Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM event_store.domain_event_entry")) {
                    r.next();
                    assertThat(r.getLong(1)).isEqualTo(result.events());
                }
                try (ResultSet r = s.executeQuery("""
                        SELECT count(*) FROM (SELECT aggregate_identifier FROM event_store.domain_event_entry
                          GROUP BY aggregate_identifier
                          HAVING min(sequence_number) <> 0 OR max(sequence_number) <> count(*) - 1) gaps""")) {
                    r.next();
                    assertThat(r.getLong(1)).as("aggregates with a gap in their sequence").isZero();
                }
                try (ResultSet r = s.executeQuery("SELECT (SELECT count(*) FROM command_model.unit),"
                        + " (SELECT count(*) FROM command_model.member),"
                        + " (SELECT count(*) FROM command_model.membership WHERE valid_to IS NULL)")) {
                    r.next();
                    assertThat(r.getLong(1)).isEqualTo(20);
                    assertThat(r.getLong(2)).isEqualTo(450);
                    assertThat(r.getLong(3)).isEqualTo(450);
                }
                Serializer serializer = EventAppender.serializer();
                Map<String, Long> counts = new LinkedHashMap<>();
                try (ResultSet r = s.executeQuery("SELECT payload_type, payload_revision, payload, meta_data, type"
                        + " FROM event_store.domain_event_entry ORDER BY global_index")) {
                    while (r.next()) {
                        Object event = serializer.deserialize(new SimpleSerializedObject<>(r.getBytes(3),
                                byte[].class, r.getString(1), r.getString(2)));
                        MetaData meta = serializer.deserialize(new SimpleSerializedObject<>(r.getBytes(4),
                                byte[].class, new SimpleSerializedType(MetaData.class.getName(), null)));
                        assertThat(meta).containsKeys("userId", "role", "recordedAt", "requestId", "correlationId",
                                "traceId");
                        if (event instanceof SessionScheduled || event instanceof AttendanceRecorded) {
                            assertThat(r.getString(5)).isEqualTo("Session");
                            assertThat(meta).containsKey("unitId");
                        }
                        counts.merge(event.getClass().getSimpleName(), 1L, Long::sum);
                    }
                }
                assertThat(counts).isEqualTo(result.counts());
                return counts;
            }
        }
    }
}
