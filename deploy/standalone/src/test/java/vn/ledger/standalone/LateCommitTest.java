package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.ledger.command.session.SessionCommands;
import vn.ledger.command.unit.UnitCommands.RegisterUnit;
import vn.ledger.events.GuestCategory;
import vn.ledger.events.SessionFormat;
import vn.ledger.events.UnitKind;
import vn.ledger.query.projection.ProjectionRegistry;
import vn.ledger.query.projection.ProjectionStatus;
import vn.ledger.query.projection.Rebuilds;

/**
 * An event that commits after one with a higher position (two command transactions in the other order than they
 * took their positions) reaches the live processors late, with a token that stays at the later position. The views
 * must still write it at its own position, as a rebuild, which reads the committed log in order, does.
 */
@Import(SystemCommands.class)
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LateCommitTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
    }

    @Autowired
    SystemCommands commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ProjectionStatus status;

    @Autowired
    ProjectionRegistry registry;

    @Autowired
    Rebuilds rebuilds;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;


    @Test
    void anEventThatCommitsLateIsWrittenAtItsOwnPositionAsARebuildWritesIt() throws Exception {
        UUID cell = UUID.randomUUID();
        commands.send(new RegisterUnit(cell, "Chi bộ Trễ", UnitKind.CELL, null));
        UUID early = schedule(cell);
        UUID later = schedule(cell);
        awaitViewsAt(head());

        // the first command appends and holds its transaction open; the second appends after it and commits first
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> held = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                    commands.send(new SessionCommands.CountGuests(early, Map.of(GuestCategory.PUBLIC, 11), null));
                    appended.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        commands.send(new SessionCommands.CountGuests(later, Map.of(GuestCategory.PUBLIC, 22), null));
        long laterPosition = positionOfGuests(later);
        awaitViewsAt(laterPosition); // the views have passed the held event's position, keeping it as a gap
        Http office = LedgerTestSupport.admin(port);
        assertThat(guestsIn2023Q2(office)).isEqualTo(22); // the held event is not in the view yet
        release.countDown();
        held.get(30, TimeUnit.SECONDS);
        long earlyPosition = positionOfGuests(early);
        assertThat(earlyPosition).isLessThan(laterPosition);

        // the late event shows, at its own position
        String stats = registry.committedSchema("stats-v1");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM " + stats
                + ".guest WHERE session_id = ? AND category = 'PUBLIC' AND attendances = 11", Long.class, early) == 1);
        assertThat(jdbc.queryForObject("SELECT valid_from FROM " + stats + ".guest WHERE session_id = ?"
                + " AND category = 'PUBLIC' AND attendances = 11", Long.class, early)).isEqualTo(earlyPosition);
        awaitViewsAt(head());
        // the answer read while the gap was open is not the one given now that it is filled
        assertThat(guestsIn2023Q2(office)).isEqualTo(33);

        // and both views equal a rebuild row for row
        for (String projection : List.of("stats-v1", "sessions-v1")) {
            String before = registry.committedSchema(projection);
            Rebuilds.RebuildStatus rebuild = rebuilds.start(projection);
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    rebuilds.status(rebuild.rebuildId()).orElseThrow().state() == Rebuilds.State.DONE);
            Generations.assertSameRows(jdbc, before, registry.committedSchema(projection),
                    projection.equals("stats-v1") ? Generations.STATS_TABLES : Generations.SESSION_TABLES);
        }
    }

    @Test
    void aPositionWhoseTransactionRolledBackStaysAGapAndAnswersAreStillKept() {
        UUID cell = UUID.randomUUID();
        commands.send(new RegisterUnit(cell, "Chi bộ Hoàn tác", UnitKind.CELL, null));
        UUID session = schedule(cell, Instant.parse("2024-05-10T01:00:00Z"));
        // an appended event whose transaction rolls back leaves its position unused for ever
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            commands.send(new SessionCommands.CountGuests(session, Map.of(GuestCategory.PUBLIC, 5), null));
            tx.setRollbackOnly();
        });
        commands.send(new SessionCommands.CountGuests(session, Map.of(GuestCategory.OTHER, 7), null));
        long head = head();
        awaitViewsAt(head);
        assertThat(status.progress("stats-v1").gaps().headSet(head)).isNotEmpty();

        Http office = LedgerTestSupport.admin(port);
        String question = "/api/v1/stats/quarters?from=2024-Q2&to=2024-Q2&position=" + head;
        JsonNode first = office.get(question).body();
        double hits = meters.get("cache.gets").tag("cache", "stats-answers").tag("result", "hit")
                .functionCounter().count();
        assertThat(office.get(question).body()).isEqualTo(first);
        assertThat(meters.get("cache.gets").tag("cache", "stats-answers").tag("result", "hit")
                .functionCounter().count()).isEqualTo(hits + 1);
        assertThat(first.path("quarters").get(0).path("guestAttendances").asLong()).isEqualTo(7);
    }

    /** Guests counted in 2023-Q2 at the view's position. */
    private static long guestsIn2023Q2(Http office) {
        return office.get("/api/v1/stats/quarters?from=2023-Q2&to=2023-Q2").body().path("quarters").get(0)
                .path("guestAttendances").asLong();
    }

    private UUID schedule(UUID cell) {
        return schedule(cell, Instant.parse("2023-05-10T01:00:00Z"));
    }

    private UUID schedule(UUID cell, Instant at) {
        UUID session = UUID.randomUUID();
        commands.send(new SessionCommands.ScheduleSession(session, List.of(cell), false, "Chuyên đề", at,
                SessionFormat.IN_PERSON, List.of(), "Hội trường", null, null, null));
        return session;
    }

    private long positionOfGuests(UUID session) {
        return jdbc.queryForObject("""
                SELECT global_index FROM event_store.domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type = 'vn.ledger.events.GuestsCounted'
                """, Long.class, session.toString());
    }

    private long head() {
        return jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
    }

    private void awaitViewsAt(long position) {
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("stats-v1", "sessions-v1").stream().allMatch(
                name -> {
                    Long reached = status.position(name);
                    return reached != null && reached >= position;
                }));
    }
}
