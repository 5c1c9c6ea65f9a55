package vn.ledger.query.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
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
import vn.ledger.query.EventStreams;
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
import vn.ledger.events.UnitRegistered;
import vn.ledger.events.UnitRenamed;
import vn.ledger.query.projection.ProjectionRegistry;

/**
 * Events published to the log become the session list and detail over HTTP; the history is read from a real event
 * table. The tests share one log and one database, so each uses fresh units and sessions, and quarters of its own
 * where it filters by quarter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionViewsTest {

    private static final List<String> SESSION_TABLES = SessionViewWriter.TABLES;

    /**
     * The command side's event table (command-side/src/main/resources/db/event-store/V1__event_store.sql). The
     * query side's tests run on an in-memory log, so the history is read from this copy, filled by the tests.
     */
    private static final String EVENT_TABLE_DDL = """
            CREATE SCHEMA IF NOT EXISTS event_store;
            CREATE TABLE IF NOT EXISTS event_store.domain_event_entry (
                global_index         BIGSERIAL    NOT NULL,
                aggregate_identifier VARCHAR(255) NOT NULL,
                sequence_number      BIGINT       NOT NULL,
                type                 VARCHAR(255),
                event_identifier     VARCHAR(255) NOT NULL,
                meta_data            BYTEA,
                payload              BYTEA        NOT NULL,
                payload_revision     VARCHAR(255),
                payload_type         VARCHAR(255) NOT NULL,
                time_stamp           VARCHAR(255) NOT NULL,
                PRIMARY KEY (global_index),
                UNIQUE (aggregate_identifier, sequence_number),
                UNIQUE (event_identifier)
            );
            """;

    /** When the test's facts were recorded: a fixed start, a minute apart, never the wall clock. */
    private static final Instant RECORDING_STARTS = Instant.parse("2022-10-03T02:00:00Z");

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
    SessionViewProjection projection;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProjectionRegistry registry;

    @LocalServerPort
    int port;

    /** The next sequence number of each aggregate's stream, as the command side would have it. */
    private final Map<UUID, Long> sequences = new HashMap<>();

    /** How many facts this test has recorded, for their {@code recordedAt}. */
    private int recorded;

    @BeforeEach
    void eventTable() {
        jdbc.execute(EVENT_TABLE_DDL);
    }

    @Test
    void listsSessionsNewestFirstWithTheirUnitsNamesAndCounts() throws Exception {
        UUID culture = UUID.randomUUID();
        UUID library = UUID.randomUUID();
        UUID joint = UUID.randomUUID();
        UUID older = UUID.randomUUID();
        publish(
                new UnitRegistered(culture, "Chi bộ Văn hóa", UnitKind.CELL, null),
                new UnitRegistered(library, "Chi bộ Thư viện tỉnh", UnitKind.CELL, null),
                new SessionScheduled(older, List.of(culture), "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI",
                        Instant.parse("2013-07-02T01:00:00Z"), SessionFormat.ONLINE, List.of(), null,
                        "https://meet.example/chuyen-de", null, null),
                new SessionScheduled(joint, List.of(library, culture), "Học tập và làm theo tư tưởng Hồ Chí Minh",
                        Instant.parse("2013-09-15T01:00:00Z"), SessionFormat.HYBRID, List.of("Kết luận số 01-KL/TW"),
                        "Hội trường Sở", "https://meet.example/hcm", "Đồng chí Nguyễn Văn An",
                        "Đồng chí Trần Thị Bình"),
                new AttendanceRecorded(joint, List.of(present(UUID.randomUUID()), online(UUID.randomUUID()),
                        absent(UUID.randomUUID()))),
                new GuestsCounted(joint, guests(120, 45, 3, 12, 0)),
                showing(joint, culture, "Thành phố Cao Lãnh", "2013-09-10", 1200),
                showing(joint, culture, "Huyện Lai Vung", "2013-09-12", 4100),
                // the list shows the unit's name as it stands now
                new UnitRenamed(culture, "Chi bộ Trung tâm Văn hóa Nghệ thuật", "Chi bộ Văn hóa"));
        awaitProjection();

        JsonNode page = get("/api/v1/sessions?unitId=" + culture);
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(20);
        assertThat(page.path("total").asLong()).isEqualTo(2);
        JsonNode items = page.path("items");
        assertThat(items).hasSize(2);
        JsonNode newest = items.get(0);
        assertThat(newest.path("id").asString()).isEqualTo(joint.toString());
        assertThat(newest.path("topic").asString()).isEqualTo("Học tập và làm theo tư tưởng Hồ Chí Minh");
        assertThat(newest.path("scheduledAt").asString()).isEqualTo("2013-09-15T08:00:00+07:00");
        assertThat(newest.path("quarter").asString()).isEqualTo("2013-Q3");
        assertThat(newest.path("status").asString()).isEqualTo("HELD");
        assertThat(newest.path("format").asString()).isEqualTo("HYBRID");
        assertThat(newest.path("venue").asString()).isEqualTo("Hội trường Sở");
        assertThat(newest.path("units")).hasSize(2);
        assertThat(newest.path("units").get(0).path("unitId").asString()).isEqualTo(library.toString());
        assertThat(newest.path("units").get(0).path("unitName").asString()).isEqualTo("Chi bộ Thư viện tỉnh");
        assertThat(newest.path("units").get(1).path("unitId").asString()).isEqualTo(culture.toString());
        assertThat(newest.path("units").get(1).path("unitName").asString())
                .isEqualTo("Chi bộ Trung tâm Văn hóa Nghệ thuật");
        JsonNode counts = newest.path("counts");
        assertThat(counts.path("membersPresent").asLong()).isEqualTo(2);
        assertThat(counts.path("membersRecorded").asLong()).isEqualTo(3);
        assertThat(counts.path("guests").asLong()).isEqualTo(180);
        assertThat(counts.path("performanceAudience").asLong()).isEqualTo(5300);
        JsonNode oldest = items.get(1);
        assertThat(oldest.path("id").asString()).isEqualTo(older.toString());
        assertThat(oldest.path("status").asString()).isEqualTo("PLANNED");
        assertThat(oldest.path("venue").isNull()).isTrue();
        assertThat(oldest.path("counts").path("membersRecorded").asLong()).isZero();
        assertThat(oldest.path("counts").path("guests").asLong()).isZero();
        assertThat(oldest.path("counts").path("performanceAudience").asLong()).isZero();

        // unfiltered, every session is there, newest first
        JsonNode all = get("/api/v1/sessions?size=200");
        assertThat(all.path("total").asLong()).isGreaterThanOrEqualTo(2);
        List<Instant> times = new ArrayList<>();
        all.path("items").forEach(item -> times.add(
                OffsetDateTime.parse(item.path("scheduledAt").asString()).toInstant()));
        assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void narrowsTheListByUnitQuarterAndStatusAndPagesIt() throws Exception {
        UUID cell = UUID.randomUUID();
        UUID otherCell = UUID.randomUUID();
        UUID january = UUID.randomUUID();
        UUID february = UUID.randomUUID();
        UUID march = UUID.randomUUID();
        UUID april = UUID.randomUUID();
        UUID otherCellsMarch = UUID.randomUUID();
        publish(
                scheduled(january, cell, "2012-01-10T01:00:00Z"),
                scheduled(february, cell, "2012-02-10T01:00:00Z"),
                scheduled(march, cell, "2012-03-10T01:00:00Z"),
                // 1 April 00:30 in Vietnam: a Q2 session, though still March in UTC
                scheduled(april, cell, "2012-03-31T17:30:00Z"),
                scheduled(otherCellsMarch, otherCell, "2012-03-20T01:00:00Z"),
                new AttendanceRecorded(february, List.of(present(UUID.randomUUID()))),
                new AttendanceRecorded(march, List.of(present(UUID.randomUUID()))),
                new SessionCancelled(january, "Trùng lịch họp Đảng ủy"));
        awaitProjection();

        assertThat(ids(get("/api/v1/sessions?unitId=" + cell))).containsExactly(april, march, february, january);
        assertThat(ids(get("/api/v1/sessions?quarter=2012-Q1")))
                .containsExactly(otherCellsMarch, march, february, january);
        assertThat(ids(get("/api/v1/sessions?quarter=2012-Q2&unitId=" + cell))).containsExactly(april);
        assertThat(ids(get("/api/v1/sessions?unitId=" + cell + "&status=HELD"))).containsExactly(march, february);
        assertThat(ids(get("/api/v1/sessions?unitId=" + cell + "&status=CANCELLED"))).containsExactly(january);
        assertThat(ids(get("/api/v1/sessions?unitId=" + otherCell + "&quarter=2012-Q1&status=PLANNED")))
                .containsExactly(otherCellsMarch);
        // blank filters are no filters
        assertThat(ids(get("/api/v1/sessions?unitId=&quarter=2012-Q2&status="))).containsExactly(april);

        JsonNode first = get("/api/v1/sessions?unitId=" + cell + "&page=0&size=3");
        assertThat(first.path("total").asLong()).isEqualTo(4);
        assertThat(first.path("size").asInt()).isEqualTo(3);
        assertThat(ids(first)).containsExactly(april, march, february);
        JsonNode second = get("/api/v1/sessions?unitId=" + cell + "&page=1&size=3");
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(second.path("total").asLong()).isEqualTo(4);
        assertThat(ids(second)).containsExactly(january);
        JsonNode beyond = get("/api/v1/sessions?unitId=" + cell + "&page=2&size=3");
        assertThat(beyond.path("total").asLong()).isEqualTo(4);
        assertThat(beyond.path("items")).isEmpty();
    }

    @Test
    void showsASessionThroughItsLifecycleWithItsVersionAsTheETag() throws Exception {
        UUID cell = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID present = UUID.randomUUID();
        UUID absent = UUID.randomUUID();
        UUID excused = UUID.randomUUID();
        PerformanceLogged showing = showing(session, cell, "Thành phố Bến Tre", "2011-08-20", 1200);
        publish(new UnitRegistered(cell, "Chi bộ Trung tâm Văn hóa Nghệ thuật", UnitKind.CELL, null),
                new SessionScheduled(session, List.of(cell),
                        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                        Instant.parse("2011-08-14T01:00:00Z"), SessionFormat.HYBRID,
                        List.of("Kết luận số 01-KL/TW", "Chỉ thị số 05-CT/TW"), "Hội trường Sở",
                        "https://meet.example/hcm", "Đồng chí Nguyễn Văn An", "Đồng chí Trần Thị Bình"));
        awaitProjection();
        Answer planned = answer("/api/v1/sessions/" + session);
        assertThat(planned.status()).isEqualTo(200);
        assertThat(planned.etag()).isEqualTo("\"0\"");
        JsonNode view = planned.body();
        assertThat(view.path("id").asString()).isEqualTo(session.toString());
        assertThat(view.path("status").asString()).isEqualTo("PLANNED");
        assertThat(view.path("scheduledAt").asString()).isEqualTo("2011-08-14T08:00:00+07:00");
        assertThat(view.path("scheduledOn").asString()).isEqualTo("2011-08-14");
        assertThat(view.path("quarter").asString()).isEqualTo("2011-Q3");
        assertThat(view.path("format").asString()).isEqualTo("HYBRID");
        assertThat(view.path("onlineUrl").asString()).isEqualTo("https://meet.example/hcm");
        assertThat(view.path("presenter").asString()).isEqualTo("Đồng chí Nguyễn Văn An");
        assertThat(view.path("host").asString()).isEqualTo("Đồng chí Trần Thị Bình");
        assertThat(texts(view.path("basisDocuments"))).containsExactly("Kết luận số 01-KL/TW", "Chỉ thị số 05-CT/TW");
        assertThat(view.path("units").get(0).path("unitName").asString())
                .isEqualTo("Chi bộ Trung tâm Văn hóa Nghệ thuật");
        assertThat(view.path("attendance")).isEmpty();
        assertThat(guestsOf(view)).isEqualTo(guests(0, 0, 0, 0, 0));
        assertThat(view.path("performances")).isEmpty();
        assertThat(view.path("discussion").isNull()).isTrue();
        assertThat(view.path("submission").isNull()).isTrue();
        assertThat(view.path("review").isNull()).isTrue();
        assertThat(view.path("version").asLong()).isZero();

        publish(new AttendanceRecorded(session, List.of(present(present), absent(absent),
                new AttendanceEntry(excused, AttendanceStatus.ABSENT_EXCUSED, null, "có báo trước"))));
        awaitProjection();
        Answer held = answer("/api/v1/sessions/" + session);
        assertThat(held.etag()).isEqualTo("\"1\"");
        assertThat(held.body().path("status").asString()).isEqualTo("HELD");
        assertThat(attendanceOf(held.body())).containsExactlyInAnyOrderEntriesOf(Map.of(
                present, "PRESENT/IN_PERSON/null",
                absent, "ABSENT_UNEXCUSED/null/null",
                excused, "ABSENT_EXCUSED/null/có báo trước"));

        publish(new GuestsCounted(session, guests(120, 45, 0, 12, 0)), showing,
                new DiscussionNoted(session, 6, "Các ý kiến thống nhất với chuyên đề"),
                new RecordSubmitted(session, "Biên bản sinh hoạt chuyên đề quý III"));
        awaitProjection();
        Answer submitted = answer("/api/v1/sessions/" + session);
        assertThat(submitted.etag()).isEqualTo("\"5\"");
        view = submitted.body();
        assertThat(view.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(guestsOf(view)).isEqualTo(guests(120, 45, 0, 12, 0));
        assertThat(view.path("performances")).hasSize(1);
        JsonNode performance = view.path("performances").get(0);
        assertThat(performance.path("performanceId").asString()).isEqualTo(showing.performanceId().toString());
        assertThat(performance.path("title").asString()).isEqualTo("Nghĩa gia đình, tình làng xóm");
        assertThat(performance.path("genre").asString()).isEqualTo("cải lương");
        assertThat(performance.path("performerUnitId").asString()).isEqualTo(cell.toString());
        assertThat(performance.path("performerUnitName").asString()).isEqualTo("Chi bộ Trung tâm Văn hóa Nghệ thuật");
        assertThat(performance.path("venue").asString()).isEqualTo("Thành phố Bến Tre");
        assertThat(performance.path("performedOn").asString()).isEqualTo("2011-08-20");
        assertThat(performance.path("audience").asLong()).isEqualTo(1200);
        assertThat(view.path("discussion").path("contributions").asInt()).isEqualTo(6);
        assertThat(view.path("discussion").path("summary").asString()).isEqualTo("Các ý kiến thống nhất với chuyên đề");
        assertThat(view.path("submission").path("minutesSummary").asString())
                .isEqualTo("Biên bản sinh hoạt chuyên đề quý III");
        // recorded as the 7th fact of this test: 02:06 UTC, 09:06 in Vietnam
        assertThat(view.path("submission").path("submittedAt").asString()).isEqualTo("2022-10-03T09:06:00+07:00");
        assertThat(view.path("counts").path("membersPresent").asLong()).isEqualTo(1);
        assertThat(view.path("counts").path("membersRecorded").asLong()).isEqualTo(3);
        assertThat(view.path("counts").path("guests").asLong()).isEqualTo(177);
        assertThat(view.path("counts").path("performanceAudience").asLong()).isEqualTo(1200);

        publish(new RecordReviewed(session, ReviewDecision.RETURNED, "Đồng chí vắng mặt đã có mặt, đề nghị sửa"));
        awaitProjection();
        Answer returned = answer("/api/v1/sessions/" + session);
        assertThat(returned.etag()).isEqualTo("\"6\"");
        assertThat(returned.body().path("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.body().path("review").path("decision").asString()).isEqualTo("RETURNED");
        assertThat(returned.body().path("review").path("comment").asString())
                .isEqualTo("Đồng chí vắng mặt đã có mặt, đề nghị sửa");

        publish(new AttendanceCorrected(session, List.of(online(absent)), List.of(absent(absent)), "Ghi nhầm"),
                new GuestsCorrected(session, guests(130, 45, 0, 12, 0), guests(120, 45, 0, 12, 0), "Đếm lại"),
                new PerformanceCorrected(session, showing.performanceId(), 1250, 1200, "Đếm lại vé"));
        awaitProjection();
        Answer corrected = answer("/api/v1/sessions/" + session);
        assertThat(corrected.etag()).isEqualTo("\"9\"");
        view = corrected.body();
        // still returned: a correction is not a new submission
        assertThat(view.path("status").asString()).isEqualTo("RETURNED");
        assertThat(attendanceOf(view)).containsEntry(absent, "PRESENT/ONLINE/null");
        assertThat(guestsOf(view)).isEqualTo(guests(130, 45, 0, 12, 0));
        assertThat(view.path("performances").get(0).path("audience").asLong()).isEqualTo(1250);
        assertThat(view.path("counts").path("membersPresent").asLong()).isEqualTo(2);
        assertThat(view.path("counts").path("guests").asLong()).isEqualTo(187);
        assertThat(view.path("counts").path("performanceAudience").asLong()).isEqualTo(1250);

        publish(new RecordSubmitted(session, "Biên bản đã sửa"));
        awaitProjection();
        Answer resubmitted = answer("/api/v1/sessions/" + session);
        assertThat(resubmitted.etag()).isEqualTo("\"10\"");
        assertThat(resubmitted.body().path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(resubmitted.body().path("submission").path("minutesSummary").asString())
                .isEqualTo("Biên bản đã sửa");
        // the review that returned it stays in view until the next one
        assertThat(resubmitted.body().path("review").path("decision").asString()).isEqualTo("RETURNED");

        publish(new RecordReviewed(session, ReviewDecision.ACKNOWLEDGED, null));
        awaitProjection();
        Answer acknowledged = answer("/api/v1/sessions/" + session);
        assertThat(acknowledged.etag()).isEqualTo("\"11\"");
        view = acknowledged.body();
        assertThat(view.path("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(view.path("version").asLong()).isEqualTo(11);
        assertThat(view.path("review").path("decision").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(view.path("review").path("comment").isNull()).isTrue();
        assertThat(view.path("review").path("reviewedAt").asString()).isEqualTo("2022-10-03T09:12:00+07:00");
        assertThat(view.path("lastPosition").asLong()).isEqualTo(eventStore.createHeadToken().position().orElseThrow());
        assertThat(ids(get("/api/v1/sessions?unitId=" + cell + "&status=ACKNOWLEDGED"))).containsExactly(session);
    }

    @Test
    void aCancelledSessionIsCancelledWithItsReasonAndKeepsWhatWasRecorded() throws Exception {
        UUID cell = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        publish(
                scheduled(session, cell, "2010-10-10T01:00:00Z"),
                new SessionRescheduled(session, Instant.parse("2010-10-12T01:00:00Z"),
                        Instant.parse("2010-10-10T01:00:00Z"), "Trùng lịch họp Ban Thường vụ"),
                new AttendanceRecorded(session, List.of(present(UUID.randomUUID()))),
                new SessionCancelled(session, "Bão số 4"));
        awaitProjection();

        Answer cancelled = answer("/api/v1/sessions/" + session);
        assertThat(cancelled.etag()).isEqualTo("\"3\"");
        JsonNode view = cancelled.body();
        assertThat(view.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(view.path("cancelReason").asString()).isEqualTo("Bão số 4");
        assertThat(view.path("scheduledAt").asString()).isEqualTo("2010-10-12T08:00:00+07:00");
        assertThat(view.path("counts").path("membersPresent").asLong()).isEqualTo(1);
        assertThat(ids(get("/api/v1/sessions?unitId=" + cell + "&status=CANCELLED"))).containsExactly(session);
        assertThat(ids(get("/api/v1/sessions?unitId=" + cell + "&status=HELD"))).isEmpty();
    }

    @Test
    void answersAnUnknownSessionWith404AndBadParametersWith400() throws Exception {
        UUID unknown = UUID.randomUUID();
        assertProblem(answer("/api/v1/sessions/" + unknown), 404, "session-not-found");
        assertProblem(answer("/api/v1/sessions/" + unknown + "/history"), 404, "session-not-found");
        Answer notFound = answer("/api/v1/sessions/" + unknown);
        assertThat(notFound.body().path("type").asString()).isEqualTo("urn:ledger:problem:session-not-found");
        assertThat(notFound.body().path("title").asString()).isEqualTo("Not Found");
        assertThat(notFound.body().path("status").asInt()).isEqualTo(404);
        assertThat(notFound.body().path("detail").asString()).contains(unknown.toString());

        assertProblem(answer("/api/v1/sessions/buoi-sinh-hoat-1"), 400, "invalid-parameter");
        assertProblem(answer("/api/v1/sessions/buoi-sinh-hoat-1/history"), 400, "invalid-parameter");
        assertProblem(answer("/api/v1/sessions?quarter=2022Q3"), 400, "invalid-quarter");
        assertProblem(answer("/api/v1/sessions?quarter=2022-Q5"), 400, "invalid-quarter");
        assertProblem(answer("/api/v1/sessions?status=DONE"), 400, "invalid-parameter");
        assertProblem(answer("/api/v1/sessions?status=held"), 400, "invalid-parameter");
        assertProblem(answer("/api/v1/sessions?unitId=chi-bo-1"), 400, "invalid-parameter");
        assertProblem(answer("/api/v1/sessions?size=201"), 400, "invalid-parameter");
        assertProblem(answer("/api/v1/sessions?size=0"), 400, "invalid-parameter");
        assertProblem(answer("/api/v1/sessions?page=-1"), 400, "invalid-parameter");
        assertProblem(answer("/api/v1/sessions?page=mot"), 400, "invalid-parameter");
        assertThat(answer("/api/v1/sessions?size=200").status()).isEqualTo(200);
    }

    @Test
    void theHistoryListsEveryEventOfTheSessionInOrderWithWhoWhenAndWhy() throws Exception {
        UUID session = UUID.randomUUID();
        UUID otherSession = UUID.randomUUID();
        UUID cell = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        String scheduledId = UUID.randomUUID().toString();
        long scheduled = store(session, 0, scheduledId, scheduled(session, cell, "2022-09-15T01:00:00Z"),
                metadata("bithu.vhnt", "SECRETARY", "2022-09-01T02:00:00Z", "yeu-cau-1", "tuong-quan-1"),
                "2022-09-01T02:00:00.120Z");
        // another session's event in between: not part of this history
        store(otherSession, 0, UUID.randomUUID().toString(), scheduled(otherSession, cell, "2022-09-16T01:00:00Z"),
                metadata("bithu.vhnt", "SECRETARY", "2022-09-01T02:05:00Z", "yeu-cau-2", "tuong-quan-2"),
                "2022-09-01T02:05:00Z");
        long rescheduled = store(session, 1, UUID.randomUUID().toString(),
                new SessionRescheduled(session, Instant.parse("2022-09-16T01:00:00Z"),
                        Instant.parse("2022-09-15T01:00:00Z"), "Trùng lịch họp Đảng ủy"),
                metadata("vanphong", "OFFICE", "2022-09-02T03:00:00Z", "yeu-cau-3", "tuong-quan-3"),
                "2022-09-02T03:00:00Z");
        // metadata without its stamp (as an older event might have): the log's own timestamp stands in
        long attendance = store(session, 2, UUID.randomUUID().toString(),
                new AttendanceRecorded(session, List.of(present(member))), Map.of(),
                "2022-09-16T09:30:00Z");

        JsonNode history = get("/api/v1/sessions/" + session + "/history");
        assertThat(history.path("sessionId").asString()).isEqualTo(session.toString());
        JsonNode items = history.path("items");
        assertThat(items).hasSize(3);
        assertThat(positions(items)).containsExactly(scheduled, rescheduled, attendance);
        JsonNode first = items.get(0);
        assertThat(first.path("eventId").asString()).isEqualTo(scheduledId);
        assertThat(first.path("position").asLong()).isEqualTo(scheduled);
        assertThat(first.path("sequence").asLong()).isZero();
        assertThat(first.path("type").asString()).isEqualTo("SessionScheduled");
        assertThat(first.path("revision").asString()).isEqualTo("1");
        assertThat(first.path("recordedAt").asString()).isEqualTo("2022-09-01T09:00:00+07:00");
        assertThat(first.path("recordedBy").path("userId").asString()).isEqualTo("bithu.vhnt");
        assertThat(first.path("recordedBy").path("role").asString()).isEqualTo("SECRETARY");
        assertThat(first.path("requestId").asString()).isEqualTo("yeu-cau-1");
        assertThat(first.path("correlationId").asString()).isEqualTo("tuong-quan-1");
        assertThat(first.path("payload").path("sessionId").asString()).isEqualTo(session.toString());
        assertThat(first.path("payload").path("topic").asString())
                .isEqualTo("Học tập và làm theo tư tưởng Hồ Chí Minh");
        assertThat(first.path("metadata").path("traceId").asString()).isEqualTo("tuong-quan-1");
        assertThat(first.path("corrects").isNull()).isTrue();
        assertThat(first.path("correctsPositions").isNull()).isTrue();
        JsonNode second = items.get(1);
        assertThat(second.path("type").asString()).isEqualTo("SessionRescheduled");
        assertThat(second.path("sequence").asLong()).isEqualTo(1);
        assertThat(second.path("recordedBy").path("role").asString()).isEqualTo("OFFICE");
        assertThat(second.path("payload").path("reason").asString()).isEqualTo("Trùng lịch họp Đảng ủy");
        JsonNode third = items.get(2);
        assertThat(third.path("type").asString()).isEqualTo("AttendanceRecorded");
        assertThat(third.path("recordedAt").asString()).isEqualTo("2022-09-16T16:30:00+07:00");
        assertThat(third.path("recordedBy").isNull()).isTrue();
        assertThat(third.path("requestId").isNull()).isTrue();
        assertThat(third.path("metadata").isObject()).isTrue();
        assertThat(third.path("payload").path("entries").get(0).path("memberId").asString())
                .isEqualTo(member.toString());
    }

    @Test
    void theHistoryShowsEachCorrectionBesideWhatItCorrects() throws Exception {
        UUID session = UUID.randomUUID();
        UUID cell = UUID.randomUUID();
        UUID an = UUID.randomUUID();
        UUID binh = UUID.randomUUID();
        UUID chi = UUID.randomUUID();
        PerformanceLogged benTre = showing(session, cell, "Thành phố Bến Tre", "2022-08-20", 1200);
        PerformanceLogged chauThanh = showing(session, cell, "Huyện Châu Thành", "2022-09-10", 4100);
        Map<String, Object> meta = metadata("bithu.vhnt", "SECRETARY", "2022-09-20T02:00:00Z", "yeu-cau", "tq");
        long sequence = 0;
        store(session, sequence++, UUID.randomUUID().toString(), scheduled(session, cell, "2022-09-15T01:00:00Z"),
                meta, "2022-09-01T02:00:00Z");
        long recordedAnBinh = store(session, sequence++, UUID.randomUUID().toString(),
                new AttendanceRecorded(session, List.of(absent(an), absent(binh))), meta, "2022-09-15T02:00:00Z");
        long recordedBinhAgain = store(session, sequence++, UUID.randomUUID().toString(),
                new AttendanceRecorded(session, List.of(present(binh))), meta, "2022-09-15T02:10:00Z");
        long counted = store(session, sequence++, UUID.randomUUID().toString(),
                new GuestsCounted(session, guests(120, 45, 0, 12, 0)), meta, "2022-09-15T03:00:00Z");
        long loggedBenTre = store(session, sequence++, UUID.randomUUID().toString(), benTre, meta,
                "2022-09-15T04:00:00Z");
        long loggedChauThanh = store(session, sequence++, UUID.randomUUID().toString(), chauThanh, meta,
                "2022-09-15T04:10:00Z");
        store(session, sequence++, UUID.randomUUID().toString(), new RecordSubmitted(session, "Biên bản"), meta,
                "2022-09-16T01:00:00Z");
        List<AttendanceEntry> previous = new ArrayList<>();
        previous.add(absent(an));
        previous.add(present(binh));
        previous.add(null); // chi had no entry before
        long attendanceCorrected = store(session, sequence++, UUID.randomUUID().toString(),
                new AttendanceCorrected(session, List.of(present(an), absent(binh), present(chi)), previous,
                        "Ghi nhầm"), meta, "2022-09-17T01:00:00Z");
        long guestsCorrected = store(session, sequence++, UUID.randomUUID().toString(),
                new GuestsCorrected(session, guests(130, 45, 0, 12, 0), guests(120, 45, 0, 12, 0), "Đếm lại"),
                meta, "2022-09-17T01:00:01Z");
        long firstAudienceCorrection = store(session, sequence++, UUID.randomUUID().toString(),
                new PerformanceCorrected(session, benTre.performanceId(), 1250, 1200, "Đếm lại vé"), meta,
                "2022-09-17T01:00:02Z");
        long secondAudienceCorrection = store(session, sequence++, UUID.randomUUID().toString(),
                new PerformanceCorrected(session, benTre.performanceId(), 1240, 1250, "Đếm lại lần hai"), meta,
                "2022-09-18T01:00:00Z");
        long chiCorrected = store(session, sequence++, UUID.randomUUID().toString(),
                new AttendanceCorrected(session, List.of(online(chi)), List.of(present(chi)), "Dự trực tuyến"), meta,
                "2022-09-18T01:00:01Z");

        JsonNode items = get("/api/v1/sessions/" + session + "/history").path("items");
        assertThat(items).hasSize(12);
        assertThat(items.get(1).path("corrects").isNull()).isTrue();

        JsonNode attendance = items.get(7);
        assertThat(attendance.path("position").asLong()).isEqualTo(attendanceCorrected);
        assertThat(attendance.path("type").asString()).isEqualTo("AttendanceCorrected");
        assertThat(attendance.path("payload").path("reason").asString()).isEqualTo("Ghi nhầm");
        // an's entry was recorded by the first event, binh's last by the second; chi had none
        assertThat(longs(attendance.path("correctsPositions"))).containsExactly(recordedAnBinh, recordedBinhAgain);
        JsonNode replaced = attendance.path("corrects");
        assertThat(replaced).hasSize(3);
        assertThat(replaced.get(0).path("memberId").asString()).isEqualTo(an.toString());
        assertThat(replaced.get(0).path("status").asString()).isEqualTo("ABSENT_UNEXCUSED");
        assertThat(replaced.get(1).path("memberId").asString()).isEqualTo(binh.toString());
        assertThat(replaced.get(1).path("status").asString()).isEqualTo("PRESENT");
        assertThat(replaced.get(2).isNull()).isTrue();

        JsonNode guests = items.get(8);
        assertThat(guests.path("position").asLong()).isEqualTo(guestsCorrected);
        assertThat(longs(guests.path("correctsPositions"))).containsExactly(counted);
        assertThat(guests.path("corrects").path("PUBLIC").asInt()).isEqualTo(120);
        assertThat(guests.path("payload").path("counts").path("PUBLIC").asInt()).isEqualTo(130);

        JsonNode firstAudience = items.get(9);
        assertThat(firstAudience.path("position").asLong()).isEqualTo(firstAudienceCorrection);
        assertThat(longs(firstAudience.path("correctsPositions"))).containsExactly(loggedBenTre);
        assertThat(firstAudience.path("corrects").path("performanceId").asString())
                .isEqualTo(benTre.performanceId().toString());
        assertThat(firstAudience.path("corrects").path("audience").asInt()).isEqualTo(1200);
        // a second correction corrects the first, not the showing as logged; the other showing is untouched
        JsonNode secondAudience = items.get(10);
        assertThat(secondAudience.path("position").asLong()).isEqualTo(secondAudienceCorrection);
        assertThat(longs(secondAudience.path("correctsPositions"))).containsExactly(firstAudienceCorrection);
        assertThat(secondAudience.path("corrects").path("audience").asInt()).isEqualTo(1250);
        assertThat(longs(secondAudience.path("correctsPositions"))).doesNotContain(loggedChauThanh);

        JsonNode chiAgain = items.get(11);
        assertThat(chiAgain.path("position").asLong()).isEqualTo(chiCorrected);
        assertThat(longs(chiAgain.path("correctsPositions"))).containsExactly(attendanceCorrected);
        assertThat(chiAgain.path("corrects").get(0).path("mode").asString()).isEqualTo("IN_PERSON");
    }

    @Test
    void anEventDeliveredAgainChangesNothing() throws Exception {
        UUID cell = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        SessionScheduled scheduled = scheduled(session, cell, "2009-05-05T01:00:00Z");
        AttendanceRecorded absentFirst = new AttendanceRecorded(session, List.of(absent(member)));
        publish(
                scheduled,
                absentFirst,
                new RecordSubmitted(session, "Biên bản"),
                new AttendanceCorrected(session, List.of(present(member)), List.of(absent(member)), "Có mặt"));
        awaitProjection();
        Map<String, List<String>> before = rows();

        // the attendance as first recorded arrives once more at its position, e.g. after a lost token update; and
        // so does the schedule, here with other values than the ones the session was scheduled with
        projection.on(GenericEventMessage.asEventMessage(absentFirst),
                new GlobalSequenceTrackingToken(positionOf(absentFirst)));
        projection.on(GenericEventMessage.asEventMessage(scheduled(session, cell, "2009-06-06T01:00:00Z")),
                new GlobalSequenceTrackingToken(positionOf(scheduled)));

        assertThat(rows()).isEqualTo(before);
        Answer answer = answer("/api/v1/sessions/" + session);
        // four events of the session, each counted once: the version stays the sequence number of the latest
        assertThat(answer.etag()).isEqualTo("\"3\"");
        JsonNode view = answer.body();
        assertThat(view.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(attendanceOf(view)).containsExactly(Map.entry(member, "PRESENT/IN_PERSON/null"));
    }

    @Test
    void aReplayFromAnEmptyViewGivesTheRowsOfIncrementalProcessing() throws Exception {
        UUID cell = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        PerformanceLogged performance = showing(session, cell, "Xã Phú Nhuận", "2008-02-20", 300);
        publish(
                new UnitRegistered(cell, "Chi bộ Ấp 2", UnitKind.CELL, null),
                new UnitRenamed(cell, "Chi bộ Ấp Hai", "Chi bộ Ấp 2"),
                scheduled(session, cell, "2008-01-10T01:00:00Z"),
                new SessionRescheduled(session, Instant.parse("2008-02-10T01:00:00Z"),
                        Instant.parse("2008-01-10T01:00:00Z"), "Tết"),
                new AttendanceRecorded(session, List.of(absent(member))),
                new GuestsCounted(session, guests(1, 2, 3, 4, 5)),
                performance,
                new DiscussionNoted(session, 3, "Thống nhất"),
                new RecordSubmitted(session, "Biên bản"),
                new RecordReviewed(session, ReviewDecision.RETURNED, "Sửa điểm danh"),
                new AttendanceCorrected(session, List.of(present(member)), List.of(absent(member)), "Có mặt"),
                new GuestsCorrected(session, guests(5, 4, 3, 2, 1), guests(1, 2, 3, 4, 5), "Đếm lại"),
                new PerformanceCorrected(session, performance.performanceId(), 350, 300, "Đếm lại"),
                new RecordSubmitted(session, "Biên bản đã sửa"),
                new RecordReviewed(session, ReviewDecision.ACKNOWLEDGED, "Đạt"),
                scheduled(cancelled, cell, "2008-03-01T01:00:00Z"),
                new SessionCancelled(cancelled, "Mưa bão"));
        awaitProjection();
        Map<String, List<String>> incremental = rows();
        // rows no event made: the reset must clear them from every table of the projection
        String tables = registry.committedSchema(SessionViewProjection.NAME);
        jdbc.update("INSERT INTO " + tables + ".session_unit_name (unit_id, name) VALUES (?, 'không sự kiện nào')",
                UUID.randomUUID());
        jdbc.update("INSERT INTO " + tables + ".session_guest (session_id, category, attendances)"
                + " VALUES (?, 'OTHER', 9)", UUID.randomUUID());

        // Axon's own replay: reset the tokens (the reset handler clears the tables) and process the log again
        StreamingEventProcessor processor = processing.eventProcessor(SessionViewProjection.NAME,
                StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitProjection();
        await().atMost(Duration.ofSeconds(30)).until(() -> !processor.isReplaying());

        assertThat(rows()).isEqualTo(incremental);
        assertThat(incremental.get("session")).anyMatch(row -> row.contains(session.toString()));
    }

    @Test
    void aRebuildFillsTheNextGenerationWithTheSameRowsWhileReadersKeepTheirAnswersThenSwitches() throws Exception {
        UUID cell = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        PerformanceLogged performance = showing(session, cell, "Xã Tân Thuận", "2007-05-20", 800);
        publish(
                new UnitRegistered(cell, "Chi bộ Ấp 3", UnitKind.CELL, null),
                scheduled(session, cell, "2007-05-10T01:00:00Z"),
                new SessionRescheduled(session, Instant.parse("2007-05-12T01:00:00Z"),
                        Instant.parse("2007-05-10T01:00:00Z"), "Trùng lịch"),
                new AttendanceRecorded(session, List.of(absent(member), present(UUID.randomUUID()))),
                new GuestsCounted(session, guests(10, 20, 0, 1, 2)),
                performance,
                new DiscussionNoted(session, 4, "Thống nhất nghị quyết"),
                new RecordSubmitted(session, "Biên bản"),
                new RecordReviewed(session, ReviewDecision.RETURNED, "Sửa điểm danh"),
                new AttendanceCorrected(session, List.of(present(member)), List.of(absent(member)), "Có mặt"),
                new GuestsCorrected(session, guests(11, 20, 0, 1, 2), guests(10, 20, 0, 1, 2), "Đếm lại"),
                new PerformanceCorrected(session, performance.performanceId(), 850, 800, "Đếm lại"),
                new RecordSubmitted(session, "Biên bản đã sửa"),
                new RecordReviewed(session, ReviewDecision.ACKNOWLEDGED, "Đạt"),
                new UnitRenamed(cell, "Chi bộ Ấp Ba", "Chi bộ Ấp 3"),
                scheduled(cancelled, cell, "2007-06-01T01:00:00Z"),
                new SessionCancelled(cancelled, "Mưa bão"));
        // the history is read from the command side's event table, which the rebuild does not touch
        store(session, 0, UUID.randomUUID().toString(), scheduled(session, cell, "2007-05-10T01:00:00Z"),
                metadata("bithu.vhnt", "SECRETARY", "2007-05-01T02:00:00Z", "yeu-cau-9", "tuong-quan-9"),
                "2007-05-01T02:00:00Z");
        awaitProjection();
        JsonNode listBefore = get("/api/v1/sessions?size=200");
        JsonNode unitBefore = get("/api/v1/sessions?unitId=" + cell);
        Answer detailBefore = answer("/api/v1/sessions/" + session);
        Answer cancelledBefore = answer("/api/v1/sessions/" + cancelled);
        JsonNode historyBefore = get("/api/v1/sessions/" + session + "/history");
        assertThat(detailBefore.etag()).isEqualTo("\"12\"");
        assertThat(detailBefore.body().path("submission").path("submittedAt").isString()).isTrue();
        assertThat(detailBefore.body().path("review").path("reviewedAt").isString()).isTrue();
        int generation = registry.activeGeneration(SessionViewProjection.NAME);
        String oldTables = registry.committedSchema(SessionViewProjection.NAME);

        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/admin/projections/sessions-v1/rebuild"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as("%s", started.body()).isEqualTo(202);
        String status = started.headers().firstValue("Location").orElseThrow();
        assertThat(status).startsWith("/api/v1/admin/projections/sessions-v1/rebuilds/");
        assertThat(json.readTree(started.body()).path("projection").asString()).isEqualTo("sessions-v1");
        // readers keep their answers while the next generation fills, and when it takes over
        List<JsonNode> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            seen.add(answer("/api/v1/sessions/" + session).body());
            return get(status).path("state").asString().equals("DONE");
        });

        assertThat(seen).isNotEmpty().allSatisfy(view -> assertThat(view).isEqualTo(detailBefore.body()));
        assertThat(get(status).path("progress").asDouble()).isEqualTo(1.0);
        assertThat(registry.activeGeneration(SessionViewProjection.NAME)).isEqualTo(generation + 1);
        String newTables = registry.committedSchema(SessionViewProjection.NAME);
        assertThat(newTables).isNotEqualTo(oldTables);
        assertThat(get("/api/v1/sessions?size=200")).isEqualTo(listBefore);
        assertThat(get("/api/v1/sessions?unitId=" + cell)).isEqualTo(unitBefore);
        assertThat(answer("/api/v1/sessions/" + session)).isEqualTo(detailBefore);
        assertThat(answer("/api/v1/sessions/" + cancelled)).isEqualTo(cancelledBefore);
        assertThat(get("/api/v1/sessions/" + session + "/history")).isEqualTo(historyBefore);

        // the previous generation is kept until the next rebuild: both hold the same rows, row for row
        for (String table : SESSION_TABLES) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + newTables + "." + table, Long.class))
                    .as("rows of %s.%s", newTables, table).isPositive();
            assertThat(difference(oldTables, newTables, table)).as("%s.%s less %s", oldTables, table, newTables)
                    .isEmpty();
            assertThat(difference(newTables, oldTables, table)).as("%s.%s less %s", newTables, table, oldTables)
                    .isEmpty();
        }

        // the live processor carries on in the new generation, and the old one stays as it was
        publish(new GuestsCorrected(session, guests(12, 20, 0, 1, 2), guests(11, 20, 0, 1, 2), "Đếm lại lần hai"));
        awaitProjection();
        Answer after = answer("/api/v1/sessions/" + session);
        assertThat(after.etag()).isEqualTo("\"13\"");
        assertThat(guestsOf(after.body())).isEqualTo(guests(12, 20, 0, 1, 2));
        assertThat(difference(oldTables, newTables, "session")).hasSize(1);
    }

    /**
     * Publishes the events as the command side stores them: each in its aggregate's stream, in order, stamped with
     * who recorded it and when.
     */
    private void publish(Object... events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            EventStreams.Stream stream = EventStreams.of(event);
            long sequence = sequences.merge(stream.id(), 0L, (last, ignored) -> last + 1);
            Instant recordedAt = RECORDING_STARTS.plus(Duration.ofMinutes(recorded++));
            messages.add(new GenericDomainEventMessage<>(stream.type(), stream.id().toString(), sequence, event,
                    Map.of("userId", "bithu.vhnt", "role", "SECRETARY", "recordedAt", recordedAt.toString())));
        }
        eventStore.publish(messages);
    }

    /**
     * Waits until the session views reflect everything published so far: the list answers the position it
     * reflects, and the head of the log is the position of the latest event published by any test of the class.
     */
    private void awaitProjection() {
        long head = eventStore.createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode position = get("/api/v1/sessions?size=1").path("position");
            return position.isNumber() && position.asLong() >= head;
        });
    }

    /** Stores an event in the event table as the command side would, and answers its position. */
    private long store(UUID session, long sequence, String eventId, Object event, Map<String, Object> metadata,
                       String timestamp) {
        return jdbc.queryForObject("""
                INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, ?, 'Session', ?, convert_to(?, 'UTF8'), convert_to(?, 'UTF8'), '1', ?, ?)
                RETURNING global_index
                """, Long.class, session.toString(), sequence, eventId, json.writeValueAsString(metadata),
                json.writeValueAsString(event), event.getClass().getName(), timestamp);
    }

    private static Map<String, Object> metadata(String userId, String role, String recordedAt, String requestId,
                                                String correlationId) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("userId", userId);
        metadata.put("role", role);
        metadata.put("recordedAt", recordedAt);
        metadata.put("requestId", requestId);
        metadata.put("correlationId", correlationId);
        metadata.put("traceId", correlationId);
        return metadata;
    }

    private static SessionScheduled scheduled(UUID session, UUID unit, String scheduledAt) {
        return new SessionScheduled(session, List.of(unit), "Học tập và làm theo tư tưởng Hồ Chí Minh",
                Instant.parse(scheduledAt), SessionFormat.IN_PERSON, List.of("Chỉ thị số 05-CT/TW"), "Hội trường",
                null, null, null);
    }

    private static AttendanceEntry present(UUID member) {
        return new AttendanceEntry(member, AttendanceStatus.PRESENT, AttendanceMode.IN_PERSON, null);
    }

    private static AttendanceEntry online(UUID member) {
        return new AttendanceEntry(member, AttendanceStatus.PRESENT, AttendanceMode.ONLINE, null);
    }

    private static AttendanceEntry absent(UUID member) {
        return new AttendanceEntry(member, AttendanceStatus.ABSENT_UNEXCUSED, null, null);
    }

    private static PerformanceLogged showing(UUID session, UUID performer, String venue, String on, int audience) {
        return new PerformanceLogged(session, UUID.randomUUID(), "Nghĩa gia đình, tình làng xóm", "cải lương",
                performer, venue, LocalDate.parse(on), audience);
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

    private static Map<GuestCategory, Integer> guestsOf(JsonNode view) {
        Map<GuestCategory, Integer> guests = new LinkedHashMap<>();
        for (GuestCategory category : GuestCategory.values()) {
            JsonNode count = view.path("guests").path(category.name());
            assertThat(count.isNumber()).as("guests of %s in %s", category, view).isTrue();
            guests.put(category, count.asInt());
        }
        return guests;
    }

    /** Each member's entry as {@code status/mode/note}. */
    private static Map<UUID, String> attendanceOf(JsonNode view) {
        Map<UUID, String> attendance = new LinkedHashMap<>();
        for (JsonNode entry : view.path("attendance")) {
            attendance.put(UUID.fromString(entry.path("memberId").asString()),
                    entry.path("status").asString() + "/" + text(entry.path("mode")) + "/" + text(entry.path("note")));
        }
        return attendance;
    }

    private static String text(JsonNode node) {
        return node.isNull() ? "null" : node.asString();
    }

    private static List<UUID> ids(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(UUID.fromString(item.path("id").asString())));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asString()));
        return texts;
    }

    private static List<Long> longs(JsonNode array) {
        assertThat(array.isArray()).as("an array: %s", array).isTrue();
        List<Long> longs = new ArrayList<>();
        array.forEach(item -> longs.add(item.asLong()));
        return longs;
    }

    private static List<Long> positions(JsonNode items) {
        List<Long> positions = new ArrayList<>();
        items.forEach(item -> positions.add(item.path("position").asLong()));
        return positions;
    }

    /** The rows of {@code table} in schema {@code from} that schema {@code less} does not have, duplicates counted. */
    private List<String> difference(String from, String less, String table) {
        return jdbc.queryForList("SELECT t::text FROM (SELECT * FROM %1$s.%3$s EXCEPT ALL SELECT * FROM %2$s.%3$s) t"
                .formatted(from, less, table), String.class);
    }

    /** The position at which the log holds {@code payload}. */
    private long positionOf(Object payload) throws InterruptedException {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                if (message.getPayload().equals(payload)) {
                    return message.trackingToken().position().orElseThrow();
                }
            }
        }
        throw new AssertionError("not in the log: " + payload);
    }

    /** Every row of the projection's tables, as text in a fixed order. */
    private Map<String, List<String>> rows() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        String tables = registry.committedSchema(SessionViewProjection.NAME);
        for (String table : SESSION_TABLES) {
            rows.put(table, jdbc.queryForList(
                    "SELECT t::text FROM " + tables + "." + table + " t ORDER BY t::text", String.class));
        }
        return rows;
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("code").asString()).isEqualTo(code);
        assertThat(answer.body().path("status").asInt()).isEqualTo(status);
    }

    /** An HTTP answer: its status, the headers the tests look at, and its JSON body. */
    private record Answer(int status, String etag, String contentType, JsonNode body) {}

    private Answer answer(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Content-Type").orElse(""), json.readTree(response.body()));
    }

    private JsonNode get(String path) throws Exception {
        Answer answer = answer(path);
        assertThat(answer.status()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return answer.body();
    }
}
