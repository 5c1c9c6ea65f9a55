package vn.ledger.query.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
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

    private static final UUID CELL = UUID.fromString("0a170000-0000-4000-8000-000000000001");
    private static final UUID OTHER_CELL = UUID.fromString("0a170000-0000-4000-8000-000000000002");
    private static final List<String> STATS_TABLES = List.of("stats_unit_v1", "stats_session_v1",
            "stats_session_unit_v1", "stats_attendance_v1", "stats_guest_v1", "stats_performance_v1");
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
        JsonNode cell = units.get(0);
        assertThat(cell.path("unitId").asString()).isEqualTo(CELL.toString());
        assertThat(cell.path("sessionsPlanned").asLong()).isEqualTo(1);
        assertThat(cell.path("membersExpected").asLong()).isEqualTo(4);
        assertThat(cell.path("membersPresent").asLong()).isEqualTo(2);
        assertThat(cell.path("attendanceRate").asDouble()).isEqualTo(0.5);
        assertThat(cell.path("performanceAudience").asLong()).isEqualTo(5300);
        JsonNode other = units.get(1);
        assertThat(other.path("unitId").asString()).isEqualTo(OTHER_CELL.toString());
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
        JsonNode cell = get("/api/v1/stats/units?quarter=2015-Q3").path("units").get(0);
        assertThat(cell.path("unitId").asString()).isEqualTo(CELL.toString());
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
        jdbc.update("INSERT INTO read_model.stats_unit_v1 (unit_id, name) VALUES (?, 'no event names it')",
                UUID.randomUUID());
        jdbc.update("INSERT INTO read_model.stats_guest_v1 (session_id, category, attendances) VALUES (?, 'OTHER', 9)",
                UUID.randomUUID());

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

    /** Publishes the events as the command side stores them: each in its aggregate's stream, in order. */
    private void publish(Object... events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            Stream stream = streamOf(event);
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

    /** An aggregate's stream: its type and identifier. */
    private record Stream(String type, UUID id) {}

    private static Stream streamOf(Object event) {
        UUID unit = unitOf(event);
        return unit != null ? new Stream("Unit", unit) : new Stream("Session", sessionOf(event));
    }

    private static UUID unitOf(Object event) {
        if (event instanceof UnitRegistered e) {
            return e.unitId();
        } else if (event instanceof UnitRenamed e) {
            return e.unitId();
        } else if (event instanceof UnitMerged e) {
            return e.unitId();
        }
        return null;
    }

    private static UUID sessionOf(Object event) {
        if (event instanceof SessionScheduled e) {
            return e.sessionId();
        } else if (event instanceof SessionRescheduled e) {
            return e.sessionId();
        } else if (event instanceof SessionCancelled e) {
            return e.sessionId();
        } else if (event instanceof AttendanceRecorded e) {
            return e.sessionId();
        } else if (event instanceof AttendanceCorrected e) {
            return e.sessionId();
        } else if (event instanceof GuestsCounted e) {
            return e.sessionId();
        } else if (event instanceof GuestsCorrected e) {
            return e.sessionId();
        } else if (event instanceof PerformanceLogged e) {
            return e.sessionId();
        } else if (event instanceof PerformanceCorrected e) {
            return e.sessionId();
        } else if (event instanceof DiscussionNoted e) {
            return e.sessionId();
        } else if (event instanceof RecordSubmitted e) {
            return e.sessionId();
        } else if (event instanceof RecordReviewed e) {
            return e.sessionId();
        }
        throw new IllegalArgumentException("not a session or unit event: " + event);
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

    private static PerformanceLogged showing(UUID session, String venue, LocalDate on, int audience) {
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

    /** Every row of the projection's tables, as text in a fixed order. */
    private Map<String, List<String>> rows() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : STATS_TABLES) {
            rows.put(table, jdbc.queryForList(
                    "SELECT t::text FROM read_model." + table + " t ORDER BY t::text", String.class));
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
