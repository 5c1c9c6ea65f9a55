package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ledger.command.api.CommandOutcome;
import vn.ledger.command.eventstore.AuditMetadata;
import vn.ledger.command.member.MemberCommands;
import vn.ledger.command.session.SessionCommands;
import vn.ledger.command.rule.RuleViolation;
import vn.ledger.command.unit.UnitCommands.RegisterUnit;
import vn.ledger.events.AttendanceEntry;
import vn.ledger.events.AttendanceMode;
import vn.ledger.events.AttendanceStatus;
import vn.ledger.events.GuestCategory;
import vn.ledger.events.MemberStatus;
import vn.ledger.events.GuestsCounted;
import vn.ledger.events.SessionFormat;
import vn.ledger.events.UnitKind;
import vn.ledger.query.projection.ProjectionStatus;
import vn.ledger.query.projection.ViewSnapshots;

/**
 * What the services keep in memory between requests is a hint that the log and the views always overrule: an
 * aggregate's state kept between commands, and where a view stood a moment ago.
 */
@Import(SystemCommands.class)
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.query.snapshot-max-age=5s")
class KeptStateTest {

    /** The transaction's isolation level and whether it is read-only, e.g. {@code read committed off}. */
    private static final String TRANSACTION_SETTINGS =
            "current_setting('transaction_isolation') || ' ' || current_setting('transaction_read_only')";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
    }

    @Autowired
    SystemCommands commands;

    @Autowired
    EventStorageEngine log;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ViewSnapshots snapshots;

    @Autowired
    ProjectionStatus status;

    @Autowired
    AuditMetadata audit;

    @Test
    void aCommandSeesWhatAnotherInstanceAppendedAfterTheStateWasKept() {
        UUID session = scheduledSession("Chi bộ Hai Máy");
        // kept at version 1
        commands.send(new SessionCommands.CountGuests(session, Map.of(GuestCategory.PUBLIC, 5), null));

        // another command-side instance counts 9 (version 2): this one's kept state does not know
        new TransactionTemplate(transactions).executeWithoutResult(tx -> log.appendEvents(
                new GenericDomainEventMessage<>("Session", session.toString(), 2,
                        new GuestsCounted(session, Map.of(GuestCategory.PUBLIC, 9)),
                        audit.ofSystem("another-instance", "another-instance-1"))));

        double hits = aggregateCacheHits();
        // the same count, on the version the other instance made: nothing to record, and no version mismatch
        CommandOutcome outcome = commands.send(new SessionCommands.CountGuests(session, Map.of(GuestCategory.PUBLIC, 9),
                2L));
        assertThat(outcome.version()).isEqualTo(2);
        assertThat(outcome.eventTypes()).isEmpty();
        assertThat(aggregateCacheHits()).isEqualTo(hits + 1);
        assertThat(eventsOf(session)).isEqualTo(3);

        // and the next change is appended after it
        outcome = commands.send(new SessionCommands.CountGuests(session, Map.of(GuestCategory.PUBLIC, 10), 2L));
        assertThat(outcome.version()).isEqualTo(3);
        assertThat(eventsOf(session)).isEqualTo(4);
    }

    @Test
    void aCommandWhoseTransactionRolledBackAfterItsUnitOfWorkLeavesNoStateBehind() {
        UUID session = scheduledSession("Chi bộ Hoàn Lại");
        // the unit of work joins a longer transaction (as under an Idempotency-Key) that then rolls back
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            commands.send(new SessionCommands.CountGuests(session, Map.of(GuestCategory.PUBLIC, 5), null));
            tx.setRollbackOnly();
        });
        assertThat(eventsOf(session)).isEqualTo(1);

        // the count was never recorded: counting it now records it
        CommandOutcome outcome = commands.send(new SessionCommands.CountGuests(session,
                Map.of(GuestCategory.PUBLIC, 5), 0L));
        assertThat(outcome.eventTypes()).containsExactly("GuestsCounted");
        assertThat(outcome.version()).isEqualTo(1);
        assertThat(eventsOf(session)).isEqualTo(2);
    }

    @Test
    void aViewsSnapshotIsKeptUntilThisProcessMovesTheViewOrItGrowsOld() {
        UUID session = scheduledSession("Chi bộ Ảnh Chụp");
        long scheduled = head();
        await().atMost(Duration.ofSeconds(30)).until(() -> reached("stats-v1", scheduled));

        // kept when read; a commit of this process's processor ends it well before its age (5 s)
        long keptAt = System.nanoTime();
        ViewSnapshots.Snapshot before = snapshots.read("stats-v1", view -> view);
        assertThat(snapshots.current("stats-v1")).contains(before);
        commands.send(new SessionCommands.CountGuests(session, Map.of(GuestCategory.OTHER, 3), null));
        Duration beforeAge = Duration.ofMillis(4_000).minusNanos(System.nanoTime() - keptAt);
        await().atMost(beforeAge).until(() -> snapshots.current("stats-v1").isEmpty());
        long counted = head();
        assertThat(snapshots.read("stats-v1", view -> view).position()).isGreaterThanOrEqualTo(counted);

        // a change this process did not make (another instance's switch of generations) is not seen while the
        // kept snapshot is young, and is once it is older than its maximum age
        String schema = snapshots.read("stats-v1", view -> view).schema();
        try {
            jdbc.update("UPDATE read_model.projection_generation SET active_generation = active_generation + 100"
                    + " WHERE projection = 'stats-v1'");
            assertThat(snapshots.current("stats-v1")).hasValueSatisfying(view -> assertThat(view.schema())
                    .isEqualTo(schema));
            await().atMost(Duration.ofSeconds(10)).until(() -> snapshots.current("stats-v1").isEmpty());
            assertThat(snapshots.read("stats-v1", view -> view).schema()).isNotEqualTo(schema);
        } finally {
            jdbc.update("UPDATE read_model.projection_generation SET active_generation = active_generation - 100"
                    + " WHERE projection = 'stats-v1'");
        }
        assertThat(snapshots.read("stats-v1", view -> view).schema()).isEqualTo(schema);
    }

    @Test
    void aViewIsReadInOneSnapshotThatLeavesTheConnectionAsItWas() {
        TransactionTemplate another = new TransactionTemplate(transactions);
        another.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        String seen = snapshots.read("stats-v1", view -> {
            // another transaction switches the generation and commits while the read is under way
            another.executeWithoutResult(tx -> jdbc.update("UPDATE read_model.projection_generation"
                    + " SET active_generation = active_generation + 100 WHERE projection = 'stats-v1'"));
            try {
                // a read of the same view joining this one sees the same snapshot
                String joined = snapshots.read("stats-v1", ViewSnapshots.Snapshot::schema);
                assertThat(joined).isEqualTo(view.schema());
                return jdbc.queryForObject("SELECT 'stats_v1_g' || active_generation || ' ' || " + TRANSACTION_SETTINGS
                        + " FROM read_model.projection_generation WHERE projection = 'stats-v1'", String.class);
            } finally {
                another.executeWithoutResult(tx -> jdbc.update("UPDATE read_model.projection_generation"
                        + " SET active_generation = active_generation - 100 WHERE projection = 'stats-v1'"));
            }
        });
        String schema = snapshots.read("stats-v1", ViewSnapshots.Snapshot::schema);
        // the generation as the read began, in a read-only repeatable-read transaction
        assertThat(seen).isEqualTo(schema + " repeatable read on");
        // the pooled connections (this thread's last one first) are back at the default isolation, read-write
        for (int i = 0; i < 5; i++) {
            String after = new TransactionTemplate(transactions).execute(
                    tx -> jdbc.queryForObject("SELECT " + TRANSACTION_SETTINGS, String.class));
            assertThat(after).isEqualTo("read committed off");
        }
    }

    @Test
    void aCommandRefusedHalfWayLeavesNoneOfItsChangesInTheKeptState() {
        UUID cell = UUID.randomUUID();
        commands.send(new RegisterUnit(cell, "Chi bộ Nửa Chừng", UnitKind.CELL, null));
        UUID member = UUID.randomUUID();
        commands.send(new MemberCommands.AdmitMember(member, "Lê Văn Tám", cell, MemberStatus.OFFICIAL,
                LocalDate.parse("2020-01-01"), null, null, null));
        UUID session = UUID.randomUUID();
        commands.send(new SessionCommands.ScheduleSession(session, List.of(cell), false, "Chuyên đề",
                Instant.parse("2024-03-12T01:00:00Z"), SessionFormat.IN_PERSON, List.of(), "Hội trường", null, null,
                null));
        AttendanceEntry present = new AttendanceEntry(member, AttendanceStatus.PRESENT, AttendanceMode.IN_PERSON, null);
        commands.send(new SessionCommands.RecordAttendance(session, List.of(present), null, null, null));
        commands.send(new SessionCommands.SubmitRecord(session, "Biên bản", null));
        AttendanceEntry excused = new AttendanceEntry(member, AttendanceStatus.ABSENT_EXCUSED, null, null);

        // the correction applies the attendance change to the aggregate, then refuses an unknown performance
        assertThatThrownBy(() -> commands.send(new SessionCommands.CorrectRecord(session, "Ghi nhầm",
                List.of(excused), null, List.of(new SessionCommands.AudienceCorrection(UUID.randomUUID(), 10)), null)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("performance-not-found"));

        // the same attendance change alone is still a change, and is recorded
        CommandOutcome outcome = commands.send(new SessionCommands.CorrectRecord(session, "Ghi nhầm",
                List.of(excused), null, null, null));
        assertThat(outcome.eventTypes()).containsExactly("AttendanceCorrected");
        assertThat(eventsOf(session)).isEqualTo(4); // scheduled, recorded, submitted, corrected
    }

    @Test
    void axonsMetricsKeepCountersAndTimersButNotEveryMessage() {
        UUID session = scheduledSession("Chi bộ Đo Đếm");
        commands.send(new SessionCommands.CountGuests(session, Map.of(GuestCategory.PUBLIC, 7), null));
        long counted = head();
        await().atMost(Duration.ofSeconds(30)).until(() -> reached("stats-v1", counted));

        // the processors and the command bus are timed and counted ...
        assertThat(meters.get("eventProcessor.allTimer").tag("processorName", "stats-v1").timers())
                .anySatisfy(timer -> assertThat(timer.count()).isPositive());
        assertThat(meters.get("commandBus.allTimer").timers())
                .anySatisfy(timer -> assertThat(timer.count()).isPositive());
        // ... without Axon's capacity gauges, whose reservoirs keep every message of the last ten minutes
        assertThat(meters.find("eventProcessor.capacity").meters()).isEmpty();
        assertThat(meters.find("commandBus.capacity").meters()).isEmpty();
    }

    private UUID scheduledSession(String cellName) {
        UUID cell = UUID.randomUUID();
        commands.send(new RegisterUnit(cell, cellName, UnitKind.CELL, null));
        UUID session = UUID.randomUUID();
        commands.send(new SessionCommands.ScheduleSession(session, List.of(cell), false, "Chuyên đề",
                Instant.parse("2024-03-12T01:00:00Z"), SessionFormat.IN_PERSON, List.of(), "Hội trường", null, null,
                null));
        return session;
    }

    private double aggregateCacheHits() {
        return meters.get("cache.gets").tag("cache", "aggregates").tag("result", "hit").functionCounter().count();
    }

    private long eventsOf(UUID aggregate) {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregate.toString());
    }

    private long head() {
        return jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
    }

    private boolean reached(String view, long position) {
        Long reached = status.position(view);
        return reached != null && reached >= position;
    }
}
