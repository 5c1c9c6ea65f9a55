package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ledger.standalone.LedgerTestSupport.registerCell;
import static vn.ledger.standalone.LedgerTestSupport.schedule;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ledger.standalone.Http.Answer;

/**
 * The calendar feeds over real HTTP against a real PostgreSQL: a token made by a signed-in user opens the committee's
 * and a unit's iCalendar feeds without any other sign-in; a subscribed calendar keeps one event per session through
 * a reschedule and a cancellation; a revoked, unknown or missing token is 401; a secretary's token reads only their
 * units.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarHttpTest {

    private static final Duration VIEWS = Duration.ofSeconds(30);
    private static final String TOPIC = "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSubscribedCalendarFollowsASessionThroughItsRescheduleAndCancellationUntilTheTokenIsRevoked() {
        Http office = LedgerTestSupport.admin(port);
        Http phone = new Http(port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String cellName = "Chi bộ Nhà hát Ca múa nhạc Sông Hồng " + suffix;
        UUID cell = registerCell(office, cellName);
        // older than the feeds reach back (two years): never in a feed
        UUID longAgo = schedule(office, cell, "2020-06-10T08:00:00+07:00");
        Answer scheduled = office.post("/api/v1/sessions", """
                {"unitIds": ["%s"], "topic": "%s", "scheduledAt": "2099-03-15T08:00:00+07:00", "format": "HYBRID",
                 "venue": "Hội trường Sở Văn hóa, Thể thao và Du lịch", "onlineUrl": "https://hop.example.vn/chuyen-de",
                 "presenter": "Nguyễn Thị Hương", "host": "Trần Văn Bảy",
                 "basisDocuments": ["Nghị quyết số 01-NQ/TW", "Kết luận số 21-KL/TW"]}
                """.formatted(cell, TOPIC));
        assertThat(scheduled.status()).as(scheduled.raw()).isEqualTo(201);
        UUID session = UUID.fromString(scheduled.body().path("id").asString());

        Answer created = office.post("/api/v1/calendar-tokens", "");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String token = created.body().path("token").asString();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        List<String> feedUrls = texts(created.body().path("feedUrls"));
        String committeeFeed = "/api/v1/calendar.ics?token=" + token;
        assertThat(feedUrls).containsExactly("http://localhost:" + port + committeeFeed);
        String unitFeed = "/api/v1/units/" + cell + "/calendar.ics?token=" + token;
        // only the token's hash is kept
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM read_model.calendar_token WHERE token_hash = sha256(convert_to(?, 'UTF8'))
                """, Long.class, token)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM read_model.calendar_token t WHERE strpos(t::text, ?) > 0
                """, Long.class, token)).isZero();

        // the committee's feed, read without any sign-in
        VEvent planned = await().atMost(VIEWS).until(() -> event(feed(phone, committeeFeed), session),
                found -> found != null);
        assertThat(planned.getUid().getValue()).isEqualTo(session + "@ledger");
        assertThat(planned.getSummary().getValue()).isEqualTo(TOPIC);
        assertThat(start(planned)).isEqualTo(Instant.parse("2099-03-15T01:00:00Z"));
        assertThat(planned.getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2099-03-15T03:00:00Z"));
        assertThat(planned.getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(planned.getLocation().getValue()).isEqualTo("Hội trường Sở Văn hóa, Thể thao và Du lịch");
        assertThat(planned.getUrl().getValue()).isEqualTo("https://hop.example.vn/chuyen-de");
        assertThat(planned.getDescription().getValue())
                .contains("Đơn vị: " + cellName)
                .contains("Hình thức: Trực tiếp kết hợp trực tuyến")
                .contains("Báo cáo viên: Nguyễn Thị Hương")
                .contains("Chủ trì: Trần Văn Bảy")
                .contains("Văn bản căn cứ: Nghị quyết số 01-NQ/TW; Kết luận số 21-KL/TW");
        ICalendar committee = feed(phone, committeeFeed);
        assertThat(committee.getExperimentalProperty("X-WR-CALNAME").getValue())
                .isEqualTo("Lịch sinh hoạt chuyên đề của Đảng bộ");
        assertThat(event(committee, longAgo)).isNull();

        // the unit's feed
        ICalendar unit = feed(phone, unitFeed);
        assertThat(unit.getExperimentalProperty("X-WR-CALNAME").getValue())
                .isEqualTo("Lịch sinh hoạt chuyên đề – " + cellName);
        assertThat(uids(unit)).containsExactly(session + "@ledger");

        // a reschedule moves the same event
        Answer rescheduled = office.post("/api/v1/sessions/" + session + "/reschedule", """
                {"scheduledAt": "2099-04-02T14:00:00+07:00", "reason": "Trùng lịch Hội nghị Tỉnh ủy"}
                """);
        assertThat(rescheduled.status()).as(rescheduled.raw()).isEqualTo(200);
        VEvent moved = await().atMost(VIEWS).until(() -> event(feed(phone, unitFeed), session),
                found -> found != null && start(found).equals(Instant.parse("2099-04-02T07:00:00Z")));
        assertThat(moved.getUid().getValue()).isEqualTo(session + "@ledger");
        assertThat(moved.getSequence().getValue()).isGreaterThan(planned.getSequence().getValue());
        assertThat(moved.getStatus().getValue()).isEqualTo("CONFIRMED");

        // a cancellation cancels the same event
        Answer cancelled = office.post("/api/v1/sessions/" + session + "/cancel", """
                {"reason": "Bão số 3 đổ bộ"}
                """);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        VEvent gone = await().atMost(VIEWS).until(() -> event(feed(phone, committeeFeed), session),
                found -> found != null && found.getStatus().isCancelled());
        assertThat(gone.getUid().getValue()).isEqualTo(session + "@ledger");
        assertThat(gone.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(gone.getSequence().getValue()).isGreaterThan(moved.getSequence().getValue());
        assertThat(start(gone)).isEqualTo(Instant.parse("2099-04-02T07:00:00Z"));
        assertThat(gone.getDescription().getValue()).startsWith("ĐÃ HỦY. Lý do: Bão số 3 đổ bộ");
        assertThat(event(feed(phone, unitFeed), session).getStatus().isCancelled()).isTrue();

        // revoked: its feeds are 401, and it stays revoked
        assertThat(office.delete("/api/v1/calendar-tokens/" + token).status()).isEqualTo(204);
        assertInvalidFeedToken(phone.get(committeeFeed));
        assertInvalidFeedToken(phone.get(unitFeed));
        assertThat(office.delete("/api/v1/calendar-tokens/" + token).status()).isEqualTo(204);
        assertInvalidFeedToken(phone.get(committeeFeed));

        // unknown, malformed and missing tokens
        assertInvalidFeedToken(phone.get("/api/v1/calendar.ics?token=" + "A".repeat(43)));
        assertInvalidFeedToken(phone.get("/api/v1/calendar.ics?token=not-a-token"));
        assertInvalidFeedToken(phone.get("/api/v1/calendar.ics"));
        assertInvalidFeedToken(phone.get("/api/v1/units/" + cell + "/calendar.ics"));
        // the token is checked before the path: nothing is learnt without one
        assertInvalidFeedToken(phone.get("/api/v1/units/not-a-uuid/calendar.ics"));
        assertThat(office.get("/actuator/prometheus").raw())
                .contains("ledger_security_denials_total{code=\"invalid-feed-token\"");

        // a new token works beside the revoked one
        String fresh = office.post("/api/v1/calendar-tokens", "").body().path("token").asString();
        assertThat(fresh).isNotEqualTo(token);
        assertThat(uids(feed(phone, "/api/v1/calendar.ics?token=" + fresh))).contains(session + "@ledger");
        assertInvalidFeedToken(phone.get(committeeFeed));
    }

    @Test
    void aSecretarysTokenReadsOnlyTheirUnitsAndOnlyItsOwnerRevokesIt() {
        Http office = LedgerTestSupport.admin(port);
        Http phone = new Http(port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID mine = registerCell(office, "Chi bộ Thư viện tỉnh " + suffix);
        UUID other = registerCell(office, "Chi bộ Bảo tàng tỉnh " + suffix);
        Http secretary = LedgerTestSupport.user(office, "bithu-lich-" + suffix, "SECRETARY", mine);
        Http auditor = LedgerTestSupport.user(office, "kiemtra-lich-" + suffix, "AUDITOR");
        UUID mySession = schedule(secretary, mine, "2099-05-10T08:00:00+07:00");
        UUID otherSession = schedule(office, other, "2099-05-12T08:00:00+07:00");
        Answer joint = office.post("/api/v1/sessions", """
                {"unitIds": ["%s", "%s"], "topic": "Sinh hoạt chuyên đề liên chi bộ",
                 "scheduledAt": "2099-05-20T08:00:00+07:00", "format": "IN_PERSON", "venue": "Hội trường Sở",
                 "basisDocuments": ["Kết luận số 01-KL/TW"]}
                """.formatted(other, mine));
        assertThat(joint.status()).as(joint.raw()).isEqualTo(201);
        UUID jointSession = UUID.fromString(joint.body().path("id").asString());

        Answer secretaryToken = secretary.post("/api/v1/calendar-tokens", "");
        assertThat(secretaryToken.status()).as(secretaryToken.raw()).isEqualTo(201);
        String token = secretaryToken.body().path("token").asString();
        String base = "http://localhost:" + port;
        assertThat(texts(secretaryToken.body().path("feedUrls"))).containsExactly(
                base + "/api/v1/calendar.ics?token=" + token,
                base + "/api/v1/units/" + mine + "/calendar.ics?token=" + token);
        // every role makes its own tokens
        Answer auditorToken = auditor.post("/api/v1/calendar-tokens", "");
        assertThat(auditorToken.status()).as(auditorToken.raw()).isEqualTo(201);
        String auditorFeed = "/api/v1/calendar.ics?token=" + auditorToken.body().path("token").asString();
        assertThat(new Http(port).post("/api/v1/calendar-tokens", "").status()).isEqualTo(401);

        await().atMost(VIEWS).untilAsserted(() -> assertThat(uids(feed(phone, auditorFeed)))
                .contains(mySession + "@ledger", otherSession + "@ledger", jointSession + "@ledger"));

        // their committee feed holds their units' sessions only, the joint one included
        ICalendar committee = feed(phone, "/api/v1/calendar.ics?token=" + token);
        assertThat(uids(committee)).containsExactly(mySession + "@ledger", jointSession + "@ledger");
        assertThat(committee.getExperimentalProperty("X-WR-CALNAME").getValue())
                .isEqualTo("Lịch sinh hoạt chuyên đề của các đơn vị tôi phụ trách");
        assertThat(uids(feed(phone, "/api/v1/units/" + mine + "/calendar.ics?token=" + token)))
                .containsExactly(mySession + "@ledger", jointSession + "@ledger");

        // another unit's feed, existing or not, is forbidden to them; to others an unknown unit is 404
        assertProblem(phone.get("/api/v1/units/" + other + "/calendar.ics?token=" + token), 403, "forbidden-unit");
        UUID unknown = UUID.randomUUID();
        assertProblem(phone.get("/api/v1/units/" + unknown + "/calendar.ics?token=" + token), 403, "forbidden-unit");
        assertProblem(phone.get("/api/v1/units/" + unknown + "/calendar.ics?" + auditorFeed.split("\\?")[1]), 404,
                "unit-not-found");
        assertProblem(phone.get("/api/v1/units/not-a-uuid/calendar.ics?token=" + token), 400, "invalid-parameter");
        assertThat(uids(feed(phone, "/api/v1/units/" + other + "/calendar.ics?" + auditorFeed.split("\\?")[1])))
                .containsExactly(otherSession + "@ledger", jointSession + "@ledger");

        // only its owner revokes a token: another user's, or an unknown one, is 404 and changes nothing
        assertProblem(auditor.delete("/api/v1/calendar-tokens/" + token), 404, "calendar-token-not-found");
        assertProblem(office.delete("/api/v1/calendar-tokens/" + token), 404, "calendar-token-not-found");
        assertProblem(secretary.delete("/api/v1/calendar-tokens/" + "B".repeat(43)), 404,
                "calendar-token-not-found");
        assertProblem(secretary.delete("/api/v1/calendar-tokens/short"), 404, "calendar-token-not-found");
        assertThat(phone.get("/api/v1/calendar.ics?token=" + token).status()).isEqualTo(200);
        assertThat(secretary.delete("/api/v1/calendar-tokens/" + token).status()).isEqualTo(204);
        assertInvalidFeedToken(phone.get("/api/v1/calendar.ics?token=" + token));
        assertThat(phone.get(auditorFeed).status()).isEqualTo(200);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void noTokenEverReachesTheLog(CapturedOutput log) {
        Http office = LedgerTestSupport.admin(port);
        String username = "kiemtra-nhatky-" + UUID.randomUUID().toString().substring(0, 8);
        Http user = LedgerTestSupport.user(office, username, "AUDITOR");
        String token = user.post("/api/v1/calendar-tokens", "").body().path("token").asString();
        String revoked = user.post("/api/v1/calendar-tokens", "").body().path("token").asString();
        assertThat(user.delete("/api/v1/calendar-tokens/" + revoked).status()).isEqualTo(204);

        // denied for a wrong password: the command side logs the denial with its path
        Answer wrongPassword = new Http(port).as(username, "wrong-password").delete("/api/v1/calendar-tokens/" + token);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertProblem(new Http(port).get("/api/v1/calendar.ics?token=" + revoked), 401, "invalid-feed-token");
        assertProblem(new Http(port).get("/api/v1/units/" + UUID.randomUUID() + "/calendar.ics?token=" + revoked),
                401, "invalid-feed-token");
        assertThat(new Http(port).get("/api/v1/calendar.ics?token=" + token).status()).isEqualTo(200);

        assertThat(log.getAll()).contains("Denied (unauthorized): DELETE /api/v1/calendar-tokens/***")
                .contains("Denied (invalid-feed-token): GET /api/v1/calendar.ics by anonymous")
                .doesNotContain(token).doesNotContain(revoked);
    }

    @Test
    void theOpenApiDocumentDescribesTheCalendarEndpointsWithExamples() {
        JsonNode paths = LedgerTestSupport.admin(port).get("/v3/api-docs").body().path("paths");

        assertThat(paths.propertyNames()).contains("/api/v1/calendar.ics", "/api/v1/units/{unitId}/calendar.ics",
                "/api/v1/calendar-tokens", "/api/v1/calendar-tokens/{token}");
        assertThat(paths.path("/api/v1/calendar.ics").path("get").path("responses").path("200").path("content")
                .path("text/calendar").toString()).contains("STATUS:CONFIRMED");
        assertThat(paths.path("/api/v1/calendar-tokens").path("post").path("responses").path("201").toString())
                .contains("feedUrls");
        assertThat(paths.path("/api/v1/units/{unitId}/calendar.ics").path("get").path("responses").path("403")
                .toString()).contains("forbidden-unit");
    }

    /** The feed at {@code path}, which must be a 200 iCalendar in UTF-8, parsed by biweekly. */
    private static ICalendar feed(Http client, String path) {
        Answer answer = client.get(path);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/calendar");
        assertThat(answer.contentType().toLowerCase(java.util.Locale.ROOT).replace(" ", ""))
                .contains(";charset=utf-8");
        ICalendar calendar = Biweekly.parse(answer.raw()).first();
        assertThat(calendar).as(answer.raw()).isNotNull();
        return calendar;
    }

    /** The session's event, or {@code null} while the feed does not have it. */
    private static VEvent event(ICalendar calendar, UUID session) {
        return calendar.getEvents().stream()
                .filter(event -> event.getUid().getValue().equals(session + "@ledger"))
                .findFirst().orElse(null);
    }

    private static List<String> uids(ICalendar calendar) {
        return calendar.getEvents().stream().map(event -> event.getUid().getValue()).toList();
    }

    private static Instant start(VEvent event) {
        return event.getDateStart().getValue().toInstant();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asString()));
        return texts;
    }

    private static void assertInvalidFeedToken(Answer answer) {
        assertProblem(answer, 401, "invalid-feed-token");
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo(code);
    }
}
