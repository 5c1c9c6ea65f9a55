package vn.ledger.query.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.sql.Connection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import vn.ledger.events.ExemptionGranted;
import vn.ledger.events.MemberAdmitted;
import vn.ledger.events.MemberStatus;
import vn.ledger.query.EventStreams;
import vn.ledger.query.EventStreams.Stream;
import vn.ledger.query.projection.ProjectionRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ledger.embedded.TestDatabases;
import vn.ledger.events.AttendanceCorrected;
import vn.ledger.events.AttendanceEntry;
import vn.ledger.events.AttendanceMode;
import vn.ledger.events.AttendanceRecorded;
import vn.ledger.events.AttendanceStatus;
import vn.ledger.events.DiscussionNoted;
import vn.ledger.events.GuestCategory;
import vn.ledger.events.GuestsCorrected;
import vn.ledger.events.GuestsCounted;
import vn.ledger.events.PerformanceCorrected;
import vn.ledger.events.PerformanceLogged;
import vn.ledger.events.RecordReviewed;
import vn.ledger.events.RecordSubmitted;
import vn.ledger.events.ReviewDecision;
import vn.ledger.events.SessionCancelled;
import vn.ledger.events.SessionFormat;
import vn.ledger.events.SessionRescheduled;
import vn.ledger.events.SessionScheduled;
import vn.ledger.events.UnitKind;
import vn.ledger.events.UnitMerged;
import vn.ledger.events.UnitRegistered;
import vn.ledger.events.UnitRenamed;

