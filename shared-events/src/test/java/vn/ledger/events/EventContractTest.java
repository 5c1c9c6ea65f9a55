package vn.ledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published contract: every event's JSON matches its fixture, reads back to an equal event, and the catalogue
 * of event names and revisions changes only on purpose.
 */
class EventContractTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    private static final UUID SESSION = UUID.fromString("5e55a0b0-0000-4000-8000-000000000001");
    private static final UUID UNIT = UUID.fromString("0a170000-0000-4000-8000-000000000009");
    private static final UUID MEMBER = UUID.fromString("3e3be000-0000-4000-8000-000000000042");
    private static final UUID PERFORMANCE = UUID.fromString("9e4f0000-0000-4000-8000-000000000007");
    private static final UUID PARENT = UUID.fromString("0a170000-0000-4000-8000-000000000001");
    private static final UUID COMMENDATION = UUID.fromString("c0aae000-0000-4000-8000-000000000003");

    static Stream<Object> samples() {
        return Stream.of(
                new SessionScheduled(SESSION, List.of(UNIT), "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                        Instant.parse("2022-09-15T01:00:00Z"), SessionFormat.HYBRID,
                        List.of("Kết luận số 01-KL/TW"), "Hội trường Sở", "https://meet.example/abc",
                        "Đồng chí báo cáo viên", "Đồng chí dẫn chương trình"),
                new AttendanceRecorded(SESSION, List.of(
                        new AttendanceEntry(MEMBER, AttendanceStatus.PRESENT, AttendanceMode.ONLINE, null))),
                new PerformanceLogged(SESSION, PERFORMANCE, "Nghĩa gia đình, tình làng xóm", "cải lương", UNIT,
                        "Thành phố Bến Tre", LocalDate.parse("2022-08-20"), 1200),
                new UnitRegistered(UNIT, "Chi bộ Trung tâm Văn hóa Nghệ thuật", UnitKind.CELL, PARENT),
                new UnitRenamed(UNIT, "Chi bộ Trung tâm Văn hóa - Nghệ thuật", "Chi bộ Trung tâm Văn hóa Nghệ thuật"),
                new UnitMerged(UNIT, PARENT, LocalDate.parse("2023-01-01"), List.of(MEMBER)),
                new UnitCommended(UNIT, COMMENDATION, CommendationKind.PRAISE, "Mô hình sân khấu hóa chuyên đề",
                        SESSION),
                new MemberAdmitted(MEMBER, "Nguyễn Văn An", UNIT, MemberStatus.PROBATIONARY,
                        LocalDate.parse("2021-05-19"), "93.012345", LocalDate.parse("1990-03-02"), "0912 345 678"),
                new MemberTransferred(MEMBER, UNIT, PARENT, LocalDate.parse("2022-10-01")),
                new ExemptionGranted(MEMBER, LocalDate.parse("2022-07-01"), LocalDate.parse("2022-12-31"),
                        "Sức khỏe"),
                new SessionRescheduled(SESSION, Instant.parse("2022-09-16T01:00:00Z"),
                        Instant.parse("2022-09-15T01:00:00Z"), "Trùng lịch công tác"),
                new SessionCancelled(SESSION, "Bão"),
                new GuestsCounted(SESSION, guests(120, 45)),
                new DiscussionNoted(SESSION, 7, "Các ý kiến thống nhất"),
                new RecordSubmitted(SESSION, "Biên bản sinh hoạt chuyên đề quý III"),
                new AttendanceCorrected(SESSION,
                        List.of(new AttendanceEntry(MEMBER, AttendanceStatus.ABSENT_EXCUSED, null, "có báo trước")),
                        java.util.Arrays.asList((AttendanceEntry) null), "Ghi nhầm"),
                new GuestsCorrected(SESSION, guests(130, 45), guests(120, 45), "Đếm lại"),
                new PerformanceCorrected(SESSION, PERFORMANCE, 1250, 1200, "Cộng sót một suất"),
                new RecordReviewed(SESSION, ReviewDecision.RETURNED, "Bổ sung danh sách vắng"));
    }

    private static Map<GuestCategory, Integer> guests(int publicCount, int civilServants) {
        return Map.of(GuestCategory.PUBLIC, publicCount, GuestCategory.CIVIL_SERVANTS, civilServants,
                GuestCategory.CULTURE_OFFICIALS, 0, GuestCategory.CLUB_REPRESENTATIVES, 12, GuestCategory.OTHER, 0);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eventJsonMatchesItsFixtureAndReadsBack(Object event) throws IOException {
        JsonNode expected = json.readTree(fixture(event.getClass().getSimpleName(), event));
        JsonNode actual = json.valueToTree(event);

        assertThat(actual).isEqualTo(expected);
        assertThat(json.treeToValue(expected, event.getClass())).isEqualTo(event);
    }

    @Test
    void catalogueOfEventNamesAndRevisionsIsStable() {
        Map<String, String> catalogue = new java.util.TreeMap<>();
        samples().forEach(event -> catalogue.put(event.getClass().getName(),
                event.getClass().getAnnotation(Revision.class).value()));

        Map<String, String> expected = new java.util.TreeMap<>();
        for (String name : List.of("AttendanceCorrected", "AttendanceRecorded", "DiscussionNoted", "ExemptionGranted",
                "GuestsCorrected", "GuestsCounted", "MemberAdmitted", "MemberTransferred", "PerformanceCorrected",
                "PerformanceLogged", "RecordReviewed", "RecordSubmitted", "SessionCancelled", "SessionRescheduled",
                "SessionScheduled", "UnitCommended", "UnitMerged", "UnitRegistered", "UnitRenamed")) {
            expected.put("vn.ledger.events." + name, "1");
        }
        expected.put("vn.ledger.events.MemberAdmitted", "2");
        assertThat(catalogue).containsExactlyEntriesOf(expected);
    }

    @Test
    void memberAdmittedOfRevisionOneReadsWithoutTheDetailsOfRevisionTwo() throws IOException {
        MemberAdmitted read = json.readValue(fixture("MemberAdmitted.r1"), MemberAdmitted.class);

        assertThat(read).isEqualTo(new MemberAdmitted(MEMBER, "Nguyễn Văn An", UNIT, MemberStatus.PROBATIONARY,
                LocalDate.parse("2021-05-19")));
        assertThat(read.cardNumber()).isNull();
    }

    /** Run with -Dfixtures.write=true once to write the fixture of a new event; then read and commit it. */
    private static String fixture(String name, Object event) throws IOException {
        if (Boolean.getBoolean("fixtures.write")) {
            java.nio.file.Path file = java.nio.file.Path.of("src/test/resources/fixtures", name + ".json");
            if (!java.nio.file.Files.exists(file)) {
                java.nio.file.Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(event)
                        + "\n");
            }
        }
        return fixture(name);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            assertThat(in).as("fixture %s.json", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
