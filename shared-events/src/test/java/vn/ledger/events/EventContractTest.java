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

    static Stream<Object> samples() {
        return Stream.of(
                new SessionScheduled(SESSION, List.of(UNIT), "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                        Instant.parse("2022-09-15T01:00:00Z"), SessionFormat.HYBRID,
                        List.of("Kết luận số 01-KL/TW"), "Hội trường Sở", "https://meet.example/abc",
                        "Đồng chí báo cáo viên", "Đồng chí dẫn chương trình"),
                new AttendanceRecorded(SESSION, List.of(
                        new AttendanceEntry(MEMBER, AttendanceStatus.PRESENT, AttendanceMode.ONLINE, null))),
                new PerformanceLogged(SESSION, PERFORMANCE, "Nghĩa gia đình, tình làng xóm", "cải lương", UNIT,
                        "Thành phố Bến Tre", LocalDate.parse("2022-08-20"), 1200));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eventJsonMatchesItsFixtureAndReadsBack(Object event) throws IOException {
        JsonNode expected = json.readTree(fixture(event.getClass().getSimpleName()));
        JsonNode actual = json.valueToTree(event);

        assertThat(actual).isEqualTo(expected);
        assertThat(json.treeToValue(expected, event.getClass())).isEqualTo(event);
    }

    @Test
    void catalogueOfEventNamesAndRevisionsIsStable() {
        Map<String, String> catalogue = new java.util.TreeMap<>();
        samples().forEach(event -> catalogue.put(event.getClass().getName(),
                event.getClass().getAnnotation(Revision.class).value()));

        assertThat(catalogue).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "vn.ledger.events.AttendanceRecorded", "1",
                "vn.ledger.events.PerformanceLogged", "1",
                "vn.ledger.events.SessionScheduled", "1")));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            assertThat(in).as("fixture %s.json", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
