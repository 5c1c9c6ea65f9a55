package vn.ledger.service.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.ledger.embedded.EmbeddedDatabase;
import vn.ledger.service.query.Http.Answer;

/**
 * The separate services as an operator runs them: a throw-away PostgreSQL given the roles of
 * {@code deploy/sql/roles.sql}, one command service and two query services started with {@code java -jar}, each
 * connected as its own role, two segments per processor. Commands go over HTTP to the command service; both query
 * instances hold segments; one is killed with {@code kill -9} while commands keep coming, and the other takes its
 * segments over once their claims time out and brings the views to the head of the log; a normal stop releases the
 * claims at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeparateServicesIT {

    private static final Path COMMAND_JAR = Path.of(System.getProperty("command-side.jar",
            "../command-service/target/command-side.jar"));
    private static final Path QUERY_JAR = Path.of(System.getProperty("query-side.jar", "target/query-side.jar"));
    private static final Path ROLES = Path.of(System.getProperty("roles.sql", "../sql/roles.sql"));
    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CLAIM_INTERVAL = Duration.ofSeconds(1);
    private static final List<String> PROCESSORS = List.of("sessions-v1", "stats-v1");
    private static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static final String COMMAND_PASSWORD = "command-role-password";
    private static final String QUERY_PASSWORD = "query-role-password";

    @TempDir
    static Path work;

    private EmbeddedDatabase postgres;
    private String ledgerUrl;
    private Process commandService;
    private Http office;
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    void startDatabaseAndCommandService() throws Exception {
        postgres = EmbeddedDatabase.startThrowAway();
        try (Connection connection = superuser(postgres.jdbcUrl("postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE ledger");
        }
        ledgerUrl = postgres.jdbcUrl("ledger");
        runRolesScript();
        try (Connection connection = superuser(ledgerUrl); Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE ledger_command PASSWORD '" + COMMAND_PASSWORD + "'");
            statement.execute("ALTER ROLE ledger_query PASSWORD '" + QUERY_PASSWORD + "'");
        }
        int port = freePort();
        commandService = start(COMMAND_JAR, "command", port, Map.of(
                "LEDGER_DB_USER", "ledger_command",
                "LEDGER_DB_PASSWORD", COMMAND_PASSWORD,
                "LEDGER_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "LEDGER_KEY_DIR", work.resolve("keys").toString()));
        awaitHealthy(commandService, port, "command");
        office = new Http(port).as("admin", ADMIN_PASSWORD);
    }

    @AfterAll
    void stopEverything() throws InterruptedException {
        for (Process process : started) {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void queryInstancesShareTheSegmentsAndOneTakesOverWhenTheOtherIsKilled() throws Exception {
        int portA = freePort();
        int portB = freePort();
        Process a = startQueryService(portA, "query-a");
        Process b = startQueryService(portB, "query-b");
        awaitHealthy(a, portA, "query-a");
        awaitHealthy(b, portB, "query-b");
        Http queryA = new Http(portA).as("admin", ADMIN_PASSWORD);
        Http queryB = new Http(portB).as("admin", ADMIN_PASSWORD);

        UUID unit = registerCell("Chi bộ Trung tâm Văn hóa Nghệ thuật");
        long audience = 0;
        int showings = 0;
        for (int i = 1; i <= 6; i++) {
            audience += logShowing(unit, "Chuyên đề " + i, 100 * i);
            showings++;
        }

        // each instance holds one of each processor's two segments
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String processor : PROCESSORS) {
                Map<Integer, String> owners = owners(processor);
                assertThat(owners).as(processor).hasSize(2);
                assertThat(new HashSet<>(pids(owners.values()))).as("%s: %s", processor, owners)
                        .containsExactlyInAnyOrder(a.pid(), b.pid());
            }
        });
        long expectedAudience = audience;
        int expectedShowings = showings;
        for (Http query : List.of(queryA, queryB)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertViewsAtHead(query, expectedAudience,
                    expectedShowings, expectedShowings));
        }

        // a rebuild may not switch generations while another instance holds a segment of the projection: the switch
        // rolls back, the old generation keeps serving on both instances (rebuild with one instance running)
        Answer rebuild = queryA.post("/api/v1/admin/projections/stats-v1/rebuild", "");
        assertThat(rebuild.status()).as(rebuild.raw()).isEqualTo(202);
        String rebuildStatus = "/api/v1/admin/projections/stats-v1/rebuilds/" + rebuild.body().path("rebuildId").asString();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Set.of("DONE", "FAILED").contains(queryA.get(rebuildStatus).body().path("state").asString()));
        assertThat(queryA.get(rebuildStatus).body().path("state").asString()).isEqualTo("FAILED");
        for (Http query : List.of(queryA, queryB)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertViewsAtHead(query, expectedAudience,
                    expectedShowings, expectedShowings));
        }

        // kill -9 one instance while commands keep coming
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong writtenAudience = new AtomicLong();
        AtomicLong writtenShowings = new AtomicLong();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 1; writing.get(); i++) {
                    writtenAudience.addAndGet(logShowing(unit, "Chuyên đề sau sự cố " + i, 1000 + i));
                    writtenShowings.incrementAndGet();
                }
            } catch (Throwable e) {
                writerFailure.set(e);
            }
        }, "commands-while-an-instance-is-down");
        long killedAt = System.nanoTime();
        a.destroyForcibly(); // SIGKILL: no shutdown hook runs, its claims stay in the token table until they time out
        assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
        writer.start();
        Duration takeover;
        try {
            await().atMost(CLAIM_TIMEOUT.plus(CLAIM_INTERVAL).plusSeconds(15)).pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> {
                        for (String processor : PROCESSORS) {
                            assertThat(pids(owners(processor).values())).as(processor).containsOnly(b.pid());
                        }
                    });
            takeover = Duration.ofNanos(System.nanoTime() - killedAt);
            // the commands go on a little after the take-over, so the surviving instance handles new events too
            long target = writtenShowings.get() + 3;
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> writerFailure.get() != null || writtenShowings.get() >= target);
        } finally {
            writing.set(false);
            writer.join(30_000);
        }
        assertThat(writerFailure.get()).as("the commands sent while an instance was down").isNull();
        assertThat(writtenShowings.get()).isPositive();
        System.out.printf("[measure] a kill -9'd query instance's segments taken over by the other after %d ms"
                        + " (claim timeout %d s, claim interval %d s, %d processors x 2 segments)%n",
                takeover.toMillis(), CLAIM_TIMEOUT.toSeconds(), CLAIM_INTERVAL.toSeconds(), PROCESSORS.size());
        assertThat(takeover).isLessThanOrEqualTo(CLAIM_TIMEOUT.plus(CLAIM_INTERVAL).plusSeconds(5));

        long finalAudience = audience + writtenAudience.get();
        int finalShowings = showings + (int) writtenShowings.get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertViewsAtHead(queryB, finalAudience,
                finalShowings, finalShowings));

        // a normal stop: requests in flight finish, the processors stop and release their claims before it exits
        b.destroy(); // SIGTERM
        assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
        for (String processor : PROCESSORS) {
            assertThat(owners(processor)).as(processor).hasSize(2)
                    .allSatisfy((segment, owner) -> assertThat(owner).as("owner of segment %d", segment).isNull());
        }
    }

    @Test
    void theQueryRoleReadsTheEventLogButCannotWriteIt() throws Exception {
        UUID unit = registerCell("Chi bộ Thư viện");
        logShowing(unit, "Chuyên đề về quyền", 300);

        try (Connection query = DriverManager.getConnection(ledgerUrl, "ledger_query", QUERY_PASSWORD);
             Statement statement = query.createStatement()) {
            try (ResultSet events = statement.executeQuery("SELECT count(*) FROM event_store.domain_event_entry")) {
                assertThat(events.next()).isTrue();
                assertThat(events.getLong(1)).isPositive();
            }
            try (ResultSet users = statement.executeQuery("SELECT role FROM command_model.app_user"
                    + " WHERE username = 'admin'")) {
                assertThat(users.next()).isTrue();
                assertThat(users.getString(1)).isEqualTo("OFFICE");
            }
            assertPermissionDenied(statement, """
                    INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type,
                        event_identifier, payload, payload_type, time_stamp)
                    VALUES ('forged', 0, 'Session', 'forged-event', '\\x7b7d', 'vn.ledger.events.SessionCancelled',
                        '2022-09-15T01:00:00Z')""");
            assertPermissionDenied(statement, "UPDATE event_store.domain_event_entry SET payload = '\\x7b7d'");
            assertPermissionDenied(statement, "DELETE FROM event_store.domain_event_entry");
            assertPermissionDenied(statement, "UPDATE command_model.app_user SET role = 'OFFICE'");
            assertPermissionDenied(statement, "SELECT * FROM command_model.idempotency_key");
        }
        assertPrivileges();

        // the script is idempotent, and hands the objects of a database made by one role (a standalone's) to the
        // two roles
        runRolesScript();
        assertPrivileges();
        try (Connection connection = superuser(ledgerUrl); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE event_store.domain_event_entry OWNER TO postgres");
            statement.execute("GRANT ALL ON event_store.domain_event_entry TO postgres"); // as before V12
            statement.execute("ALTER TABLE command_model.app_user OWNER TO postgres");
        }
        runRolesScript();
        assertPrivileges();
    }

    @Test
    void aServiceWithoutADatabaseDoesNotStart() throws Exception {
        for (Path jar : List.of(COMMAND_JAR, QUERY_JAR)) {
            String name = "no-database-" + jar.getFileName();
            Path log = Path.of("target", "services-" + name + ".log").toAbsolutePath();
            Process process = ServiceProcesses.start(jar, name, freePort(), work, null, List.of(), Map.of());
            started.add(process);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s exits", jar).isTrue();
            assertThat(process.exitValue()).isEqualTo(2);
            assertThat(Files.readString(log)).contains("LEDGER_DB_URL, LEDGER_DB_USER, LEDGER_DB_PASSWORD");
        }
    }

    private void assertPrivileges() throws SQLException {
        try (Connection connection = superuser(ledgerUrl); Statement statement = connection.createStatement()) {
            Map<String, Boolean> expected = new HashMap<>();
            expected.put("ledger_command INSERT", true);
            expected.put("ledger_command SELECT", true);
            expected.put("ledger_command UPDATE", false);
            expected.put("ledger_command DELETE", false);
            expected.put("ledger_command TRUNCATE", false);
            expected.put("ledger_query SELECT", true);
            expected.put("ledger_query INSERT", false);
            expected.put("ledger_query UPDATE", false);
            expected.put("ledger_query DELETE", false);
            expected.put("ledger_query TRUNCATE", false);
            Map<String, Boolean> actual = new HashMap<>();
            for (String key : expected.keySet()) {
                String[] roleAndPrivilege = key.split(" ");
                try (ResultSet result = statement.executeQuery("SELECT has_table_privilege('" + roleAndPrivilege[0]
                        + "', 'event_store.domain_event_entry', '" + roleAndPrivilege[1] + "')")) {
                    result.next();
                    actual.put(key, result.getBoolean(1));
                }
            }
            assertThat(actual).as("privileges on the event table").isEqualTo(expected);
            try (ResultSet owners = statement.executeQuery("""
                    SELECT (SELECT tableowner FROM pg_tables
                            WHERE schemaname = 'event_store' AND tablename = 'domain_event_entry'),
                           (SELECT tableowner FROM pg_tables WHERE schemaname = 'command_model' AND tablename = 'app_user'),
                           has_table_privilege('ledger_query', 'command_model.app_user', 'SELECT'),
                           has_table_privilege('ledger_query', 'command_model.idempotency_key', 'SELECT'),
                           has_schema_privilege('ledger_command', 'read_model', 'USAGE')
                    """)) {
                owners.next();
                assertThat(owners.getString(1)).isEqualTo("ledger_command");
                assertThat(owners.getString(2)).isEqualTo("ledger_command");
                assertThat(owners.getBoolean(3)).as("the query role reads the users").isTrue();
                assertThat(owners.getBoolean(4)).as("the query role reads no other command-model table").isFalse();
                assertThat(owners.getBoolean(5)).as("the command role does not read the read model").isFalse();
            }
        }
    }

    private static void assertPermissionDenied(Statement statement, String sql) {
        assertThatThrownBy(() -> statement.execute(sql)).as(sql)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                        .as("%s: %s", sql, e.getMessage()).isEqualTo("42501"));
    }

    /** Both views of one query instance: the committee's Q3 2022 and the session list, at the head of the log. */
    private void assertViewsAtHead(Http query, long audience, int showings, int sessions) throws SQLException {
        long head = head();
        Answer quarters = query.get("/api/v1/stats/quarters?from=2022-Q3&to=2022-Q3");
        assertThat(quarters.status()).as(quarters.raw()).isEqualTo(200);
        assertThat(quarters.body().path("position").asLong()).as("stats-v1 at the head").isEqualTo(head);
        assertThat(quarters.body().path("quarters").path(0).path("performanceAudience").asLong()).isEqualTo(audience);
        assertThat(quarters.body().path("quarters").path(0).path("performanceShowings").asInt()).isEqualTo(showings);
        Answer list = query.get("/api/v1/sessions?quarter=2022-Q3&size=1");
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        assertThat(list.body().path("position").asLong()).as("sessions-v1 at the head").isEqualTo(head);
        assertThat(list.body().path("total").asInt()).isEqualTo(sessions);
    }

    private UUID registerCell(String name) {
        Answer answer = office.post("/api/v1/units", """
                {"name": "%s", "kind": "CELL"}
                """.formatted(name));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return UUID.fromString(answer.body().path("id").asString());
    }

    /** Schedules a session of {@code unit} and logs one showing at it; answers the audience. */
    private long logShowing(UUID unit, String topic, int audience) {
        Answer scheduled = office.post("/api/v1/sessions", """
                {"unitIds": ["%s"], "topic": "%s", "scheduledAt": "2022-09-15T08:00:00+07:00",
                 "format": "IN_PERSON", "venue": "Hội trường"}
                """.formatted(unit, topic));
        assertThat(scheduled.status()).as(scheduled.raw()).isEqualTo(201);
        Answer showing = office.post("/api/v1/sessions/" + scheduled.body().path("id").asString() + "/performances", """
                {"title": "Nghĩa gia đình, tình làng xóm", "genre": "cải lương", "performerUnitId": "%s",
                 "venue": "Thành phố Cao Lãnh", "performedOn": "2022-08-20", "audience": %d}
                """.formatted(unit, audience));
        assertThat(showing.status()).as(showing.raw()).isEqualTo(201);
        return audience;
    }

    /** Each segment of {@code processor} and the instance that holds it ({@code null}: no one). */
    private Map<Integer, String> owners(String processor) throws SQLException {
        Map<Integer, String> owners = new HashMap<>();
        try (Connection connection = superuser(ledgerUrl);
             var select = connection.prepareStatement(
                     "SELECT segment, owner FROM read_model.token_entry WHERE processor_name = ?")) {
            select.setString(1, processor);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    owners.put(rows.getInt(1), rows.getString(2));
                }
            }
        }
        return owners;
    }

    /** The process ids of owners as Axon names them by default, {@code pid@host}. */
    private static List<Long> pids(java.util.Collection<String> owners) {
        return owners.stream().map(owner -> owner == null ? -1L : Long.parseLong(owner.substring(0,
                owner.indexOf('@')))).toList();
    }

    private long head() throws SQLException {
        try (Connection connection = superuser(ledgerUrl); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT max(global_index) FROM event_store.domain_event_entry")) {
            result.next();
            return result.getLong(1);
        }
    }

    private Process startQueryService(int port, String name) throws IOException {
        return start(QUERY_JAR, name, port, Map.of(
                "LEDGER_DB_USER", "ledger_query",
                "LEDGER_DB_PASSWORD", QUERY_PASSWORD,
                "LEDGER_QUERY_SEGMENTS", "2",
                "LEDGER_QUERY_CLAIM_TIMEOUT", CLAIM_TIMEOUT.toSeconds() + "s",
                "LEDGER_QUERY_CLAIM_INTERVAL", CLAIM_INTERVAL.toSeconds() + "s"));
    }

    private Process start(Path jar, String name, int port, Map<String, String> environment) throws IOException {
        Process process = ServiceProcesses.start(jar, name, port, work, ledgerUrl, List.of("-Xmx384m"), environment);
        started.add(process);
        return process;
    }

    private static void awaitHealthy(Process process, int port, String name) {
        ServiceProcesses.awaitHealthy(process, port, name, STARTUP);
    }

    private void runRolesScript() throws IOException, SQLException {
        String script = Files.readString(ROLES, StandardCharsets.UTF_8);
        try (Connection connection = superuser(ledgerUrl); Statement statement = connection.createStatement()) {
            statement.execute(script);
        }
    }

    private Connection superuser(String url) throws SQLException {
        return DriverManager.getConnection(url, postgres.superuser(), "");
    }

    private static int freePort() throws IOException {
        return ServiceProcesses.freePort();
    }
}
