package vn.ledger.service.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ledger.embedded.EmbeddedDatabase;

/**
 * Faults while commands keep coming, on loopback: a durable PostgreSQL on a fixed port, two command services and
 * two query services (two segments per processor), client threads writing through both command services and a
 * reader asking both query services. Mid-stream one command service and one query service are killed with
 * {@code kill -9}, then PostgreSQL is stopped and started again on the same data directory and port. The clients
 * behave as the README tells them to: every command carries an {@code Idempotency-Key}; on 503 they wait as
 * {@code Retry-After} says (at most 1 s here, so that the recovery is measured finely), on a refused or broken
 * connection they send the same command, with the same key, to the other command service.
 *
 * <p>Afterwards: every acknowledged (2xx) command's events are in the log exactly once, every aggregate's sequence
 * has no gap, no answer was a 500, every 503 carried Retry-After, no request took longer than {@link #MAX_ANSWER},
 * and the views equal a fresh rebuild. The recovery after each fault and the counts are printed as one block.
 *
 * <p>Before the faults, {@code racingAppendsAreRetriedNotRefused} races appends to one aggregate through the two
 * command services: both succeed (the loser is run again on the server), and a version pinned with If-Match that
 * the race moved past is 412, never 409.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    private static final Path COMMAND_JAR = Path.of(System.getProperty("command-side.jar",
            "../command-service/target/command-side.jar"));
    private static final Path QUERY_JAR = Path.of(System.getProperty("query-side.jar", "target/query-side.jar"));
    private static final Path ROLES = Path.of(System.getProperty("roles.sql", "../sql/roles.sql"));
    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CLAIM_INTERVAL = Duration.ofSeconds(1);
    /** No answer, a 503 included, may take longer than this: a hang is a failure. */
    private static final Duration MAX_ANSWER = Duration.ofSeconds(10);
    private static final List<String> PROCESSORS = List.of("sessions-v1", "stats-v1");
    private static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static final String COMMAND_PASSWORD = "command-role-password";
    private static final String QUERY_PASSWORD = "query-role-password";
    private static final int WRITERS = 4;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PERFORMANCE_ID = Pattern.compile("\"performanceId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @TempDir
    static Path work;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private final List<Process> started = new ArrayList<>();
    private Path dataDirectory;
    private int databasePort;
    private volatile EmbeddedDatabase postgres;
    private String ledgerUrl;
    private Process command1;
    private Process command2;
    private Process query1;
    private Process query2;
    private int[] commandPorts;
    private int[] queryPorts;
    private UUID unit;

    // what the clients saw, over the whole test
    private final AtomicLong slowestAnswerNanos = new AtomicLong();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger queryUnavailable = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Queue<String> unexpected = new Queue<>();
    private final AtomicInteger clientConflicts = new AtomicInteger();
    private final AtomicInteger brokenConnections = new AtomicInteger();
    private final AtomicInteger refusedConnections = new AtomicInteger();

    /** A thread-safe list of what went wrong. */
    private static final class Queue<T> extends ConcurrentLinkedQueue<T> {}

    @BeforeAll
    void startDatabaseAndServices() throws Exception {
        dataDirectory = work.resolve("pgdata");
        databasePort = freePort();
        postgres = EmbeddedDatabase.startDurable(dataDirectory, databasePort);
        try (Connection connection = superuser(postgres.jdbcUrl("postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE ledger");
        }
        ledgerUrl = postgres.jdbcUrl("ledger");
        try (Connection connection = superuser(ledgerUrl); Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(ROLES, StandardCharsets.UTF_8));
            statement.execute("ALTER ROLE ledger_command PASSWORD '" + COMMAND_PASSWORD + "'");
            statement.execute("ALTER ROLE ledger_query PASSWORD '" + QUERY_PASSWORD + "'");
        }
        commandPorts = new int[] {freePort(), freePort()};
        queryPorts = new int[] {freePort(), freePort()};
        // the first command service migrates the event store; the others start once it has
        command1 = startCommandService(commandPorts[0], "fault-command-1", true);
        awaitHealthy(command1, commandPorts[0], "fault-command-1");
        command2 = startCommandService(commandPorts[1], "fault-command-2", false);
        query1 = startQueryService(queryPorts[0], "fault-query-1");
        query2 = startQueryService(queryPorts[1], "fault-query-2");
        awaitHealthy(command2, commandPorts[1], "fault-command-2");
        awaitHealthy(query1, queryPorts[0], "fault-query-1");
        awaitHealthy(query2, queryPorts[1], "fault-query-2");
        Answer registered = post(commandPorts[0], "/api/v1/units", """
                {"name": "Chi bộ Nhà hát Cải lương", "kind": "CELL"}""", null, null);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        unit = UUID.fromString(registered.body().path("id").asString());
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
    @Order(1)
    void racingAppendsAreRetriedNotRefused() throws Exception {
        UUID session = scheduleSession(commandPorts[0], "Chuyên đề chạy đua");
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            int rounds = 25;
            // each command with an Idempotency-Key: the attempt that wins stores its answer, also when it is a retry
            Map<String, Answer> firstAnswers = new ConcurrentHashMap<>();
            Map<String, String> bodies = new ConcurrentHashMap<>();
            for (int round = 0; round < rounds; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Answer>> answers = new ArrayList<>();
                for (int port : commandPorts) {
                    answers.add(racers.submit(() -> {
                        String key = UUID.randomUUID().toString();
                        String body = performance(UUID.randomUUID(), 100);
                        bodies.put(key, body);
                        start.await(10, TimeUnit.SECONDS);
                        Answer answer = post(port, "/api/v1/sessions/" + session + "/performances", body, key, null);
                        firstAnswers.put(key, answer);
                        return answer;
                    }));
                }
                for (Future<Answer> answer : answers) {
                    Answer done = answer.get(30, TimeUnit.SECONDS);
                    assertThat(done.status()).as("round %d: %s", round, done.raw()).isEqualTo(201);
                }
            }
            long raced = version(session);
            for (Map.Entry<String, Answer> first : firstAnswers.entrySet()) {
                Answer again = post(commandPorts[0], "/api/v1/sessions/" + session + "/performances",
                        bodies.get(first.getKey()), first.getKey(), null);
                assertThat(again.status()).isEqualTo(201);
                assertThat(again.replayed()).as("the stored answer of %s (first answered %s; stored: %s; again: %s)",
                        first.getKey(), first.getValue().raw(), storedAnswer(first.getKey()), again.raw()).isTrue();
                assertThat(again.raw()).isEqualTo(first.getValue().raw());
            }
            assertThat(version(session)).as("the repeats appended nothing").isEqualTo(raced);
            // a version pinned with If-Match: one of the two wins, the other is 412 (run again against the new
            // version, or loaded after it), never 409
            for (int round = 0; round < 10; round++) {
                long version = version(session);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Answer>> answers = new ArrayList<>();
                for (int port : commandPorts) {
                    answers.add(racers.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return post(port, "/api/v1/sessions/" + session + "/performances",
                                performance(UUID.randomUUID(), 100), null, "\"" + version + "\"");
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Answer> answer : answers) {
                    statuses.add(answer.get(30, TimeUnit.SECONDS).status());
                }
                assertThat(statuses).as("If-Match round %d", round).containsExactlyInAnyOrder(201, 412);
            }
            assertThat(version(session)).isEqualTo(2L * rounds + 10);
        } finally {
            racers.shutdownNow();
        }
        assertContiguousSequences();
        double retries = 0;
        for (int port : commandPorts) {
            retries += meter(port, "ledger_command_race_retries_total");
        }
        System.out.printf("[measure] %d racing pairs of appends to one aggregate through two command services:"
                + " all succeeded (each answer stored under its Idempotency-Key), %.0f lost races run again on the"
                + " server%n", 35, retries);
        assertThat(retries).as("appends that lost a race and were run again").isPositive();
    }

    @Test
    @Order(2)
    void acknowledgedCommandsSurviveKilledServicesAndADatabaseRestart() throws Exception {
        long testStarted = System.nanoTime();
        UUID[] hot = {scheduleSession(commandPorts[0], "Chuyên đề nóng 1"),
                scheduleSession(commandPorts[1], "Chuyên đề nóng 2")};
        List<Ack> acks = new CopyOnWriteArrayList<>();
        Set<Integer> deadCommandPorts = ConcurrentHashMap.newKeySet();
        Set<Integer> deadQueryPorts = ConcurrentHashMap.newKeySet();
        List<Thread> clients = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            clients.add(new Thread(() -> {
                for (int n = 0; running.get(); n++) {
                    UUID session = UUID.randomUUID();
                    Ack scheduled = acknowledged(writer, n, deadCommandPorts, "/api/v1/sessions", """
                            {"sessionId": "%s", "unitIds": ["%s"], "topic": "Chuyên đề %d-%d",
                             "scheduledAt": "2022-09-15T08:00:00+07:00", "format": "IN_PERSON",
                             "venue": "Hội trường"}
                            """.formatted(session, unit, writer, n), "session", session, acks);
                    if (scheduled != null) {
                        UUID performance = UUID.randomUUID();
                        acknowledged(writer, n + 1, deadCommandPorts, "/api/v1/sessions/" + session + "/performances",
                                performance(performance, 10 + n), "performance", performance, acks);
                    }
                    UUID performance = UUID.randomUUID();
                    acknowledged(writer, n, deadCommandPorts, "/api/v1/sessions/" + hot[n % 2] + "/performances",
                            performance(performance, 1), "performance", performance, acks);
                }
            }, "writer-" + w));
        }
        AtomicInteger reads = new AtomicInteger();
        clients.add(new Thread(() -> {
            for (int n = 0; running.get(); n++) {
                int port = queryPorts[n % 2];
                if (deadQueryPorts.contains(port)) {
                    port = queryPorts[(n + 1) % 2];
                }
                Answer answer = send(port, HttpRequest.newBuilder(uri(port, "/api/v1/sessions?quarter=2022-Q3&size=1"))
                        .GET());
                if (answer != null && answer.status() == 200) {
                    reads.incrementAndGet();
                }
                if (answer != null && answer.status() == 503) {
                    backOff(answer);
                }
                if (answer == null) {
                    pause(Duration.ofMillis(100));
                }
            }
        }, "reader"));
        clients.forEach(Thread::start);
        Map<String, Long> measured = new HashMap<>();
        try {
            awaitAcks(acks, 20);

            // 1. kill -9 a command service: the clients send to the other
            long killed = System.nanoTime();
            command2.destroyForcibly();
            assertThat(command2.waitFor(30, TimeUnit.SECONDS)).isTrue();
            deadCommandPorts.add(commandPorts[1]);
            measured.put("command", everyWriterAcknowledgedSince(acks, killed));
            awaitAcks(acks, acks.size() + 10);

            // 2. kill -9 a query service: the other takes its segments over once its claims time out
            killed = System.nanoTime();
            query1.destroyForcibly();
            assertThat(query1.waitFor(30, TimeUnit.SECONDS)).isTrue();
            deadQueryPorts.add(queryPorts[0]);
            await().atMost(CLAIM_TIMEOUT.plus(CLAIM_INTERVAL).plusSeconds(15)).pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> {
                        for (String processor : PROCESSORS) {
                            assertThat(owners(processor)).as(processor).containsOnly(query2.pid());
                        }
                    });
            measured.put("takeover", System.nanoTime() - killed);
            awaitAcks(acks, acks.size() + 10);

            // 3. stop PostgreSQL; once both kinds of service have answered 503 while it is down, start it again on
            // the same data directory and port
            int unavailableBefore = unavailable.get();
            int queryUnavailableBefore = queryUnavailable.get();
            long stopping = System.nanoTime();
            postgres.close();
            long stopped = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() ->
                    unavailable.get() - queryUnavailable.get() >= unavailableBefore - queryUnavailableBefore + WRITERS
                            && queryUnavailable.get() > queryUnavailableBefore || !unexpected.isEmpty());
            assertThat(unexpected).isEmpty();
            postgres = EmbeddedDatabase.startDurable(dataDirectory, databasePort);
            long up = System.nanoTime();
            measured.put("outage", up - stopping);
            measured.put("stop", stopped - stopping);
            measured.put("commandsBack", everyWriterAcknowledgedSince(acks, up));
            long headWhenBack = head();
            Http query = new Http(queryPorts[1]).as("admin", ADMIN_PASSWORD);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> viewPosition(query, "/api/v1/sessions?quarter=2022-Q3&size=1") >= headWhenBack
                            && viewPosition(query, "/api/v1/stats/quarters?from=2022-Q3&to=2022-Q3") >= headWhenBack);
            measured.put("viewsBack", System.nanoTime() - up);
            measured.put("unavailableDuringOutage", (long) (unavailable.get() - unavailableBefore));
            // the audit sealer of the surviving command service seals past the events written before the restart
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    sealedUpTo() >= headWhenBack);
            measured.put("sealerBack", System.nanoTime() - up);
            awaitAcks(acks, acks.size() + 10);

            // 4. SIGTERM to the last command service while the writers go on: the requests in flight finish, new
            // ones are refused; then the writers stop
            int acksBefore = acks.size();
            int brokenBefore = brokenConnections.get();
            int refusedBefore = refusedConnections.get();
            long terminating = System.nanoTime();
            command1.destroy();
            assertThat(command1.waitFor(60, TimeUnit.SECONDS)).as("the command service stops on SIGTERM").isTrue();
            measured.put("gracefulStop", System.nanoTime() - terminating);
            measured.put("answeredDuringStop", (long) (acks.size() - acksBefore));
            measured.put("brokenDuringStop", (long) (brokenConnections.get() - brokenBefore));
            measured.put("refusedDuringStop", (long) (refusedConnections.get() - refusedBefore));
        } finally {
            running.set(false);
            for (Thread thread : clients) {
                thread.join(60_000);
            }
        }

        // what the clients saw
        assertThat(unexpected).as("answers other than 2xx, 503 with Retry-After, or a lost append race").isEmpty();
        assertThat(Duration.ofNanos(slowestAnswerNanos.get())).as("the slowest answer").isLessThan(MAX_ANSWER);

        // every acknowledged command exactly once in the log
        Map<UUID, Integer> performancesLogged = new HashMap<>();
        Map<UUID, Integer> sessionsScheduled = new HashMap<>();
        try (Connection connection = superuser(ledgerUrl); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT aggregate_identifier, payload_type, convert_from(payload, 'UTF8')
                     FROM event_store.domain_event_entry
                     WHERE payload_type IN ('vn.ledger.events.PerformanceLogged', 'vn.ledger.events.SessionScheduled')
                     """)) {
            while (rows.next()) {
                if (rows.getString(2).endsWith("SessionScheduled")) {
                    sessionsScheduled.merge(UUID.fromString(rows.getString(1)), 1, Integer::sum);
                } else {
                    Matcher id = PERFORMANCE_ID.matcher(rows.getString(3));
                    assertThat(id.find()).as(rows.getString(3)).isTrue();
                    performancesLogged.merge(UUID.fromString(id.group(1)), 1, Integer::sum);
                }
            }
        }
        assertThat(performancesLogged).as("performances logged more than once").allSatisfy((id, times) ->
                assertThat(times).as(id.toString()).isEqualTo(1));
        int verified = 0;
        for (Ack ack : acks) {
            Map<UUID, Integer> log = ack.kind().equals("session") ? sessionsScheduled : performancesLogged;
            assertThat(log.get(ack.id())).as("%s %s acknowledged at %s", ack.kind(), ack.id(), ack.instance())
                    .isEqualTo(1);
            verified++;
        }
        assertContiguousSequences();

        // the views equal a fresh rebuild: the surviving query instance at the head, then stats-v1 rebuilt beside it
        long head = head();
        Http query = new Http(queryPorts[1]).as("admin", ADMIN_PASSWORD);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                viewPosition(query, "/api/v1/sessions?quarter=2022-Q3&size=1") >= head
                        && viewPosition(query, "/api/v1/stats/quarters?from=2022-Q3&to=2022-Q3") >= head);
        Http.Answer list = query.get("/api/v1/sessions?quarter=2022-Q3&size=1");
        assertThat(list.body().path("total").asInt()).as("sessions in the view").isEqualTo(sessionsScheduled.size());
        Map<String, Long> rebuildTook = new HashMap<>();
        int rowsCompared = 0;
        for (String projection : PROCESSORS) {
            String before = activeSchema(projection);
            long rebuildStarted = System.nanoTime();
            Http.Answer rebuild = query.post("/api/v1/admin/projections/" + projection + "/rebuild", "");
            assertThat(rebuild.status()).as(rebuild.raw()).isEqualTo(202);
            String status = "/api/v1/admin/projections/" + projection + "/rebuilds/"
                    + rebuild.body().path("rebuildId").asString();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    Set.of("DONE", "FAILED").contains(query.get(status).body().path("state").asString()));
            assertThat(query.get(status).body().path("state").asString()).as(query.get(status).raw())
                    .isEqualTo("DONE");
            rebuildTook.put(projection, System.nanoTime() - rebuildStarted);
            String after = activeSchema(projection);
            assertThat(after).isNotEqualTo(before);
            rowsCompared += assertSameRows(before, after);
        }

        long sessions = acks.stream().filter(ack -> ack.kind().equals("session")).count();
        System.out.printf("""
                [measure] ---- fault tolerance: 2 command services, 2 query services (2 segments, claim timeout %d s), \
                %d writers and a reader ----
                [measure] kill -9 of a command service: every writer acknowledged again through the other after %d ms
                [measure] kill -9 of a query service: its segments taken over by the other after %d ms
                [measure] PostgreSQL restart: down for %d ms (stop %d ms); every writer acknowledged again %d ms after \
                it was up; the views at the head %d ms after it was up, the audit seal %d ms after; %d answers \
                503 with Retry-After meanwhile
                [measure] commands acknowledged %d (%d sessions scheduled, %d performances logged), verified exactly \
                once in the log %d; lost append races the clients saw (409) %d; requests refused %d, connections \
                broken %d; reads answered %d
                [measure] SIGTERM to the last command service under load: stopped in %d ms, %d commands acknowledged \
                during the stop, %d requests refused and %d connections closed under a request meanwhile
                [measure] slowest answer %d ms; sessions-v1 and stats-v1 rebuilt in %d and %d ms, %d rows equal to \
                the live generations'; the test took %d s
                """, CLAIM_TIMEOUT.toSeconds(), WRITERS,
                millis(measured.get("command")), millis(measured.get("takeover")),
                millis(measured.get("outage")), millis(measured.get("stop")), millis(measured.get("commandsBack")),
                millis(measured.get("viewsBack")), millis(measured.get("sealerBack")),
                measured.get("unavailableDuringOutage"),
                acks.size(), sessions, acks.size() - sessions, verified, clientConflicts.get(),
                refusedConnections.get(), brokenConnections.get(),
                reads.get(), millis(measured.get("gracefulStop")), measured.get("answeredDuringStop"),
                measured.get("refusedDuringStop"), measured.get("brokenDuringStop"),
                millis(slowestAnswerNanos.get()), millis(rebuildTook.get("sessions-v1")),
                millis(rebuildTook.get("stats-v1")), rowsCompared,
                Duration.ofNanos(System.nanoTime() - testStarted).toSeconds());
        assertThat(Duration.ofNanos(measured.get("command"))).as("recovery after a command service's kill")
                .isLessThan(Duration.ofSeconds(15));
        assertThat(Duration.ofNanos(measured.get("takeover"))).as("segment take-over")
                .isLessThanOrEqualTo(CLAIM_TIMEOUT.plus(CLAIM_INTERVAL).plusSeconds(5));
        assertThat(Duration.ofNanos(measured.get("commandsBack"))).as("commands after the database is up")
                .isLessThan(Duration.ofSeconds(15));
        assertThat(Duration.ofNanos(measured.get("viewsBack"))).as("views after the database is up")
                .isLessThan(Duration.ofSeconds(45));
        assertThat(verified).isEqualTo(acks.size()).isGreaterThanOrEqualTo(50);
    }

    /** An acknowledged command: what it made, when its request was sent and answered, by which writer. */
    private record Ack(String kind, UUID id, int writer, long sentAt, long answeredAt, int instance) {}

    /**
     * Sends a command until it is acknowledged, as a careful client does: the same Idempotency-Key on every attempt,
     * the other command service when one refuses connections or breaks one, and a wait as Retry-After asks on 503.
     * Null when it was refused for good (recorded as unexpected).
     */
    private Ack acknowledged(int writer, int n, Set<Integer> deadPorts, String path, String body, String kind,
                             UUID id, List<Ack> acks) {
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (int attempt = 0; System.nanoTime() < deadline && (running.get() || attempt == 0); attempt++) {
            int instance = (writer + n + attempt) % 2;
            if (deadPorts.contains(commandPorts[instance])) {
                instance = 1 - instance;
            }
            long sentAt = System.nanoTime();
            Answer answer = post(commandPorts[instance], path, body, key, null);
            if (answer == null) {
                pause(Duration.ofMillis(50));
            } else if (answer.status() / 100 == 2) {
                Ack ack = new Ack(kind, id, writer, sentAt, System.nanoTime(), instance);
                acks.add(ack);
                return ack;
            } else if (answer.status() == 503) {
                backOff(answer);
            } else if (answer.status() == 409 && answer.raw().contains("concurrent-modification")) {
                clientConflicts.incrementAndGet(); // lost every server-side retry: send it again
            } else {
                unexpected.add(path + " -> " + answer.status() + " " + answer.raw());
                return null;
            }
        }
        if (running.get()) {
            unexpected.add(path + ": not acknowledged in 120 s");
        }
        return null;
    }

    /** Waits as Retry-After asks, at most 1 s (so the test measures recovery finely). */
    private static void backOff(Answer answer) {
        long seconds = Long.parseLong(answer.retryAfter());
        pause(Duration.ofMillis(Math.min(1000, seconds * 1000)));
    }

    private static void pause(Duration duration) {
        try {
            // a client's back-off between attempts, not a wait for a condition
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitAcks(List<Ack> acks, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> acks.size() >= count
                || !unexpected.isEmpty());
        assertThat(unexpected).isEmpty();
    }

    /** How long after {@code since} until every writer had a command sent after it acknowledged. */
    private long everyWriterAcknowledgedSince(List<Ack> acks, long since) {
        Map<Integer, Long> first = new ConcurrentHashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            for (Ack ack : acks) {
                if (ack.sentAt() >= since) {
                    first.merge(ack.writer(), ack.answeredAt(), Math::min);
                }
            }
            return first.size() == WRITERS || !unexpected.isEmpty();
        });
        assertThat(unexpected).isEmpty();
        return first.values().stream().mapToLong(Long::longValue).max().orElseThrow() - since;
    }

    /** An answer: status, body as JSON (or null) and text, and its Retry-After (or null). */
    private record Answer(int status, JsonNode body, String raw, String retryAfter, boolean replayed) {}

    /** A POST as admin; null when the connection was refused or broken (the command may or may not have run). */
    private Answer post(int port, String path, String body, String idempotencyKey, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(port, request);
    }

    /** Sends a request, timing it and recording what no client may see; null when no answer came. */
    private Answer send(int port, HttpRequest.Builder request) {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.header("Authorization", authorization)
                    .timeout(MAX_ANSWER.plusSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            slowestAnswerNanos.accumulateAndGet(System.nanoTime() - sent, Math::max);
            String raw = response.body();
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            boolean isJson = response.headers().firstValue("Content-Type").map(type -> type.contains("json"))
                    .orElse(false);
            Answer answer = new Answer(response.statusCode(), raw == null || raw.isBlank() || !isJson ? null
                    : JSON.readTree(raw), raw, retryAfter,
                    response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false));
            if (answer.status() == 503) {
                unavailable.incrementAndGet();
                if (port == queryPorts[0] || port == queryPorts[1]) {
                    queryUnavailable.incrementAndGet();
                }
                if (retryAfter == null || !retryAfter.matches("\\d+")) {
                    unexpected.add(port + " answered 503 without Retry-After: " + raw);
                }
            } else if (answer.status() >= 500) {
                unexpected.add(port + " answered " + answer.status() + ": " + raw);
            }
            return answer;
        } catch (HttpTimeoutException e) {
            unexpected.add(port + " gave no answer in " + MAX_ANSWER.plusSeconds(5).toSeconds() + " s");
            return null;
        } catch (IOException e) {
            // refused (a stopped service) or broken (killed under the request, or closed by a stopping one)
            if (e instanceof ConnectException) {
                refusedConnections.incrementAndGet();
            } else {
                brokenConnections.incrementAndGet();
                slowestAnswerNanos.accumulateAndGet(System.nanoTime() - sent, Math::max);
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private UUID scheduleSession(int port, String topic) {
        UUID session = UUID.randomUUID();
        Answer answer = post(port, "/api/v1/sessions", """
                {"sessionId": "%s", "unitIds": ["%s"], "topic": "%s", "scheduledAt": "2022-09-15T08:00:00+07:00",
                 "format": "IN_PERSON", "venue": "Hội trường"}""".formatted(session, unit, topic), null, null);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return session;
    }

    private String performance(UUID performanceId, int audience) {
        return """
                {"performanceId": "%s", "title": "Nghĩa gia đình, tình làng xóm", "genre": "cải lương",
                 "performerUnitId": "%s", "venue": "Thành phố Cao Lãnh", "performedOn": "2022-08-20",
                 "audience": %d}
                """.formatted(performanceId, unit, audience);
    }

    private String storedAnswer(String key) throws SQLException {
        try (Connection connection = superuser(ledgerUrl);
             var select = connection.prepareStatement("SELECT username, status, created_at, length(body),"
                     + " request_hash FROM command_model.idempotency_key WHERE key = ?")) {
            select.setString(1, key);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1) + " " + result.getInt(2) + " at " + result.getString(3) + ", "
                            + result.getInt(4) + " bytes, hash " + result.getString(5));
                }
            }
            return rows.toString();
        }
    }

    /** The aggregate's version: its last sequence number. */
    private long version(UUID aggregate) throws SQLException {
        try (Connection connection = superuser(ledgerUrl);
             var select = connection.prepareStatement("SELECT max(sequence_number) FROM event_store.domain_event_entry"
                     + " WHERE aggregate_identifier = ?")) {
            select.setString(1, aggregate.toString());
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Every aggregate's events are numbered 0, 1, 2 ... with no gap and no number twice. */
    private void assertContiguousSequences() throws SQLException {
        try (Connection connection = superuser(ledgerUrl); Statement statement = connection.createStatement();
             ResultSet broken = statement.executeQuery("""
                     SELECT aggregate_identifier, count(*), count(DISTINCT sequence_number), min(sequence_number),
                            max(sequence_number)
                     FROM event_store.domain_event_entry GROUP BY aggregate_identifier
                     HAVING count(*) <> count(DISTINCT sequence_number) OR min(sequence_number) <> 0
                         OR max(sequence_number) <> count(*) - 1""")) {
            List<String> aggregates = new ArrayList<>();
            while (broken.next()) {
                aggregates.add(broken.getString(1) + ": " + broken.getLong(2) + " events, sequence "
                        + broken.getLong(4) + ".." + broken.getLong(5));
            }
            assertThat(aggregates).as("aggregates whose sequence has a gap or a duplicate").isEmpty();
        }
    }

    private double meter(int port, String name) {
        Answer answer = send(port, HttpRequest.newBuilder(uri(port, "/actuator/prometheus")).GET());
        assertThat(answer).isNotNull();
        return answer.raw().lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static long viewPosition(Http query, String path) {
        Http.Answer answer = query.get(path);
        return answer.status() == 200 ? answer.body().path("position").asLong() : -1;
    }

    private String activeSchema(String projection) throws SQLException {
        try (Connection connection = superuser(ledgerUrl);
             var select = connection.prepareStatement(
                     "SELECT active_generation FROM read_model.projection_generation WHERE projection = ?")) {
            select.setString(1, projection);
            try (ResultSet result = select.executeQuery()) {
                assertThat(result.next()).isTrue();
                return projection.replaceAll("[^a-z0-9]", "_") + "_g" + result.getInt(1);
            }
        }
    }

    /** Every table of the two generations has the same rows, as a multiset (as Generations in the standalone). */
    private int assertSameRows(String before, String after) throws SQLException {
        int compared = 0;
        try (Connection connection = superuser(ledgerUrl); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = '" + before + "' AND table_name NOT LIKE 'flyway%'")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            assertThat(tables).isNotEmpty();
            for (String table : tables) {
                long rows = count(statement, "SELECT count(*) FROM " + before + "." + table);
                assertThat(count(statement, "SELECT count(*) FROM " + after + "." + table)).as("rows of %s", table)
                        .isEqualTo(rows);
                List<String> live = rows(statement, "SELECT t::text FROM (SELECT * FROM " + before + "." + table
                        + " EXCEPT ALL SELECT * FROM " + after + "." + table + ") t");
                List<String> rebuilt = rows(statement, "SELECT t::text FROM (SELECT * FROM " + after + "." + table
                        + " EXCEPT ALL SELECT * FROM " + before + "." + table + ") t");
                assertThat(live).as("rows of %s.%s not in the rebuild %s, which has instead %s", before, table,
                        after, rebuilt).isEmpty();
                compared += (int) rows;
            }
        }
        return compared;
    }

    private static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The process ids holding the segments of {@code processor} (-1 for a segment no one holds). */
    private List<Long> owners(String processor) throws SQLException {
        List<Long> owners = new ArrayList<>();
        try (Connection connection = superuser(ledgerUrl);
             var select = connection.prepareStatement(
                     "SELECT owner FROM read_model.token_entry WHERE processor_name = ?")) {
            select.setString(1, processor);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String owner = rows.getString(1);
                    owners.add(owner == null ? -1L : Long.parseLong(owner.substring(0, owner.indexOf('@'))));
                }
            }
        }
        return owners;
    }

    /** The last event the audit sealer has sealed (event_store.audit_state.high_water). */
    private long sealedUpTo() throws SQLException {
        try (Connection connection = superuser(ledgerUrl); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT high_water FROM event_store.audit_state")) {
            return result.next() ? result.getLong(1) : -1;
        }
    }

    private long head() throws SQLException {
        try (Connection connection = superuser(ledgerUrl); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT max(global_index) FROM event_store.domain_event_entry")) {
            result.next();
            return result.getLong(1);
        }
    }

    private Process startCommandService(int port, String name, boolean seals) throws IOException {
        return start(COMMAND_JAR, name, port, Map.of(
                "LEDGER_DB_USER", "ledger_command",
                "LEDGER_DB_PASSWORD", COMMAND_PASSWORD,
                "LEDGER_ADMIN_PASSWORD", ADMIN_PASSWORD,
                // one instance seals and signs, as the README advises
                "LEDGER_AUDIT_ENABLED", Boolean.toString(seals),
                "LEDGER_KEY_DIR", work.resolve("keys-" + name).toString()));
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
        Process process = ServiceProcesses.start(jar, name, port, work, ledgerUrl, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), environment);
        started.add(process);
        return process;
    }

    private static void awaitHealthy(Process process, int port, String name) {
        ServiceProcesses.awaitHealthy(process, port, name, STARTUP);
    }

    private Connection superuser(String url) throws SQLException {
        return DriverManager.getConnection(url, postgres.superuser(), "");
    }

    private static long millis(Long nanos) {
        return nanos == null ? -1 : TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static int freePort() throws IOException {
        return ServiceProcesses.freePort();
    }
}