/**
 * Events published to the log become view rows in PostgreSQL and numbers over HTTP. The tests share one log and one
 * database, so each uses fresh ids and quarters of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatsProjectionTest {

    /** Each test its own cells, so that one test's members are never expected at another test's sessions. */
    private final UUID CELL = UUID.randomUUID();
    private final UUID OTHER_CELL = UUID.randomUUID();
    private static final List<String> STATS_TABLES = List.of("unit", "session", "session_unit", "attendance",
            "guest", "performance", "member", "membership", "exemption");
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabases.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestDatabases::user);
    }

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    /** The next sequence number of each aggregate's stream, as the command side would have it. */
    private final Map<Stream, Long> sequences = new HashMap<>();
    private final Map<UUID, UUID> sessionUnits = new HashMap<>();
    private final Map<UUID, LocalDate> sessionDates = new HashMap<>();
    private final java.util.Set<UUID> admitted = new java.util.HashSet<>();

    @Autowired
    ProjectionRegistry registry;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /**
     * Within one transaction the writer keeps its versions in memory and writes them before the commit: a key changed
     * three times in one batch gets the same chain of versions as when each change is written at once, and a later
     * batch ends the chain's current version.
     */
    @Test
    void aBatchWrittenBeforeItsCommitGivesTheVersionsOfOneEventAtATime() {
        // a scratch copy of the unit table, so that the view's own tables keep only what the log says
        String schema = "write_behind_" + Long.toHexString(System.nanoTime());
        jdbc.execute("CREATE SCHEMA " + schema);
        jdbc.execute("CREATE TABLE " + schema + ".unit (LIKE " + registry.committedSchema("stats-v1")
                + ".unit INCLUDING ALL)");
        var template = new org.springframework.transaction.support.TransactionTemplate(transactions);
        UUID batched = UUID.randomUUID();
        UUID oneByOne = UUID.randomUUID();
        long p = 1_000;
        StatsWriter batchedWriter = new StatsWriter(jdbc, () -> schema, true);
        StatsWriter eventWriter = new StatsWriter(jdbc, () -> schema, false);
        template.executeWithoutResult(tx -> {
            batchedWriter.apply(new UnitRegistered(batched, "Chi bộ A", UnitKind.CELL, null), p);
            batchedWriter.apply(new UnitRenamed(batched, "Chi bộ B", null), p + 1);
            batchedWriter.apply(new UnitRenamed(batched, "Chi bộ B", null), p + 2); // no change: no version
            batchedWriter.apply(new UnitRenamed(batched, "Chi bộ C", null), p + 3);
            // nothing is in the table before the commit
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + schema + ".unit WHERE unit_id = ?", Long.class,
                    batched)).isZero();
        });
        eventWriter.apply(new UnitRegistered(oneByOne, "Chi bộ A", UnitKind.CELL, null), p);
        eventWriter.apply(new UnitRenamed(oneByOne, "Chi bộ B", null), p + 1);
        eventWriter.apply(new UnitRenamed(oneByOne, "Chi bộ B", null), p + 2);
        eventWriter.apply(new UnitRenamed(oneByOne, "Chi bộ C", null), p + 3);
        template.executeWithoutResult(tx -> {
            batchedWriter.apply(new UnitRenamed(batched, "Chi bộ D", null), p + 4);
            batchedWriter.apply(new UnitRenamed(oneByOne, "Chi bộ D", null), p + 4);
        });

        String versions = "SELECT name, valid_from - ? AS from_offset, valid_to - ? AS to_offset FROM " + schema
                + ".unit WHERE unit_id = ? ORDER BY valid_from";
        List<Map<String, Object>> expected = List.of(
                Map.of("name", "Chi bộ A", "from_offset", 0L, "to_offset", 1L),
                Map.of("name", "Chi bộ B", "from_offset", 1L, "to_offset", 3L),
                Map.of("name", "Chi bộ C", "from_offset", 3L, "to_offset", 4L));
        for (UUID unit : List.of(batched, oneByOne)) {
            List<Map<String, Object>> rows = jdbc.queryForList(versions, p, p, unit);
            assertThat(rows).hasSize(4);
            assertThat(rows.subList(0, 3)).isEqualTo(expected);
            assertThat(rows.get(3).get("name")).isEqualTo("Chi bộ D");
            assertThat(rows.get(3).get("to_offset")).isNull();
        }
    }

    @Test
    void projectsSessionsAttendanceAndPerformancesIntoQuarterAndUnitStatistics() throws Exception {
        UUID q4Session = UUID.randomUUID();
        UUID q3Session = UUID.randomUUID();
        publish(
                new SessionScheduled(q4Session, List.of(CELL), "Chuyên đề quý III",
                        Instant.parse("2022-09-30T17:30:00Z"), // 1 October 00:30 in Vietnam: a Q4 session
                        SessionFormat.IN_PERSON, List.of(), "Hội trường", null, null, null),
                new SessionScheduled(q3Session, List.of(CELL, OTHER_CELL), "Chuyên đề quý III",
                        Instant.parse("2022-08-15T01:00:00Z"), SessionFormat.IN_PERSON, List.of(), "Hội trường",
                        null, null, null),
                new AttendanceRecorded(q3Session, List.of(
                        new AttendanceEntry(UUID.randomUUID(), AttendanceStatus.PRESENT, AttendanceMode.IN_PERSON,
                                null),
                        new AttendanceEntry(UUID.randomUUID(), AttendanceStatus.PRESENT, AttendanceMode.ONLINE, null),
                        new AttendanceEntry(UUID.randomUUID(), AttendanceStatus.ABSENT_EXCUSED, null, null),
                        new AttendanceEntry(UUID.randomUUID(), AttendanceStatus.ABSENT_UNEXCUSED, null, null))),
                showing(q3Session, "Thành phố Bến Tre", LocalDate.parse("2022-08-20"), 1200),
                showing(q3Session, "Huyện Châu Thành", LocalDate.parse("2022-09-10"), 4100));

        awaitProjection();

        JsonNode quarters = get("/api/v1/stats/quarters?from=2022-Q3&to=2022-Q4").path("quarters");
        assertThat(quarters).hasSize(2);
        JsonNode q3 = quarters.get(0);
        assertThat(q3.path("quarter").asString()).isEqualTo("2022-Q3");
        assertThat(q3.path("sessionsHeld").asLong()).isEqualTo(1);
        assertThat(q3.path("memberAttendances").asLong()).isEqualTo(2);
        assertThat(q3.path("performanceShowings").asLong()).isEqualTo(2);
        assertThat(q3.path("performanceAudience").asLong()).isEqualTo(5300);
        assertThat(q3.path("totalAttendances").asLong()).isEqualTo(5302);
        JsonNode q4 = quarters.get(1);
        assertThat(q4.path("quarter").asString()).isEqualTo("2022-Q4");
        assertThat(q4.path("sessionsHeld").asLong()).isZero();

        JsonNode units = get("/api/v1/stats/units?quarter=2022-Q3").path("units");
        assertThat(units).hasSize(2);
        JsonNode cell = unitIn(units, CELL);
        assertThat(cell.path("sessionsPlanned").asLong()).isEqualTo(1);
        assertThat(cell.path("membersExpected").asLong()).isEqualTo(4);
        assertThat(cell.path("membersPresent").asLong()).isEqualTo(2);
        assertThat(cell.path("attendanceRate").asDouble()).isEqualTo(0.5);
        assertThat(cell.path("performanceAudience").asLong()).isEqualTo(5300);
        JsonNode other = unitIn(units, OTHER_CELL);
        assertThat(other.path("performanceShowings").asLong()).isZero();

        // the view's progress is kept in PostgreSQL beside the view, not in memory
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM read_model.token_entry WHERE processor_name = 'stats-v1' AND token IS NOT NULL",
                Integer.class)).isPositive();
    }

    @Test
    void aLaterAttendanceEntryReplacesTheMembersEarlierOne() throws Exception {
        UUID session = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        publish(
                new SessionScheduled(session, List.of(OTHER_CELL), "Chuyên đề", Instant.parse("2021-02-01T01:00:00Z"),
                        SessionFormat.ONLINE, List.of(), null, "https://meet.example/a", null, null),
                new AttendanceRecorded(session, List.of(
                        new AttendanceEntry(member, AttendanceStatus.ABSENT_UNEXCUSED, null, null))),
                new AttendanceRecorded(session, List.of(
                        new AttendanceEntry(member, AttendanceStatus.PRESENT, AttendanceMode.ONLINE, null))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/api/v1/stats/units?quarter=2021-Q1").path("units").path(0).path("membersPresent")
                        .asLong()).isEqualTo(1));
        JsonNode units = get("/api/v1/stats/units?quarter=2021-Q1").path("units");
        assertThat(units).hasSize(1);
        JsonNode unit = units.get(0);
        assertThat(unit.path("membersExpected").asLong()).isEqualTo(1);
        assertThat(unit.path("attendanceRate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aRenamedUnitShowsItsCurrentNameAndAMergedUnitKeepsItsPastSessions() throws Exception {
        UUID subCommittee = UUID.randomUUID();
        UUID renamed = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        UUID renamedSession = UUID.randomUUID();
        UUID mergedSession = UUID.randomUUID();
        UUID unknownSession = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        publish(
                new UnitRegistered(subCommittee, "Đảng bộ bộ phận Khối 1", UnitKind.SUB_COMMITTEE, null),
                new UnitRegistered(renamed, "Chi bộ Ấp 9", UnitKind.CELL, subCommittee),
                new UnitRegistered(merged, "Chi bộ Ấp 5", UnitKind.CELL, subCommittee),
                scheduled(unknownSession, unknown, "2019-01-05T01:00:00Z"),
                scheduled(renamedSession, renamed, "2019-01-10T01:00:00Z"),
                scheduled(mergedSession, merged, "2019-01-15T01:00:00Z"),
                new AttendanceRecorded(mergedSession, List.of(present(member))),
                // the new name sorts before the merged unit's; the old one would sort after it
                new UnitRenamed(renamed, "Chi bộ Ấp 1", "Chi bộ Ấp 9"),
                new UnitMerged(merged, renamed, LocalDate.parse("2019-02-01"), List.of(member)));
        awaitProjection();

        JsonNode units = get("/api/v1/stats/units?quarter=2019-Q1").path("units");
        assertThat(units).hasSize(3);
        JsonNode first = units.get(0);
        assertThat(first.path("unitId").asString()).isEqualTo(renamed.toString());
        assertThat(first.path("unitName").asString()).isEqualTo("Chi bộ Ấp 1");
        assertThat(first.path("unitNameThen").asString()).isEqualTo("Chi bộ Ấp 9");
        assertThat(first.path("parentUnitId").asString()).isEqualTo(subCommittee.toString());
        assertThat(first.path("mergedIntoUnitId").isNull()).isTrue();
        assertThat(first.path("sessionsPlanned").asLong()).isEqualTo(1);
        assertThat(first.path("membersExpected").asLong()).isZero();
        JsonNode second = units.get(1);
        assertThat(second.path("unitId").asString()).isEqualTo(merged.toString());
        assertThat(second.path("unitName").asString()).isEqualTo("Chi bộ Ấp 5");
        assertThat(second.path("mergedIntoUnitId").asString()).isEqualTo(renamed.toString());
        assertThat(second.path("sessionsPlanned").asLong()).isEqualTo(1);
        assertThat(second.path("sessionsHeld").asLong()).isEqualTo(1);
        assertThat(second.path("membersPresent").asLong()).isEqualTo(1);
        JsonNode last = units.get(2);
        assertThat(last.path("unitId").asString()).isEqualTo(unknown.toString());
        assertThat(last.path("unitName").isNull()).isTrue();
        assertThat(last.path("parentUnitId").isNull()).isTrue();
    }

    @Test
    void aRescheduledSessionMovesToTheQuarterOfItsNewDate() throws Exception {
        UUID unit = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        publish(
                scheduled(session, unit, "2018-06-20T01:00:00Z"),
                // 1 July 00:30 in Vietnam: a Q3 date
                new SessionRescheduled(session, Instant.parse("2018-06-30T17:30:00Z"),
                        Instant.parse("2018-06-20T01:00:00Z"), "Trùng lịch họp của Đảng ủy"),
                new AttendanceRecorded(session, List.of(present(UUID.randomUUID()))));
        awaitProjection();

        JsonNode quarters = get("/api/v1/stats/quarters?from=2018-Q2&to=2018-Q3").path("quarters");
        assertThat(quarters.get(0).path("sessionsHeld").asLong()).isZero();
        assertThat(quarters.get(0).path("memberAttendances").asLong()).isZero();
        assertThat(quarters.get(1).path("sessionsHeld").asLong()).isEqualTo(1);
        assertThat(quarters.get(1).path("memberAttendances").asLong()).isEqualTo(1);
        assertThat(get("/api/v1/stats/units?quarter=2018-Q2").path("units")).isEmpty();
        JsonNode units = get("/api/v1/stats/units?quarter=2018-Q3").path("units");
        assertThat(units).hasSize(1);
        assertThat(units.get(0).path("unitId").asString()).isEqualTo(unit.toString());
        assertThat(units.get(0).path("sessionsPlanned").asLong()).isEqualTo(1);
    }

    @Test
    void aCancelledSessionCountsAsCancelledNotHeldAndItsAttendanceAndGuestsAreNotCounted() throws Exception {
        UUID unit = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        publish(
                scheduled(held, unit, "2017-02-10T01:00:00Z"),
                new AttendanceRecorded(held, List.of(present(UUID.randomUUID()), absent(UUID.randomUUID()))),
                new GuestsCounted(held, Map.of(GuestCategory.PUBLIC, 3)),
                scheduled(cancelled, unit, "2017-03-10T01:00:00Z"),
                new AttendanceRecorded(cancelled, List.of(present(UUID.randomUUID()), present(UUID.randomUUID()))),
                new GuestsCounted(cancelled, Map.of(GuestCategory.PUBLIC, 40, GuestCategory.OTHER, 2)),
                new SessionCancelled(cancelled, "Bão số 4"));
        awaitProjection();

        JsonNode unitStats = get("/api/v1/stats/units?quarter=2017-Q1").path("units").get(0);
        assertThat(unitStats.path("sessionsPlanned").asLong()).isEqualTo(2);
        assertThat(unitStats.path("sessionsHeld").asLong()).isEqualTo(1);
        assertThat(unitStats.path("sessionsCancelled").asLong()).isEqualTo(1);
        assertThat(unitStats.path("membersExpected").asLong()).isEqualTo(2);
        assertThat(unitStats.path("membersPresent").asLong()).isEqualTo(1);
        assertThat(unitStats.path("guests").path("PUBLIC").asLong()).isEqualTo(3);
        assertThat(unitStats.path("guests").path("OTHER").asLong()).isZero();
        JsonNode quarter = get("/api/v1/stats/quarters?from=2017-Q1&to=2017-Q1").path("quarters").get(0);
        assertThat(quarter.path("sessionsHeld").asLong()).isEqualTo(1);
        assertThat(quarter.path("memberAttendances").asLong()).isEqualTo(1);
        assertThat(quarter.path("guestAttendances").asLong()).isEqualTo(3);
        assertThat(quarter.path("totalAttendances").asLong()).isEqualTo(4);
    }

    @Test
    void guestCountsByCategoryShowPerUnitAndPerQuarterAndACorrectionReplacesThem() throws Exception {
        UUID unit = UUID.randomUUID();
        UUID otherUnit = UUID.randomUUID();
        UUID joint = UUID.randomUUID();
        UUID own = UUID.randomUUID();
        publish(
                new SessionScheduled(joint, List.of(unit, otherUnit), "Chuyên đề", Instant.parse("2016-07-05T01:00:00Z"),
                        SessionFormat.IN_PERSON, List.of(), "Hội trường", null, null, null),
                new AttendanceRecorded(joint, List.of(present(UUID.randomUUID()))),
                new GuestsCounted(joint, guests(10, 3, 0, 0, 1)),
                scheduled(own, unit, "2016-08-05T01:00:00Z"),
                new GuestsCounted(own, Map.of(GuestCategory.PUBLIC, 2, GuestCategory.CLUB_REPRESENTATIVES, 4)),
                new RecordSubmitted(joint, "Biên bản"));
        awaitProjection();

        JsonNode units = get("/api/v1/stats/units?quarter=2016-Q3").path("units");
        assertThat(guestsOf(units, unit)).isEqualTo(guests(12, 3, 0, 4, 1));
        assertThat(guestsOf(units, otherUnit)).isEqualTo(guests(10, 3, 0, 0, 1));
        JsonNode quarter = get("/api/v1/stats/quarters?from=2016-Q3&to=2016-Q3").path("quarters").get(0);
        assertThat(quarter.path("guestAttendances").asLong()).isEqualTo(20);
        assertThat(quarter.path("memberAttendances").asLong()).isEqualTo(1);
        assertThat(quarter.path("totalAttendances").asLong()).isEqualTo(21);

        // the correction leaves CIVIL_SERVANTS out: it replaces the 3 with nothing, not with the old number
        publish(new GuestsCorrected(joint, Map.of(GuestCategory.PUBLIC, 11, GuestCategory.CULTURE_OFFICIALS, 2),
                guests(10, 3, 0, 0, 1), "Đếm nhầm khách mời"));
        awaitProjection();

        units = get("/api/v1/stats/units?quarter=2016-Q3").path("units");
        assertThat(guestsOf(units, unit)).isEqualTo(guests(13, 0, 2, 4, 0));
        assertThat(guestsOf(units, otherUnit)).isEqualTo(guests(11, 0, 2, 0, 0));
        quarter = get("/api/v1/stats/quarters?from=2016-Q3&to=2016-Q3").path("quarters").get(0);
        assertThat(quarter.path("guestAttendances").asLong()).isEqualTo(19);
        assertThat(quarter.path("totalAttendances").asLong()).isEqualTo(20);
    }

    @Test
    void anAttendanceCorrectionReplacesTheMembersEarlierEntry() throws Exception {
        UUID unit = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        publish(
                scheduled(session, unit, "2015-04-10T01:00:00Z"),
                new AttendanceRecorded(session, List.of(present(UUID.randomUUID()), absent(member))),
                new DiscussionNoted(session, 4, null),
                new RecordSubmitted(session, "Biên bản"),
                new RecordReviewed(session, ReviewDecision.RETURNED, "Đồng chí này có mặt"));
        awaitProjection();
        assertThat(get("/api/v1/stats/units?quarter=2015-Q2").path("units").get(0).path("membersPresent").asLong())
                .isEqualTo(1);

        publish(new AttendanceCorrected(session, List.of(present(member)), List.of(absent(member)),
                "Ghi nhầm vắng mặt"));
        awaitProjection();

        JsonNode unitStats = get("/api/v1/stats/units?quarter=2015-Q2").path("units").get(0);
        assertThat(unitStats.path("membersExpected").asLong()).isEqualTo(2);
        assertThat(unitStats.path("membersPresent").asLong()).isEqualTo(2);
        assertThat(unitStats.path("attendanceRate").asDouble()).isEqualTo(1.0);
        assertThat(get("/api/v1/stats/quarters?from=2015-Q2&to=2015-Q2").path("quarters").get(0)
                .path("memberAttendances").asLong()).isEqualTo(2);
    }

    @Test
    void aPerformanceCorrectionChangesTheShowingsAudience() throws Exception {
        UUID session = UUID.randomUUID();
        PerformanceLogged first = showing(session, "Thành phố Bến Tre", LocalDate.parse("2015-08-20"), 1200);
        publish(
                scheduled(session, CELL, "2015-08-15T01:00:00Z"),
                first,
                showing(session, "Huyện Châu Thành", LocalDate.parse("2015-09-10"), 4100));
        awaitProjection();
        assertThat(get("/api/v1/stats/quarters?from=2015-Q3&to=2015-Q3").path("quarters").get(0)
                .path("performanceAudience").asLong()).isEqualTo(5300);

        publish(new PerformanceCorrected(session, first.performanceId(), 1250, 1200, "Đếm lại vé"));
        awaitProjection();

        JsonNode quarter = get("/api/v1/stats/quarters?from=2015-Q3&to=2015-Q3").path("quarters").get(0);
        assertThat(quarter.path("performanceShowings").asLong()).isEqualTo(2);
        assertThat(quarter.path("performanceAudience").asLong()).isEqualTo(5350);
        assertThat(quarter.path("totalAttendances").asLong()).isEqualTo(5350);
        JsonNode cell = unitIn(get("/api/v1/stats/units?quarter=2015-Q3").path("units"), CELL);
        assertThat(cell.path("performanceAudience").asLong()).isEqualTo(5350);
    }

    @Test
    void aReplayFromAnEmptyViewGivesTheRowsOfIncrementalProcessing() throws Exception {
        UUID unit = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        PerformanceLogged performance = showing(session, "Xã Phú Nhuận", LocalDate.parse("2014-02-20"), 300);
        publish(
                new UnitRegistered(unit, "Chi bộ Ấp 2", UnitKind.CELL, null),
                new UnitRenamed(unit, "Chi bộ Ấp Hai", "Chi bộ Ấp 2"),
                scheduled(session, unit, "2014-01-10T01:00:00Z"),
                new SessionRescheduled(session, Instant.parse("2014-02-10T01:00:00Z"),
                        Instant.parse("2014-01-10T01:00:00Z"), "Tết"),
                new AttendanceRecorded(session, List.of(absent(member))),
                new GuestsCounted(session, guests(1, 2, 3, 4, 5)),
                performance,
                new AttendanceCorrected(session, List.of(present(member)), List.of(absent(member)), "Có mặt"),
                new GuestsCorrected(session, guests(5, 4, 3, 2, 1), guests(1, 2, 3, 4, 5), "Đếm lại"),
                new PerformanceCorrected(session, performance.performanceId(), 350, 300, "Đếm lại"));
        awaitProjection();
        Map<String, List<String>> incremental = rows();
        // rows no event made: the reset must clear them from every table of the projection, the new ones included
        String tables = registry.committedSchema(StatsProjection.NAME);
        jdbc.update("INSERT INTO " + tables + ".unit (unit_id, name, valid_from) VALUES (?, 'no event names it', 0)",
                UUID.randomUUID());
        jdbc.update("INSERT INTO " + tables + ".guest (session_id, category, attendances, valid_from)"
                + " VALUES (?, 'OTHER', 9, 0)", UUID.randomUUID());

        // Axon's own replay: reset the tokens (the reset handler clears the tables) and process the log again;
        // the tokens are ReplayTokens until it has caught up, stored and read back through the token store
        StreamingEventProcessor processor = processing.eventProcessor(StatsProjection.NAME,
                StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitProjection();
        await().atMost(Duration.ofSeconds(30)).until(() -> !processor.isReplaying());

        assertThat(rows()).isEqualTo(incremental);
    }

    @Test
    void asOfAPositionTheStatisticsAnswerAsTheViewsStoodThen() throws Exception {
        UUID session = UUID.randomUUID();
        PerformanceLogged first = showing(session, "Thành phố Cao Lãnh", LocalDate.parse("2013-08-20"), 1200);
        publish(scheduled(session, CELL, "2013-08-15T01:00:00Z"), first,
                new AttendanceRecorded(session, List.of(present(UUID.randomUUID()), absent(UUID.randomUUID()))));
        awaitProjection();
        JsonNode before = get("/api/v1/stats/quarters?from=2013-Q3&to=2013-Q3");
        long then = before.path("position").asLong();
        JsonNode unitsThen = get("/api/v1/stats/units?quarter=2013-Q3").path("units");

        publish(new PerformanceCorrected(session, first.performanceId(), 1300, 1200, "Đếm lại"),
                showing(session, "Huyện Tháp Mười", LocalDate.parse("2013-09-01"), 4000),
                new AttendanceCorrected(session, List.of(present(UUID.randomUUID())), java.util.Arrays.asList(
                        (AttendanceEntry) null), "Bổ sung"));
        awaitProjection();

        assertThat(get("/api/v1/stats/quarters?from=2013-Q3&to=2013-Q3").path("quarters").path(0)
                .path("performanceAudience").asLong()).isEqualTo(5300);
        JsonNode asOf = get("/api/v1/stats/quarters?from=2013-Q3&to=2013-Q3&position=" + then);
        assertThat(asOf).isEqualTo(before);
        assertThat(asOf.path("quarters").path(0).path("performanceAudience").asLong()).isEqualTo(1200);
        assertThat(get("/api/v1/stats/units?quarter=2013-Q3&position=" + then).path("units")).isEqualTo(unitsThen);
        assertThat(get("/api/v1/stats/performances?quarter=2013-Q3&position=" + then).path("pieces").path(0)
                .path("audience").asLong()).isEqualTo(1200);
    }

    @Test
    void aPositionTheViewHasNotReachedIsAnsweredOnceItHas() throws Exception {
        UUID session = UUID.randomUUID();
        publish(scheduled(session, CELL, "2012-02-15T01:00:00Z"),
                showing(session, "Thành phố Sa Đéc", LocalDate.parse("2012-02-20"), 800));
        long written = eventStore.createHeadToken().position().orElseThrow();

        JsonNode answer = get("/api/v1/stats/quarters?from=2012-Q1&to=2012-Q1&position=" + written);

        assertThat(answer.path("position").asLong()).isEqualTo(written);
        assertThat(answer.path("quarters").path(0).path("performanceAudience").asLong()).isEqualTo(800);
    }

    @Test
    void performancePiecesListTheirShowingsAndAudience() throws Exception {
        UUID session = UUID.randomUUID();
        publish(scheduled(session, CELL, "2011-08-15T01:00:00Z"),
                showing(session, "Thành phố Cao Lãnh", LocalDate.parse("2011-07-15"), 1200),
                showing(session, "Huyện Tháp Mười", LocalDate.parse("2011-07-29"), 950),
                new PerformanceLogged(session, UUID.randomUUID(), "Dạ cổ hoài lang", "đờn ca tài tử", CELL,
                        "Huyện Lai Vung", LocalDate.parse("2011-09-09"), 300));
        awaitProjection();

        JsonNode pieces = get("/api/v1/stats/performances?quarter=2011-Q3").path("pieces");

        assertThat(pieces).hasSize(2);
        JsonNode tour = pieces.get(1);
        assertThat(tour.path("title").asString()).isEqualTo("Nghĩa gia đình, tình làng xóm");
        assertThat(tour.path("showings").asLong()).isEqualTo(2);
        assertThat(tour.path("audience").asLong()).isEqualTo(2150);
        assertThat(tour.path("venues").findValuesAsString("venue")).containsExactly("Thành phố Cao Lãnh",
                "Huyện Tháp Mười");
    }

    @Test
    void aMembersParticipationCountsTheSessionsTheyWereExpectedAt() throws Exception {
        UUID member = UUID.randomUUID();
        UUID exempt = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        publish(scheduled(first, CELL, "2010-03-10T01:00:00Z"),
                new AttendanceRecorded(first, List.of(present(member), present(exempt))),
                new ExemptionGranted(exempt, LocalDate.parse("2010-06-01"), LocalDate.parse("2010-12-31"), "Ốm"),
                scheduled(second, CELL, "2010-07-10T01:00:00Z"),
                new AttendanceRecorded(second, List.of(new AttendanceEntry(member, AttendanceStatus.ABSENT_EXCUSED,
                        null, "công tác"))),
                scheduled(third, CELL, "2010-10-10T01:00:00Z"),
                new AttendanceRecorded(third, List.of(present(UUID.randomUUID()))));
        awaitProjection();

        JsonNode year = get("/api/v1/members/" + member + "/participation?year=2010").path("participation");
        assertThat(year.path("expected").asLong()).isEqualTo(3);
        assertThat(year.path("attended").asLong()).isEqualTo(1);
        assertThat(year.path("excused").asLong()).isEqualTo(1);
        assertThat(year.path("unrecorded").asLong()).isEqualTo(1);
        assertThat(year.path("sessions").findValuesAsString("status"))
                .containsExactly("PRESENT", "ABSENT_EXCUSED", "NOT_RECORDED");
        JsonNode exemptYear = get("/api/v1/members/" + exempt + "/participation?year=2010").path("participation");
        assertThat(exemptYear.path("expected").asLong()).isEqualTo(1);
        JsonNode units = get("/api/v1/stats/units?quarter=2010-Q4").path("units");
        assertThat(unitIn(units, CELL).path("membersExpected").asLong()).isEqualTo(2);
    }

    @Test
    void aRebuildFillsANewGenerationWhileReadersSeeTheOldOrTheNewNumbersThenSwitches() throws Exception {
        UUID session = UUID.randomUUID();
        publish(scheduled(session, CELL, "2009-08-15T01:00:00Z"),
                showing(session, "Thành phố Cao Lãnh", LocalDate.parse("2009-08-20"), 1200),
                showing(session, "Huyện Tháp Mười", LocalDate.parse("2009-08-21"), 4100),
                new AttendanceRecorded(session, List.of(present(UUID.randomUUID()), absent(UUID.randomUUID()))));
        awaitProjection();
        JsonNode before = get("/api/v1/stats/quarters?from=2009-Q3&to=2009-Q3").path("quarters");
        JsonNode unitsBefore = get("/api/v1/stats/units?quarter=2009-Q3").path("units");
        int generation = registry.activeGeneration(StatsProjection.NAME);

        JsonNode started = post("/api/v1/admin/projections/stats-v1/rebuild", 202);
        String status = "/api/v1/admin/projections/stats-v1/rebuilds/" + started.path("rebuildId").asString();
        List<JsonNode> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            seen.add(get("/api/v1/stats/quarters?from=2009-Q3&to=2009-Q3").path("quarters"));
            return get(status).path("state").asString().equals("DONE");
        });

        assertThat(seen).isNotEmpty().allSatisfy(quarters -> assertThat(quarters).isEqualTo(before));
        assertThat(get(status).path("progress").asDouble()).isEqualTo(1.0);
        assertThat(get(status).path("eventsDone").asLong()).isPositive();
        assertThat(registry.activeGeneration(StatsProjection.NAME)).isEqualTo(generation + 1);
        assertThat(get("/api/v1/stats/quarters?from=2009-Q3&to=2009-Q3").path("quarters")).isEqualTo(before);
        assertThat(get("/api/v1/stats/units?quarter=2009-Q3").path("units")).isEqualTo(unitsBefore);

        // the live processor carries on in the new generation
        UUID later = UUID.randomUUID();
        publish(scheduled(later, CELL, "2009-09-15T01:00:00Z"),
                showing(later, "Huyện Lai Vung", LocalDate.parse("2009-09-20"), 700));
        awaitProjection();
        assertThat(get("/api/v1/stats/quarters?from=2009-Q3&to=2009-Q3").path("quarters").path(0)
                .path("performanceAudience").asLong()).isEqualTo(6000);
        JsonNode listed = get("/api/v1/admin/projections");
        assertThat(listed.findValuesAsString("name")).contains("stats-v1");
    }

    @Test
    void anUnknownProjectionIs404AndASecondRebuildWhileOneRunsIs409() throws Exception {
        assertThat(post("/api/v1/admin/projections/nothing-v9/rebuild", 404).path("code").asString())
                .isEqualTo("projection-not-found");
        // hold the row the switch-over updates, so the first rebuild cannot finish before the second request
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("SELECT * FROM read_model.projection_generation FOR UPDATE");
            JsonNode started = post("/api/v1/admin/projections/stats-v1/rebuild", 202);
            String status = "/api/v1/admin/projections/stats-v1/rebuilds/" + started.path("rebuildId").asString();

            assertThat(post("/api/v1/admin/projections/stats-v1/rebuild", 409).path("code").asString())
                    .isEqualTo("already-rebuilding");
            // the rebuild's own processor starts a moment after the 202: until then the overview may show it stopped
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> get("/api/v1/admin/projections").findValuesAsString("status").contains("REBUILDING"));

            blocker.rollback();
            await().atMost(Duration.ofSeconds(60)).until(() -> get(status).path("state").asString().equals("DONE"));
        }
    }

    private JsonNode post(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    /**
     * Publishes the events as the command side stores them: each in its aggregate's stream, in order. As the command
     * side only records attendance of members on the roster, a member seen for the first time in an attendance is
     * admitted just before it, to the session's first unit, on the session's date.
     */
    private void publish(Object... events) {
        List<Object> all = new ArrayList<>();
        for (Object event : events) {
            if (event instanceof SessionScheduled e) {
                sessionUnits.put(e.sessionId(), e.unitIds().get(0));
                sessionDates.put(e.sessionId(), e.scheduledAt().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                        .toLocalDate());
            }
            List<AttendanceEntry> entries = event instanceof AttendanceRecorded e ? e.entries()
                    : event instanceof AttendanceCorrected e ? e.entries() : List.of();
            for (AttendanceEntry entry : entries) {
                UUID session = EventStreams.sessionOf(event);
                if (admitted.add(entry.memberId())) {
                    all.add(new MemberAdmitted(entry.memberId(), "Đảng viên " + admitted.size(),
                            sessionUnits.get(session), MemberStatus.OFFICIAL, sessionDates.get(session)));
                }
            }
            all.add(event);
        }
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object event : all) {
            Stream stream = EventStreams.of(event);
            long sequence = sequences.merge(stream, 0L, (last, ignored) -> last + 1);
            messages.add(new GenericDomainEventMessage<>(stream.type(), stream.id().toString(), sequence, event));
        }
        eventStore.publish(messages);
    }

    /**
     * Waits until the statistics reflect everything published so far: positions are 0-based global indexes, so the
     * head of the log is the number of published events minus 1, counted over all tests of the class.
     */
    private void awaitProjection() {
        long head = eventStore.createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode position = get("/api/v1/stats/quarters?from=2000-Q1&to=2000-Q1").path("position");
            return position.isNumber() && position.asLong() >= head;
        });
    }


    private static SessionScheduled scheduled(UUID session, UUID unit, String scheduledAt) {
        return new SessionScheduled(session, List.of(unit), "Chuyên đề", Instant.parse(scheduledAt),
                SessionFormat.IN_PERSON, List.of(), "Hội trường", null, null, null);
    }

    private static AttendanceEntry present(UUID member) {
        return new AttendanceEntry(member, AttendanceStatus.PRESENT, AttendanceMode.IN_PERSON, null);
    }

    private static AttendanceEntry absent(UUID member) {
        return new AttendanceEntry(member, AttendanceStatus.ABSENT_UNEXCUSED, null, null);
    }

    private PerformanceLogged showing(UUID session, String venue, LocalDate on, int audience) {
        return new PerformanceLogged(session, UUID.randomUUID(), "Nghĩa gia đình, tình làng xóm", "cải lương", CELL,
                venue, on, audience);
    }

    /** Counts of every category, in the order of {@link GuestCategory}. */
    private static Map<GuestCategory, Integer> guests(int... counts) {
        Map<GuestCategory, Integer> guests = new LinkedHashMap<>();
        GuestCategory[] categories = GuestCategory.values();
        for (int i = 0; i < categories.length; i++) {
            guests.put(categories[i], counts[i]);
        }
        return guests;
    }

    private static Map<GuestCategory, Integer> guestsOf(JsonNode units, UUID unit) {
        for (JsonNode view : units) {
            if (view.path("unitId").asString().equals(unit.toString())) {
                Map<GuestCategory, Integer> guests = new LinkedHashMap<>();
                for (GuestCategory category : GuestCategory.values()) {
                    JsonNode count = view.path("guests").path(category.name());
                    assertThat(count.isNumber()).as("guests of %s in %s", category, view).isTrue();
                    guests.put(category, count.asInt());
                }
                return guests;
            }
        }
        throw new AssertionError("no statistics of unit " + unit + " in " + units);
    }

    private static JsonNode unitIn(JsonNode units, UUID unitId) {
        for (JsonNode unit : units) {
            if (unit.path("unitId").asString().equals(unitId.toString())) {
                return unit;
            }
        }
        throw new AssertionError("no statistics of unit " + unitId + " in " + units);
    }

    /** Every row of the projection's tables, as text in a fixed order. */
    private Map<String, List<String>> rows() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        String tables = registry.committedSchema(StatsProjection.NAME);
        for (String table : STATS_TABLES) {
            rows.put(table, jdbc.queryForList(
                    "SELECT t::text FROM " + tables + "." + table + " t ORDER BY t::text", String.class));
        }
        return rows;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
