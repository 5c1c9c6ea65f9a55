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
import java.util.List;
import java.util.UUID;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
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
import vn.ledger.events.AttendanceEntry;
import vn.ledger.events.AttendanceMode;
import vn.ledger.events.AttendanceRecorded;
import vn.ledger.events.AttendanceStatus;
import vn.ledger.events.PerformanceLogged;
import vn.ledger.events.SessionFormat;
import vn.ledger.events.SessionScheduled;

/** Events published to the log become view rows in PostgreSQL and numbers over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatsProjectionTest {

    private static final UUID CELL = UUID.fromString("0a170000-0000-4000-8000-000000000001");
    private static final UUID OTHER_CELL = UUID.fromString("0a170000-0000-4000-8000-000000000002");
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
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

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

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/api/v1/stats/quarters?from=2022-Q3&to=2022-Q4").path("position").asLong())
                        .isEqualTo(4));

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

    /** Publishes the events as the command side stores them: each in its session's stream, in order. */
    private void publish(Object... events) {
        Map<UUID, Long> sequences = new HashMap<>();
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            UUID session = sessionOf(event);
            long sequence = sequences.merge(session, 0L, (last, ignored) -> last + 1);
            messages.add(new GenericDomainEventMessage<>("Session", session.toString(), sequence, event));
        }
        eventStore.publish(messages);
    }

    private static UUID sessionOf(Object event) {
        if (event instanceof SessionScheduled e) {
            return e.sessionId();
        } else if (event instanceof AttendanceRecorded e) {
            return e.sessionId();
        } else if (event instanceof PerformanceLogged e) {
            return e.sessionId();
        }
        throw new IllegalArgumentException("not a session event: " + event);
    }

    private static PerformanceLogged showing(UUID session, String venue, LocalDate on, int audience) {
        return new PerformanceLogged(session, UUID.randomUUID(), "Nghĩa gia đình, tình làng xóm", "cải lương", CELL,
                venue, on, audience);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
