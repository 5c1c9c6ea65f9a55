package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ledger.standalone.LedgerTestSupport.admit;
import static vn.ledger.standalone.LedgerTestSupport.registerCell;
import static vn.ledger.standalone.LedgerTestSupport.schedule;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ledger.command.audit.SealerBenchmark;
import vn.ledger.embedded.TestDatabases;
import vn.ledger.standalone.Http.Answer;
import vn.ledger.verify.Checkpoint;
import vn.ledger.verify.EventLeaf;
import vn.ledger.verify.Main;
import vn.ledger.verify.Merkle;
import vn.ledger.verify.SignedNote;

/**
 * Tamper evidence end to end, against a real PostgreSQL: events are sealed, checkpoints signed, proofs and bundles
 * verified with the offline verifier's own code, and a payload byte changed behind the service's back is named.
 *
 * <p>The settle time is an hour here, so that an event behind an open transaction stays unsealed for as long as the
 * test holds that transaction open; no test here leaves a gap behind.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditHttpTest {

    private static final Path KEYS = temporaryDirectory();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
        registry.add("ledger.audit.key-dir", KEYS::toString);
        registry.add("ledger.audit.seal-interval", () -> "100ms");
        registry.add("ledger.audit.settle-time", () -> "1h");
        // checkpoints are signed on demand here; the periodic one is covered by the command side's tests
        registry.add("ledger.audit.checkpoint-interval", () -> "1h");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    private Http office;
    private UUID cell;

    @BeforeEach
    void setUp() {
        office = LedgerTestSupport.admin(port);
        cell = registerCell(office, "Chi bộ Trung tâm Văn hóa Nghệ thuật " + UUID.randomUUID().toString()
                .substring(0, 8));
    }

    /** First of all, while nobody has signed anything yet. */
    @Test
    @Order(1)
    void beforeTheFirstCheckpointThereIsNothingToProveAgainst() throws Exception {
        awaitEverythingSealed();
        assertProblem(office.get("/api/v1/audit/checkpoint"), 404, "no-checkpoint");
        String sealed = jdbc.queryForObject("SELECT event_identifier FROM event_store.audit_leaf LIMIT 1",
                String.class);
        assertProblem(office.get("/api/v1/audit/proof/inclusion?eventId=" + sealed), 404, "no-checkpoint");
        // a client that asks for a zip still gets the problem, as JSON
        HttpResponse<String> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/audit/export"))
                .header("Authorization", adminAuthorization())
                .header("Accept", "application/zip")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).isEqualTo(404);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(export.body()).contains("\"code\":\"no-checkpoint\"");
    }

    @Test
    void eventsAreSealedAndSignedCheckpointsProveTheirInclusionAndConsistency() {
        UUID session = schedule(office, cell, "2022-09-15T08:00:00+07:00");
        awaitEverythingSealed();

        Answer first = office.post("/api/v1/audit/checkpoint", "");
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        long firstSize = first.body().path("treeSize").asLong();
        assertThat(firstSize).isEqualTo(sealedCount());
        byte[] firstRoot = decode(first.body().path("rootHash").asString());
        byte[] publicKey = decode(first.body().path("publicKey").asString());
        assertThat(publicKey).hasSize(32);
        assertThat(first.body().path("signedAt").asString()).endsWith("+07:00");

        // the note is a C2SP tlog-checkpoint signed by the published key under the log's origin
        SignedNote note = SignedNote.parse(first.body().path("note").asString());
        String origin = first.body().path("origin").asString();
        assertThat(origin).startsWith("ledger.local/");
        assertThat(note.verifiedBy(origin, publicKey)).isTrue();
        Checkpoint body = Checkpoint.parse(note.text());
        assertThat(body.treeSize()).isEqualTo(firstSize);
        assertThat(body.rootHash()).isEqualTo(firstRoot);
        assertThat(note.signatures().get(0).signature()).isEqualTo(decode(first.body().path("signature").asString()));
        assertThat(office.get("/api/v1/audit/checkpoint").body()).isEqualTo(first.body());

        // the session's event is in it: its leaf is recomputed from the stored bytes, its path verifies
        Map<String, Object> scheduled = jdbc.queryForMap("""
                SELECT event_identifier, global_index, payload, meta_data FROM event_store.domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number = 0
                """, session.toString());
        String eventId = (String) scheduled.get("event_identifier");
        Answer inclusion = office.get("/api/v1/audit/proof/inclusion?eventId=" + eventId);
        assertThat(inclusion.status()).as(inclusion.raw()).isEqualTo(200);
        JsonNode proof = inclusion.body();
        byte[] leafHash = EventLeaf.hash(eventId, (Long) scheduled.get("global_index"),
                (byte[]) scheduled.get("payload"), (byte[]) scheduled.get("meta_data"));
        assertThat(decode(proof.path("leafHash").asString())).isEqualTo(leafHash);
        assertThat(proof.path("treeSize").asLong()).isEqualTo(firstSize);
        assertThat(Merkle.verifyInclusion(proof.path("leafIndex").asLong(), firstSize, leafHash,
                hashes(proof.path("path")), firstRoot)).isTrue();

        // more events, a second checkpoint (an auditor may sign), and the second extends the first
        admit(office, cell, "Nguyễn Văn An", LocalDate.parse("2010-05-19"));
        admit(office, cell, "Trần Thị Bình", LocalDate.parse("2012-03-02"));
        awaitEverythingSealed();
        Http auditor = LedgerTestSupport.user(office, "kt-" + UUID.randomUUID().toString().substring(0, 8),
                "AUDITOR");
        Answer second = auditor.post("/api/v1/audit/checkpoint", "");
        assertThat(second.status()).as(second.raw()).isEqualTo(201);
        long secondSize = second.body().path("treeSize").asLong();
        assertThat(secondSize).isGreaterThan(firstSize);
        Answer consistency = auditor.get("/api/v1/audit/proof/consistency?from=" + firstSize + "&to=" + secondSize);
        assertThat(consistency.status()).as(consistency.raw()).isEqualTo(200);
        assertThat(Merkle.verifyConsistency(firstSize, secondSize, firstRoot,
                decode(second.body().path("rootHash").asString()), hashes(consistency.body().path("path"))))
                .isTrue();
        // the first checkpoint still proves the old event, and the latest one does too
        Answer old = auditor.get("/api/v1/audit/proof/inclusion?eventId=" + eventId + "&treeSize=" + firstSize);
        assertThat(old.body().path("path")).isEqualTo(proof.path("path"));
        assertThat(auditor.get("/api/v1/audit/proof/inclusion?eventId=" + eventId).body().path("treeSize").asLong())
                .isEqualTo(secondSize);
        // signing again with nothing new sealed answers the same checkpoint
        assertThat(office.post("/api/v1/audit/checkpoint", "").body()).isEqualTo(second.body());
    }

    @Test
    void eachWrongQuestionHasItsOwnProblem() {
        Http secretary = LedgerTestSupport.user(office, "bt-" + UUID.randomUUID().toString().substring(0, 8),
                "SECRETARY", cell);
        assertProblem(secretary.post("/api/v1/audit/checkpoint", ""), 403, "forbidden-role");
        awaitEverythingSealed();
        Answer signed = office.post("/api/v1/audit/checkpoint", "");
        long size = signed.body().path("treeSize").asLong();

        assertProblem(secretary.get("/api/v1/audit/proof/inclusion?eventId=" + UUID.randomUUID()), 404,
                "event-not-found");
        assertProblem(secretary.get("/api/v1/audit/proof/inclusion"), 400, "missing-parameter");
        String anEvent = jdbc.queryForObject(
                "SELECT event_identifier FROM event_store.domain_event_entry ORDER BY global_index LIMIT 1",
                String.class);
        assertProblem(secretary.get("/api/v1/audit/proof/inclusion?eventId=" + anEvent + "&treeSize=" + (size + 1000)),
                400, "unknown-tree-size");
        assertProblem(secretary.get("/api/v1/audit/proof/consistency?from=" + size + "&to=1"), 400, "invalid-range");
        assertProblem(secretary.get("/api/v1/audit/proof/consistency?from=1"), 400, "missing-parameter");
        assertProblem(secretary.get("/api/v1/audit/export?treeSize=" + (size + 1000)), 400, "unknown-tree-size");
        assertProblem(secretary.get("/api/v1/audit/checkpoint?treeSize=" + (size + 1000)), 400, "unknown-tree-size");
        assertProblem(secretary.get("/api/v1/audit/proof/inclusion?eventId=" + anEvent + "&treeSize=x"), 400,
                "invalid-parameter");
    }

    @Test
    void anEventBehindAnOpenTransactionIsNotSealedYetAndIsSealedInOrderOnceThatCommits() throws Exception {
        awaitEverythingSealed();
        String slowEvent = UUID.randomUUID().toString();
        String laterEvent;
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            long slowPosition = insertEvent(slow, slowEvent);
            // a later event commits while the slow one is still open: there is a gap below it
            UUID laterCell = registerCell(office, "Chi bộ Thư viện " + UUID.randomUUID().toString().substring(0, 8));
            Map<String, Object> later = jdbc.queryForMap("""
                    SELECT event_identifier, global_index FROM event_store.domain_event_entry
                    WHERE aggregate_identifier = ?
                    """, laterCell.toString());
            laterEvent = (String) later.get("event_identifier");
            assertThat((Long) later.get("global_index")).isGreaterThan(slowPosition);

            assertProblem(office.get("/api/v1/audit/proof/inclusion?eventId=" + laterEvent), 409, "not-sealed-yet");
            slow.commit();
        }
        awaitEverythingSealed();
        assertThat(leafIndexOf(slowEvent)).isLessThan(leafIndexOf(laterEvent));
    }

    @Test
    void anExportVerifiesOfflineUntilASuperuserChangesOneByteOfAStoredPayload() throws Exception {
        UUID session = schedule(office, cell, "2022-10-20T08:00:00+07:00");
        awaitEverythingSealed();
        long size = office.post("/api/v1/audit/checkpoint", "").body().path("treeSize").asLong();

        Path bundle = Files.write(Files.createTempFile("ledger-audit-", ".zip"), export(size));
        Verdict intact = verify(bundle);
        assertThat(intact.exitCode()).as(intact.out()).isZero();
        assertThat(intact.out()).isEqualTo("verified " + size + " events\n");

        Map<String, Object> event = jdbc.queryForMap("""
                SELECT event_identifier, global_index, payload FROM event_store.domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number = 0
                """, session.toString());
        byte[] original = (byte[]) event.get("payload");
        byte[] changed = original.clone();
        int at = indexOf(original, "Hội trường".getBytes(StandardCharsets.UTF_8));
        assertThat(at).isNotNegative();
        changed[at] ^= 0x20; // 'H' becomes 'h': still valid JSON, one byte different
        try {
            rewritePayload((String) event.get("event_identifier"), changed);
            Verdict tampered = verify(Files.write(Files.createTempFile("ledger-audit-", ".zip"), export(size)));
            assertThat(tampered.exitCode()).isEqualTo(1);
            assertThat(tampered.out()).isEqualTo("event " + event.get("event_identifier") + " at position "
                    + event.get("global_index") + " does not match the checkpoint\n");
            // the bundle taken before still verifies: it holds the bytes as they were sealed
            assertThat(verify(bundle).exitCode()).isZero();
        } finally {
            rewritePayload((String) event.get("event_identifier"), original);
        }
        assertThat(verify(Files.write(Files.createTempFile("ledger-audit-", ".zip"), export(size))).exitCode())
                .isZero();
    }

    @Test
    void theVerifierJarChecksABundleAsAUserRunsIt() throws Exception {
        Path jar = Path.of("../verifier/target/ledger-verify.jar");
        Assumptions.assumeTrue(Files.exists(jar), "the verifier jar is built by ./mvnw package");
        awaitEverythingSealed();
        long size = office.post("/api/v1/audit/checkpoint", "").body().path("treeSize").asLong();
        Path bundle = Files.write(Files.createTempFile("ledger-audit-", ".zip"), export(size));

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), bundle.toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("verified " + size + " events\n");
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void theSealerIsMeasuredInMetrics() {
        awaitEverythingSealed();
        Answer metrics = office.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("ledger_audit_sealed_events_total", "ledger_audit_tree_size");
    }

    /** Not an assertion on time: prints the sealer's throughput over 20,000 events inserted with SQL. */
    @Test
    void theSealersThroughputIsMeasuredOnAScratchDatabase() {
        PGSimpleDataSource scratch = new PGSimpleDataSource();
        scratch.setURL(TestDatabases.newDatabase());
        scratch.setUser(TestDatabases.user());
        SealerBenchmark.Result result = SealerBenchmark.run(scratch, 20_000, 1_000);
        System.out.printf("sealer throughput: %d events in %d ms, %.0f events/s%n", result.events(),
                result.sealing().toMillis(), result.eventsPerSecond());
        assertThat(result.events()).isEqualTo(20_000);
    }

    private long insertEvent(Connection connection, String eventId) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, 0, 'AuditProbe', ?, convert_to('{}', 'UTF8'), convert_to('{"probe":true}', 'UTF8'), '1',
                        'vn.ledger.test.AuditProbe',
                        to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                RETURNING global_index
                """)) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, eventId);
            try (ResultSet inserted = insert.executeQuery()) {
                inserted.next();
                return inserted.getLong(1);
            }
        }
    }

    /** What a superuser can do: switch the append-only trigger off, rewrite, switch it on again. */
    private void rewritePayload(String eventId, byte[] payload) {
        jdbc.execute("ALTER TABLE event_store.domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
        try {
            jdbc.update("UPDATE event_store.domain_event_entry SET payload = ? WHERE event_identifier = ?", payload,
                    eventId);
        } finally {
            jdbc.execute("ALTER TABLE event_store.domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
        }
    }

    private Long leafIndexOf(String eventId) {
        return jdbc.queryForObject("SELECT leaf_index FROM event_store.audit_leaf WHERE event_identifier = ?",
                Long.class, eventId);
    }

    private long sealedCount() {
        return jdbc.queryForObject("SELECT tree_size FROM event_store.audit_state", Long.class);
    }

    private void awaitEverythingSealed() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                SELECT count(*) FROM event_store.domain_event_entry e
                WHERE NOT EXISTS (SELECT 1 FROM event_store.audit_leaf l WHERE l.global_index = e.global_index)
                """, Long.class) == 0);
    }

    private byte[] export(long treeSize) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/audit/export?treeSize=" + treeSize))
                .header("Authorization", adminAuthorization())
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("ledger-audit-" + treeSize + ".zip");
        return response.body();
    }

    private static String adminAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + LedgerTestSupport.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    record Verdict(int exitCode, String out) {}

    /** The offline verifier's command line, run in this JVM. */
    private static Verdict verify(Path bundle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {bundle.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return new Verdict(code, out.toString(StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    private static List<byte[]> hashes(JsonNode path) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            hashes.add(decode(path.get(i).asString()));
        }
        return hashes;
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).as(answer.raw()).isEqualTo(code);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("ledger-audit-keys-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
