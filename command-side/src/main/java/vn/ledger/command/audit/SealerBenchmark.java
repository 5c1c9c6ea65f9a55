package vn.ledger.command.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.ledger.command.eventstore.EventStoreConfiguration;

/**
 * Measures the sealer on a scratch database: migrates it, inserts synthetic events with SQL (JSON payloads and
 * metadata of a real event's size), and times sealing them all. Refuses a database that already holds events.
 *
 * <p>{@code java -cp <command-side classpath> vn.ledger.command.audit.SealerBenchmark JDBC_URL USER PASSWORD [N]}
 */
public final class SealerBenchmark {

    /** What a run measured. */
    public record Result(long events, Duration sealing, double eventsPerSecond) {}

    private SealerBenchmark() {}

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: SealerBenchmark JDBC_URL USER PASSWORD [EVENTS]");
            System.exit(64);
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(args[0], args[1], args[2]);
        Result result = run(dataSource, args.length > 3 ? Integer.parseInt(args[3]) : 20_000, 1_000);
        System.out.printf("sealed %d events in %d ms: %.0f events/s%n", result.events(),
                result.sealing().toMillis(), result.eventsPerSecond());
    }

    /** Inserts {@code events} events into the empty event store of {@code dataSource} and times sealing them. */
    public static Result run(DataSource dataSource, int events, int pageSize) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(EventStoreConfiguration.SCHEMA, EventStoreConfiguration.COMMAND_MODEL_SCHEMA)
                .table("flyway_schema_history")
                .locations("classpath:db/event-store")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Long existing = jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);
        if (existing == null || existing != 0) {
            throw new IllegalStateException("the benchmark inserts synthetic events: give it an empty event store");
        }
        jdbc.update("""
                INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                SELECT a::text, 0, 'Session', gen_random_uuid()::text,
                    convert_to(json_build_object('userId', 'admin', 'role', 'OFFICE', 'recordedAt', now()::text,
                        'requestId', gen_random_uuid(), 'correlationId', gen_random_uuid(),
                        'traceId', gen_random_uuid())::text, 'UTF8'),
                    convert_to(json_build_object('sessionId', a, 'unitIds', json_build_array(gen_random_uuid()),
                        'topic', 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
                        'scheduledAt', '2022-09-15T08:00:00+07:00', 'format', 'IN_PERSON',
                        'venue', 'Hội trường', 'basisDocuments', json_build_array('Kết luận số 01-KL/TW'))::text,
                        'UTF8'),
                    '1', 'vn.ledger.benchmark.SyntheticEvent',
                    to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                FROM (SELECT gen_random_uuid() AS a FROM generate_series(1, ?)) AS synthetic
                """, events);
        AuditSettings settings = new AuditSettings(true, Duration.ofMillis(500), pageSize, Duration.ofSeconds(2),
                Duration.ofHours(24), Duration.ofSeconds(60), Path.of("unused"), null);
        Sealer sealer = new Sealer(new AuditStore(jdbc), new DataSourceTransactionManager(dataSource),
                Clock.systemUTC(), settings, null);
        long start = System.nanoTime();
        long sealed = sealer.sealAvailable();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (sealed != events) {
            throw new IllegalStateException("sealed " + sealed + " of " + events + " events");
        }
        return new Result(sealed, took, sealed / (took.toNanos() / 1e9));
    }
}
