package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ledger.standalone.LedgerTestSupport.admit;
import static vn.ledger.standalone.LedgerTestSupport.registerCell;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ledger.standalone.Http.Answer;
import vn.ledger.standalone.Http.Download;

/**
 * The attendance sheet of a session over two cells, and its checklist with the name search, over HTTP with a real
 * PostgreSQL. The roster has members with stacked diacritics (one admitted with a decomposed name), one exempt on
 * the session's date, one transferred out before it, one admitted after it and one of another cell. The PDF is read
 * back with PDFBox and the spreadsheet with fastexcel-reader, not with the libraries that wrote them. Copies are kept
 * in {@code deploy/standalone/target/attendance-sheet*} for a reviewer to open.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AttendanceSheetHttpTest {

    private static final String TOPIC = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh";
    private static final String VENUE = "Hội trường Sở Văn hóa, Thể thao và Du lịch";
    private static final String ONLINE_URL = "https://hop.example.vn/chuyen-de-quy-3";
    private static final String PRESENTER = "Đồng chí Nguyễn Văn Báo";
    private static final String HOST = "Đồng chí Trần Thị Hạnh";
    /** Those expected on 2022-09-15, in Vietnamese order: by given name (A, Ánh, Đặng, Hường, Toan, Tuyết). */
    private static final List<String> EXPECTED = List.of("Nguyễn Văn A", "Dương Thị Ngọc Ánh", "Trần Văn Đặng",
            "Lê Thị Hường", "Phan Van Toan", "Nguyễn Thị Ánh Tuyết");
    private static final String EXEMPT = "Võ Thị Miễn";
    private static final String TRANSFERRED = "Đỗ Văn Chuyển";
    private static final String LATER = "Hồ Thị Mới";
    private static final String ELSEWHERE = "Bùi Văn Khác";
    private static final List<String> GUEST_CATEGORIES = List.of("Quần chúng", "Cán bộ, công chức, viên chức",
            "Cán bộ văn hóa – xã hội cơ sở", "Đại diện CLB “Gia đình phát triển bền vững”", "Khác");
    private static final Path KEPT = Path.of("target");
    private static final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
    }

    @LocalServerPort
    int port;

    private Http office;
    private String suffix;
    private UUID centre;
    private UUID library;
    private UUID museum;
    private UUID session;
    private UUID dang;

    /** Two cells with the session, a third without; the roster as the class comment says. */
    @BeforeEach
    void setUp() {
        office = LedgerTestSupport.admin(port);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        centre = registerCell(office, "Chi bộ Trung tâm Văn hóa Nghệ thuật " + suffix);
        library = registerCell(office, "Chi bộ Thư viện " + suffix);
        museum = registerCell(office, "Chi bộ Bảo tàng " + suffix);
        admit(office, centre, "Nguyễn Thị Ánh Tuyết", LocalDate.parse("2010-05-19"));
        dang = admit(office, centre, "Trần Văn Đặng", LocalDate.parse("2012-03-02"));
        admit(office, centre, "Nguyễn Văn A", LocalDate.parse("2015-09-01"));
        // typed on a keyboard that sends combining marks: the sheet shows it composed
        admit(office, library, Normalizer.normalize("Dương Thị Ngọc Ánh", Normalizer.Form.NFD),
                LocalDate.parse("2016-01-08"));
        admit(office, library, "Lê Thị Hường", LocalDate.parse("2011-11-11"));
        admit(office, library, "Phan Van Toan", LocalDate.parse("2019-02-03"));
        UUID exempt = admit(office, centre, EXEMPT, LocalDate.parse("2009-06-01"));
        assertThat(office.post("/api/v1/members/" + exempt + "/exemptions", """
                {"from": "2022-09-01", "to": "2022-12-31", "reason": "Sức khỏe"}
                """).status()).isEqualTo(201);
        UUID transferred = admit(office, library, TRANSFERRED, LocalDate.parse("2013-04-01"));
        Answer transfer = office.post("/api/v1/members/" + transferred + "/transfer", """
                {"toUnitId": "%s", "effectiveOn": "2022-08-01"}
                """.formatted(museum));
        assertThat(transfer.status()).as(transfer.raw()).isEqualTo(200);
        admit(office, centre, LATER, LocalDate.parse("2022-10-01"));
        admit(office, museum, ELSEWHERE, LocalDate.parse("2014-07-07"));

        Answer scheduled = office.post("/api/v1/sessions", """
                {"unitIds": ["%s", "%s"], "topic": "%s", "scheduledAt": "2022-09-15T08:00:00+07:00",
                 "format": "HYBRID", "venue": "%s", "onlineUrl": "%s", "presenter": "%s", "host": "%s",
                 "basisDocuments": ["Kết luận số 01-KL/TW"]}
                """.formatted(centre, library, TOPIC, VENUE, ONLINE_URL, PRESENTER, HOST));
        assertThat(scheduled.status()).as(scheduled.raw()).isEqualTo(201);
        session = UUID.fromString(scheduled.body().path("id").asString());

        // the views are eventually consistent: wait until the checklist shows the whole roster
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer checklist = office.get(checklist(""));
            assertThat(checklist.status()).as(checklist.raw()).isEqualTo(200);
            assertThat(names(checklist.body().path("expected"))).isEqualTo(EXPECTED);
            assertThat(names(checklist.body().path("exempt"))).containsExactly(EXEMPT);
        });
    }

    @Test
    void thePdfListsTheExpectedMembersToSignAndTheExemptOnesApartWithTheSessionsDetails() throws IOException {
        Download sheet = office.download(sheet("pdf"), Map.of());

        assertThat(sheet.status()).as(sheet.text()).isEqualTo(200);
        assertThat(sheet.contentType()).isEqualTo("application/pdf");
        assertThat(sheet.contentDisposition()).startsWith("attachment; filename=\"danh-sach-du-sinh-hoat-2022-09-15-"
                + "chi-bo-trung-tam-van-hoa-nghe-thuat-" + suffix)
                .contains(".pdf\"; filename*=UTF-8''Danh%20s%C3%A1ch");
        Files.write(KEPT.resolve("attendance-sheet.pdf"), sheet.body());
        String text = pdfText(sheet.body());

        assertThat(text).contains("DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT CHUYÊN ĐỀ",
                "Chi bộ Trung tâm Văn hóa Nghệ thuật " + suffix + "; Chi bộ Thư viện " + suffix,
                "Chuyên đề: " + TOPIC, "Thời gian: 15/09/2022 08:00", "Hình thức: Trực tiếp kết hợp trực tuyến",
                "Địa điểm: " + VENUE, "Đường dẫn trực tuyến: " + ONLINE_URL, "Báo cáo viên: " + PRESENTER,
                "Chủ trì / dẫn chương trình: " + HOST, "STT", "Họ và tên", "Đơn vị", "Ký tên", "Ghi chú",
                "NGƯỜI GHI BIÊN BẢN", "BÍ THƯ CHI BỘ", "Trang 1/");
        String expectedSection = between(text, "I. Đảng viên dự sinh hoạt (6 đồng chí)",
                "II. Đảng viên miễn sinh hoạt (1 đồng chí)");
        String exemptSection = between(text, "II. Đảng viên miễn sinh hoạt (1 đồng chí)", "III. Khách mời");
        String guestSection = text.substring(text.indexOf("III. Khách mời"));
        assertInOrder(expectedSection, EXPECTED);
        assertThat(expectedSection).doesNotContain(EXEMPT);
        assertThat(exemptSection).contains(EXEMPT, "01/09/2022 – 31/12/2022");
        for (String name : EXPECTED) {
            assertThat(exemptSection).doesNotContain(name);
        }
        assertThat(text).doesNotContain(TRANSFERRED).doesNotContain(LATER).doesNotContain(ELSEWHERE);
        for (int i = 0; i < GUEST_CATEGORIES.size(); i++) {
            assertThat(guestSection).contains((i + 1) + ". " + GUEST_CATEGORIES.get(i));
        }
        assertThat(guestSection).contains("Cộng: ........ người", "Tổng số: đảng viên có mặt ........ / 6 đồng chí");
    }

    @Test
    void theSpreadsheetHasTheSameMembersInTheSameOrder() throws IOException {
        Download sheet = office.download(sheet("xlsx"), Map.of());

        assertThat(sheet.status()).as(sheet.text()).isEqualTo(200);
        assertThat(sheet.contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(sheet.contentDisposition()).contains(".xlsx\"; filename*=UTF-8''").endsWith(".xlsx");
        Files.write(KEPT.resolve("attendance-sheet.xlsx"), sheet.body());

        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(sheet.body()));
             Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            stream.forEach(row -> rows.add(List.of(cell(row, 0), cell(row, 1), cell(row, 2))));
        }
        int header = rows.indexOf(List.of("STT", "Họ và tên", "Đơn vị"));
        assertThat(header).isPositive();
        List<String> names = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (List<String> row : rows.subList(header + 1, rows.size())) {
            if (!row.get(0).matches("\\d+")) {
                break;
            }
            names.add(row.get(1));
            units.add(row.get(2));
        }
        assertThat(names).isEqualTo(EXPECTED);
        assertThat(units).containsExactly("Chi bộ Trung tâm Văn hóa Nghệ thuật " + suffix,
                "Chi bộ Thư viện " + suffix, "Chi bộ Trung tâm Văn hóa Nghệ thuật " + suffix,
                "Chi bộ Thư viện " + suffix, "Chi bộ Thư viện " + suffix, "Chi bộ Trung tâm Văn hóa Nghệ thuật "
                        + suffix);
        List<String> firstCells = rows.stream().map(row -> row.get(0)).toList();
        assertThat(firstCells).contains("II. Đảng viên miễn sinh hoạt (1 đồng chí)", "III. Khách mời",
                "4. Đại diện CLB “Gia đình phát triển bền vững”");
        assertThat(rows.stream().map(row -> row.get(1)).toList()).contains(EXEMPT).doesNotContain(TRANSFERRED, LATER,
                ELSEWHERE);
    }

    @Test
    void englishWhenAskedForByParameterOrByAcceptLanguage() throws IOException {
        Download byParameter = office.download(sheet("pdf") + "&lang=en", Map.of());
        Download byHeader = office.download(sheet("pdf"), Map.of("Accept-Language", "en-GB,en;q=0.9"));
        Download vietnameseFirst = office.download(sheet("pdf"), Map.of("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.8"));

        for (Download english : List.of(byParameter, byHeader)) {
            assertThat(english.status()).as(english.text()).isEqualTo(200);
            assertThat(english.contentDisposition()).startsWith("attachment; filename=\"attendance-sheet-2022-09-15-");
            assertThat(pdfText(english.body())).contains("ATTENDANCE SHEET OF THE THEMATIC SESSION",
                    "I. Members expected (6)", "II. Members exempt from Party activities (1)",
                    "Presenter: " + PRESENTER,
                    "Public (non-members)", "MINUTE-TAKER", "Page 1/").contains(EXPECTED);
        }
        Files.write(KEPT.resolve("attendance-sheet-en.pdf"), byParameter.body());
        assertThat(pdfText(vietnameseFirst.body())).contains("DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT CHUYÊN ĐỀ");
    }

    @Test
    void badParametersAndUnknownSessionsAreProblems() throws IOException {
        assertProblem(office.download(sheet("docx"), Map.of()), 400, "invalid-parameter", "format");
        // a client asking for a PDF still gets the problem as JSON
        assertProblem(office.download(sheet("docx"), Map.of("Accept", "application/pdf")), 400, "invalid-parameter",
                "format");
        assertProblem(office.download(sheet("pdf") + "&lang=fr", Map.of()), 400, "invalid-parameter", "lang");
        assertProblem(office.download("/api/v1/sessions/not-a-uuid/attendance-sheet", Map.of()), 400,
                "invalid-parameter", null);
        UUID unknown = UUID.randomUUID();
        assertThat(office.get("/api/v1/sessions/" + unknown).code()).isEqualTo("session-not-found");
        assertProblem(office.download("/api/v1/sessions/" + unknown + "/attendance-sheet", Map.of()), 404,
                "session-not-found", null);
        assertProblem(office.download("/api/v1/sessions/" + unknown + "/expected-members", Map.of()), 404,
                "session-not-found", null);
        assertProblem(office.download(checklist("x".repeat(101)), Map.of()), 400, "invalid-parameter", "q");
        assertThat(office.download("/api/v1/sessions/" + session + "/attendance-sheet", Map.of()).contentType())
                .as("pdf by default").isEqualTo("application/pdf");
    }

    @Test
    void aSecretaryOfAnotherCellIsRefusedAsForTheSessionDetail() throws IOException {
        Http otherSecretary = LedgerTestSupport.user(office, "bithu-bao-tang-" + suffix, "SECRETARY", museum);
        Http ownSecretary = LedgerTestSupport.user(office, "bithu-thu-vien-" + suffix, "SECRETARY", library);

        Answer detail = otherSecretary.get("/api/v1/sessions/" + session);
        assertThat(detail.status()).isEqualTo(403);
        assertProblem(otherSecretary.download(sheet("pdf"), Map.of()), detail.status(), detail.code(), null);
        assertProblem(otherSecretary.download(sheet("xlsx"), Map.of()), detail.status(), detail.code(), null);
        assertProblem(otherSecretary.download(checklist(""), Map.of()), detail.status(), detail.code(), null);

        assertThat(ownSecretary.get("/api/v1/sessions/" + session).status()).isEqualTo(200);
        assertThat(ownSecretary.download(sheet("pdf"), Map.of()).status()).isEqualTo(200);
        assertThat(names(ownSecretary.get(checklist("")).body().path("expected"))).isEqualTo(EXPECTED);
    }

    @Test
    void theChecklistFindsMembersByAnyPartOfTheirNameWithOrWithoutDiacritics() {
        Answer all = office.get(checklist(""));
        assertThat(all.body().path("expectedTotal").asInt()).isEqualTo(6);
        assertThat(all.body().path("exemptTotal").asInt()).isEqualTo(1);
        assertThat(all.body().path("scheduledOn").asString()).isEqualTo("2022-09-15");
        JsonNode exempt = all.body().path("exempt").get(0);
        assertThat(exempt.path("exemptFrom").asString()).isEqualTo("2022-09-01");
        assertThat(exempt.path("exemptTo").asString()).isEqualTo("2022-12-31");
        assertThat(exempt.path("unitId").asString()).isEqualTo(centre.toString());

        assertThat(names(office.get(checklist("nguyen van a")).body().path("expected")))
                .containsExactly("Nguyễn Văn A");
        assertThat(names(office.get(checklist("NGUYỄN")).body().path("expected")))
                .containsExactly("Nguyễn Văn A", "Nguyễn Thị Ánh Tuyết");
        assertThat(names(office.get(checklist("văn")).body().path("expected")))
                .containsExactly("Nguyễn Văn A", "Trần Văn Đặng", "Phan Van Toan");
        assertThat(names(office.get(checklist("dang")).body().path("expected"))).containsExactly("Trần Văn Đặng");
        assertThat(names(office.get(checklist("ngoc anh")).body().path("expected")))
                .containsExactly("Dương Thị Ngọc Ánh");
        assertThat(names(office.get(checklist("huong")).body().path("expected"))).containsExactly("Lê Thị Hường");
        Answer exemptOnly = office.get(checklist("mien"));
        assertThat(names(exemptOnly.body().path("expected"))).isEmpty();
        assertThat(names(exemptOnly.body().path("exempt"))).containsExactly(EXEMPT);
        assertThat(exemptOnly.body().path("expectedTotal").asInt()).isEqualTo(6);
        assertThat(office.get(checklist("chuyen")).body().path("expected").size()).isZero();

        // what has been recorded so far shows beside each member
        Answer recorded = office.post("/api/v1/sessions/" + session + "/attendance", """
                {"entries": [{"memberId": "%s", "status": "PRESENT", "mode": "ONLINE"}]}
                """.formatted(dang));
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode member = office.get(checklist("dang")).body().path("expected").get(0);
            assertThat(member.path("status").asString()).isEqualTo("PRESENT");
            assertThat(member.path("mode").asString()).isEqualTo("ONLINE");
        });
        JsonNode notYet = office.get(checklist("tuyet")).body().path("expected").get(0);
        assertThat(notYet.path("status").isNull()).isTrue();
        assertThat(notYet.path("unitName").asString()).isEqualTo("Chi bộ Trung tâm Văn hóa Nghệ thuật " + suffix);
    }

    @Test
    void theOpenApiDocumentDescribesBothWithExamples() {
        Answer docs = office.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().path("paths");
        JsonNode sheet = paths.path("/api/v1/sessions/{id}/attendance-sheet").path("get");
        assertThat(sheet.path("description").asString()).contains("exempt");
        assertThat(sheet.path("responses").path("200").path("content").has("application/pdf")).isTrue();
        assertThat(sheet.path("responses").path("404").path("content").path("application/problem+json").toString())
                .contains("session-not-found");
        assertThat(sheet.path("responses").path("400").path("content").toString()).contains("docx");
        JsonNode checklist = paths.path("/api/v1/sessions/{id}/expected-members").path("get");
        assertThat(checklist.path("responses").path("200").path("content").path("application/json").toString())
                .contains("Nguyễn Thị Ánh Tuyết", "exemptFrom");
        assertThat(checklist.path("parameters").toString()).contains("nguyen van a");
    }

    private String sheet(String format) {
        return "/api/v1/sessions/" + session + "/attendance-sheet?format=" + format;
    }

    private String checklist(String q) {
        return "/api/v1/sessions/" + session + "/expected-members"
                + (q.isEmpty() ? "" : "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The PDF's text as PDFBox extracts it, in NFC, each run of white space one space (cells and lines wrap). */
    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // in the order the text was written, which is the reading order (sorting by position would read the
            // first letter of a left-aligned line apart from the rest)
            PDFTextStripper stripper = new PDFTextStripper();
            String text = Normalizer.normalize(stripper.getText(document), Normalizer.Form.NFC);
            return text.replaceAll("\\s+", " ");
        }
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to);
        assertThat(start).as(from).isNotNegative();
        assertThat(end).as(to).isGreaterThan(start);
        return text.substring(start + from.length(), end);
    }

    private static void assertInOrder(String text, List<String> names) {
        int position = 0;
        for (String name : names) {
            int found = text.indexOf(name, position);
            assertThat(found).as("%s after position %d in %s", name, position, text).isNotNegative();
            position = found + name.length();
        }
    }

    private static String cell(Row row, int column) {
        return row.hasCell(column) && row.getCell(column) != null ? row.getCellText(column) : "";
    }

    private static List<String> names(JsonNode members) {
        List<String> names = new ArrayList<>();
        members.forEach(member -> names.add(member.path("fullName").asString()));
        return names;
    }

    private static void assertProblem(Download answer, int status, String code, String field) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(answer.text());
        assertThat(problem.path("code").asString()).isEqualTo(code);
        if (field != null) {
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
        }
    }
}
