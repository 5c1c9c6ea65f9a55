package vn.ledger.query.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The feed as a calendar app reads it: parsed back by biweekly, and written within RFC 5545's line limits. */
class CalendarFeedTest {

    private static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");
    private static final UUID SESSION = UUID.fromString("3f1c2b9e-5a7d-4c1e-9b2a-0d6e8f4a1c37");
    private static final String TOPIC = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; "
            + "chuyên đề năm 2026 về xây dựng Đảng bộ trong sạch, vững mạnh";

    private static FeedSession session(String status, String cancelReason, long version) {
        return new FeedSession(SESSION, TOPIC, Instant.parse("2026-09-15T01:00:00Z"), "HYBRID",
                "Hội trường Sở Văn hóa, Thể thao và Du lịch", "https://hop.example.vn/chuyen-de", "Nguyễn Thị Hương",
                "Trần Văn Bảy", List.of("Nghị quyết số 01-NQ/TW", "Kết luận số 21-KL/TW"), status, cancelReason,
                version, Instant.parse("2026-09-10T03:15:00Z"),
                List.of("Chi bộ Thư viện tỉnh", "Chi bộ Bảo tàng tỉnh"));
    }

    private static ICalendar parse(byte[] feed) {
        return Biweekly.parse(new String(feed, StandardCharsets.UTF_8)).first();
    }

    @Test
    void aPlannedSessionIsOneConfirmedEventWithItsVietnameseTextsIntact() {
        ICalendar calendar = parse(CalendarFeed.write("Lịch sinh hoạt chuyên đề – Chi bộ Thư viện tỉnh",
                "Các buổi sinh hoạt chuyên đề", List.of(session("PLANNED", null, 0)), NOW));

        assertThat(calendar.getExperimentalProperty("X-WR-CALNAME").getValue())
                .isEqualTo("Lịch sinh hoạt chuyên đề – Chi bộ Thư viện tỉnh");
        assertThat(calendar.getMethod().getValue()).isEqualTo("PUBLISH");
        VEvent event = calendar.getEvents().get(0);
        assertThat(event.getUid().getValue()).isEqualTo(SESSION + "@ledger");
        assertThat(event.getSummary().getValue()).isEqualTo(TOPIC);
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2026-09-15T01:00:00Z"));
        assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2026-09-15T03:00:00Z"));
        assertThat(event.getDateTimeStamp().getValue().toInstant()).isEqualTo(NOW);
        assertThat(event.getLastModified().getValue().toInstant()).isEqualTo(Instant.parse("2026-09-10T03:15:00Z"));
        assertThat(event.getSequence().getValue()).isZero();
        assertThat(event.getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(event.getLocation().getValue()).isEqualTo("Hội trường Sở Văn hóa, Thể thao và Du lịch");
        assertThat(event.getUrl().getValue()).isEqualTo("https://hop.example.vn/chuyen-de");
        assertThat(event.getDescription().getValue().split("\n")).containsExactly(
                "Trạng thái: Đã lên lịch",
                "Đơn vị: Chi bộ Thư viện tỉnh, Chi bộ Bảo tàng tỉnh",
                "Hình thức: Trực tiếp kết hợp trực tuyến",
                "Địa điểm: Hội trường Sở Văn hóa, Thể thao và Du lịch",
                "Đường dẫn trực tuyến: https://hop.example.vn/chuyen-de",
                "Báo cáo viên: Nguyễn Thị Hương",
                "Chủ trì: Trần Văn Bảy",
                "Văn bản căn cứ: Nghị quyết số 01-NQ/TW; Kết luận số 21-KL/TW");
    }

    @Test
    void aCancelledSessionKeepsItsUidAndIsCancelledWithItsReason() {
        VEvent event = parse(CalendarFeed.write("Lịch", "Lịch", List.of(session("CANCELLED", "Bão số 3", 2)), NOW))
                .getEvents().get(0);

        assertThat(event.getUid().getValue()).isEqualTo(SESSION + "@ledger");
        assertThat(event.getStatus().isCancelled()).isTrue();
        assertThat(event.getSequence().getValue()).isEqualTo(2);
        assertThat(event.getDescription().getValue()).startsWith("ĐÃ HỦY. Lý do: Bão số 3\n");
    }

    @Test
    void everyLineIsAtMost75OctetsAndEndsInCrLfWithoutSplittingACharacter() {
        String name = "Lịch sinh hoạt chuyên đề – Chi bộ Trung tâm Văn hóa Nghệ thuật tỉnh Đồng Tháp";
        byte[] feed = CalendarFeed.write(name, "Các buổi sinh hoạt chuyên đề", List.of(session("PLANNED", null, 0)),
                NOW);
        String text = new String(feed, StandardCharsets.UTF_8);

        assertThat(Arrays.equals(text.getBytes(StandardCharsets.UTF_8), feed)).as("valid UTF-8").isTrue();
        assertThat(text).endsWith("END:VCALENDAR\r\n").doesNotContain("\r\n\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(text.replace("\r\n ", "")).contains("X-WR-CALNAME:" + name + "\r\n");
    }

    @Test
    void aLineOfFourOctetCharactersIsFoldedBetweenThem() {
        String line = "SUMMARY:" + "😀".repeat(40) + "\r\n";

        String folded = CalendarFeed.fold(line);

        assertThat(folded.replace("\r\n ", "")).isEqualTo(line);
        for (String part : folded.split("\r\n")) {
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(part.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))
                    .as("no lone surrogate").isTrue();
        }
    }
}
