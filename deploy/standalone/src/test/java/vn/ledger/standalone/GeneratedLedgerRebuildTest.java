package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ledger.command.member.MemberCommands.AdmitMember;
import vn.ledger.command.member.MemberCommands.GrantExemption;
import vn.ledger.command.member.MemberCommands.TransferMember;
import vn.ledger.command.session.SessionCommands;
import vn.ledger.command.unit.UnitCommands.MergeUnit;
import vn.ledger.command.unit.UnitCommands.RegisterUnit;
import vn.ledger.command.unit.UnitCommands.RenameUnit;
import vn.ledger.events.AttendanceMode;
import vn.ledger.events.AttendanceStatus;
import vn.ledger.events.GuestCategory;
import vn.ledger.events.MemberStatus;
import vn.ledger.events.ReviewDecision;
import vn.ledger.events.SessionFormat;
import vn.ledger.events.UnitKind;
import vn.ledger.query.projection.ProjectionRegistry;
import vn.ledger.query.projection.ProjectionStatus;
import vn.ledger.query.projection.Rebuilds;

/**
 * A few thousand generated events with transfers, a merge, renames, exemptions, corrections and returned records,
 * sent through the command bus like the API does: the rebuilt statistics equal the incrementally built ones row for
 * row. Prints how fast the rebuild replayed and how long the view took to show each write (no assertion on time).
 */
@Import(SystemCommands.class)
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GeneratedLedgerRebuildTest {

    private static final Random random = new Random(2022);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
    }

    @Autowired
    SystemCommands commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Rebuilds rebuilds;

    @Autowired
    ProjectionRegistry registry;

    @Autowired
    ProjectionStatus status;

    @Test
    void aRebuildOfAGeneratedLedgerEqualsTheIncrementallyBuiltViewsRowForRow() {
        List<UUID> cells = new ArrayList<>();
        UUID subCommittee = UUID.randomUUID();
        commands.send(new RegisterUnit(subCommittee, "Đảng bộ bộ phận Khối Văn hóa", UnitKind.SUB_COMMITTEE, null));
        for (int i = 0; i < 8; i++) {
            UUID cell = UUID.randomUUID();
            commands.send(new RegisterUnit(cell, "Chi bộ số " + (i + 1), UnitKind.CELL, i < 3 ? subCommittee : null));
            cells.add(cell);
        }
        List<UUID> members = new ArrayList<>();
        List<UUID> homes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            UUID member = UUID.randomUUID();
            UUID cell = cells.get(i % cells.size());
            commands.send(new AdmitMember(member, "Đảng viên " + i, cell, i % 10 == 0 ? MemberStatus.PROBATIONARY
                    : MemberStatus.OFFICIAL, LocalDate.of(2015 + random.nextInt(5), 1 + random.nextInt(12), 1)));
            members.add(member);
            homes.add(cell);
        }
        for (int i = 0; i < 1000; i += 37) {
            commands.send(new GrantExemption(members.get(i), LocalDate.parse("2021-01-01"),
                    LocalDate.parse("2021-06-30"), "Sức khỏe", null));
        }
        for (int i = 5; i < 1000; i += 13) {
            UUID to = cells.get((cells.indexOf(homes.get(i)) + 1) % cells.size());
            commands.send(new TransferMember(members.get(i), to, LocalDate.parse("2021-07-01"), null));
            homes.set(i, to);
        }
        commands.send(new RenameUnit(cells.get(0), "Chi bộ Trung tâm Văn hóa Nghệ thuật", null));
        UUID merged = cells.get(7);
        commands.send(new MergeUnit(merged, cells.get(6), LocalDate.parse("2022-01-01"), null));

        int sessions = 0;
        for (int year = 2020; year <= 2022; year++) {
            for (int quarter = 1; quarter <= 4; quarter++) {
                for (UUID cell : cells) {
                    if (cell.equals(merged) && year == 2022) {
                        continue;
                    }
                    recordASession(cell, LocalDate.of(year, quarter * 3 - 1, 10), sessions++);
                    recordASession(cell, LocalDate.of(year, quarter * 3 - 1, 20), sessions++);
                    recordASession(cell, LocalDate.of(year, quarter * 3, 5), sessions++);
                }
            }
        }
        long events = jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);
        long head = jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            Long position = status.position("stats-v1");
            return position != null && position >= head;
        });
        String before = registry.committedSchema("stats-v1");

        Instant started = Instant.now();
        Rebuilds.RebuildStatus rebuild = rebuilds.start("stats-v1");
        await().atMost(Duration.ofSeconds(300)).until(() ->
                rebuilds.status(rebuild.rebuildId()).orElseThrow().state() == Rebuilds.State.DONE);
        Rebuilds.RebuildStatus done = rebuilds.status(rebuild.rebuildId()).orElseThrow();
        double seconds = Duration.between(started, done.finishedAt()).toMillis() / 1000.0;

        Generations.assertSameRows(jdbc, before, registry.committedSchema("stats-v1"));
        assertThat(done.eventsDone()).isEqualTo(events);

        // the session view too: its live rows, written batch by batch as the commands came, equal a replay's
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            Long position = status.position("sessions-v1");
            return position != null && position >= head;
        });
        String sessionsBefore = registry.committedSchema("sessions-v1");
        Rebuilds.RebuildStatus sessionsRebuild = rebuilds.start("sessions-v1");
        await().atMost(Duration.ofSeconds(300)).until(() ->
                rebuilds.status(sessionsRebuild.rebuildId()).orElseThrow().state() == Rebuilds.State.DONE);
        Generations.assertSameRows(jdbc, sessionsBefore, registry.committedSchema("sessions-v1"),
                Generations.SESSION_TABLES);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + registry.committedSchema("sessions-v1")
                + ".session_attendance", Long.class)).isPositive();
        System.out.printf("[measure] generated %d events (%d sessions, %d commands); rebuild replayed %d events in"
                + " %.2f s = %.0f events/s%n", events, sessions, commands.sent(), done.eventsDone(), seconds,
                done.eventsDone() / seconds);

        measureLag(cells.get(1));
    }

    private void recordASession(UUID cell, LocalDate on, int n) {
        UUID session = UUID.randomUUID();
        commands.send(new SessionCommands.ScheduleSession(session, List.of(cell), false, "Chuyên đề " + n,
                on.atTime(8, 0).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant(), SessionFormat.IN_PERSON,
                List.of("Kết luận số 01-KL/TW"), "Hội trường", null, "Báo cáo viên", "Người dẫn"));
        if (n % 17 == 3) {
            commands.send(new SessionCommands.CancelSession(session, "Trùng lịch", null));
            return;
        }
        commands.send(new SessionCommands.RecordAttendance(session, List.of(), AttendanceStatus.PRESENT,
                AttendanceMode.IN_PERSON, null));
        commands.send(new SessionCommands.CountGuests(session, Map.of(GuestCategory.PUBLIC, random.nextInt(200),
                GuestCategory.CIVIL_SERVANTS, random.nextInt(80), GuestCategory.CLUB_REPRESENTATIVES,
                random.nextInt(30)), null));
        UUID performance = UUID.randomUUID();
        commands.send(new SessionCommands.LogPerformance(session, performance, "Nghĩa gia đình, tình làng xóm",
                "cải lương", cell, "Huyện " + (n % 6), on.plusDays(3), 100 + random.nextInt(900), null));
        commands.send(new SessionCommands.SubmitRecord(session, "Biên bản " + n, null));
        if (n % 5 == 0) {
            commands.send(new SessionCommands.ReviewRecord(session, ReviewDecision.RETURNED, "Bổ sung", null));
            commands.send(new SessionCommands.CorrectRecord(session, "Đếm lại", null, Map.of(GuestCategory.OTHER, 5),
                    List.of(new SessionCommands.AudienceCorrection(performance, 1000)), null));
            commands.send(new SessionCommands.SubmitRecord(session, "Biên bản đã sửa " + n, null));
        }
        commands.send(new SessionCommands.ReviewRecord(session, ReviewDecision.ACKNOWLEDGED, null, null));
    }

    /** From a command's commit to its event in the statistics, for 200 commands one after another. */
    private void measureLag(UUID cell) {
        long[] lags = new long[200];
        UUID session = UUID.randomUUID();
        commands.send(new SessionCommands.ScheduleSession(session, List.of(cell), false, "Đo độ trễ",
                Instant.parse("2023-03-01T01:00:00Z"), SessionFormat.ONLINE, List.of(), null,
                "https://meet.example/lag", null, null));
        for (int i = 0; i < lags.length; i++) {
            commands.send(new SessionCommands.CountGuests(session, Map.of(GuestCategory.PUBLIC, i + 1), null));
            long acknowledged = System.nanoTime();
            long written = jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry",
                    Long.class);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() -> {
                Long position = status.position("stats-v1");
                return position != null && position >= written;
            });
            lags[i] = System.nanoTime() - acknowledged;
        }
        Arrays.sort(lags);
        System.out.printf("[measure] lag from command acknowledged to visible in stats-v1 (200 commands, in one"
                + " process): p50 %.1f ms, p99 %.1f ms%n", lags[100] / 1e6, lags[197] / 1e6);
    }
}
