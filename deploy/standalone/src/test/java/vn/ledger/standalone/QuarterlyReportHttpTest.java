package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
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
import vn.ledger.command.demo.DemoData;
import vn.ledger.standalone.Http.Answer;
import vn.ledger.standalone.Http.Download;

/**
 * The quarterly report of Q3 2022 over HTTP on the demo data (the seed's story, with its cải lương tour of 5,300
 * attendances), in its three formats, read back with other libraries than the ones that wrote them (PDFBox,
 * fastexcel-reader, commons-csv) and checked against the statistics endpoints it is built from. Copies are kept in
 * {@code deploy/standalone/target/quarterly-report-2022-Q3*} for a reviewer to open.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuarterlyReportHttpTest {

    private static final String REPORT = "/api/v1/reports/quarterly?quarter=2022-Q3";
    private static final String CENTRE = "Chi bộ Trung tâm Văn hóa Nghệ thuật";
    private static final String PIECE = "Nghĩa gia đình, tình làng xóm";
    private static final List<String> GUEST_CATEGORIES = List.of("PUBLIC", "CIVIL_SERVANTS", "CULTURE_OFFICIALS",
            "CLUB_REPRESENTATIVES", "OTHER");
    /** The units' table after its number and names: the statistics' fields in the report's column order. */
    private static final int COUNT_COLUMNS = 3 + 3 + GUEST_CATEGORIES.size() + 1 + 2;
    /** The attendance rate's column in the spreadsheet (number, name then, current name, 3 sessions, 2 members). */
    private static final int RATE_COLUMN = 8;
    private static final Path KEPT = Path.of("target");
    private static final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
        registry.add("LEDGER_DEMO_DATA", () -> "true");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Http office;

    /** The demo data is loaded at start-up; the views are eventually consistent: wait until they reach the head. */
    @BeforeEach
    void viewsAtTheHeadOfTheLog() {
        office = LedgerTestSupport.admin(port);
        long head = jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> office.get("/api/v1/stats/quarters?from=2022-Q3&to=2022-Q3")
                .body().path("position").asLong() >= head);
    }

    @Test
    void thePdfReportsTheQuarterInVietnameseWithTheTourOf5300() throws IOException {
        long position = office.get("/api/v1/stats/units?quarter=2022-Q3").body().path("position").asLong();

        Download report = office.download(REPORT + "&format=pdf");

        assertThat(report.status()).as(report.text()).isEqualTo(200);
        assertThat(report.contentType()).isEqualTo("application/pdf");
        assertThat(report.contentDisposition()).isEqualTo("attachment; filename=\"bao-cao-quy-2022-Q3.pdf\"; "
                + "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20sinh%20ho%E1%BA%A1t%20chuy%C3%AAn%20%C4%91%E1%BB%81%20"
                + "qu%C3%BD%20III%20n%C4%83m%202022.pdf");
        Files.write(KEPT.resolve("quarterly-report-2022-Q3.pdf"), report.body());
        String text = pdfText(report.body());

        assertThat(text).contains("BÁO CÁO KẾT QUẢ SINH HOẠT CHUYÊN ĐỀ QUÝ III NĂM 2022",
                "ĐẢNG ỦY SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "ĐẢNG CỘNG SẢN VIỆT NAM",
                "Số liệu tính đến vị trí " + position + " của sổ, lúc ",
                "I. TỔNG HỢP CHUNG TOÀN ĐẢNG BỘ", "Lượt khán giả xem biểu diễn nghệ thuật lượt người 5.300",
                "II. KẾT QUẢ THEO ĐƠN VỊ", CENTRE, "Chi bộ Phòng Quản lý Văn hóa và Gia đình", "Quần chúng",
                "Cán bộ, công chức, viên chức", "Cán bộ văn hóa – xã hội cơ sở",
                "Đại diện CLB “Gia đình phát triển bền vững”", "Cộng các đơn vị",
                "III. BIỂU DIỄN NGHỆ THUẬT", PIECE, "cải lương", "Thành phố Cao Lãnh", "Huyện Tháp Mười",
                "VĂN PHÒNG ĐẢNG ỦY", "T/M ĐẢNG ỦY", "Ngày in: ", "Trang 1/");
        try (PDDocument document = Loader.loadPDF(report.body())) {
            for (PDPage page : document.getPages()) {
                boolean turned = page.getRotation() % 180 != 0;
                float width = turned ? page.getMediaBox().getHeight() : page.getMediaBox().getWidth();
                float height = turned ? page.getMediaBox().getWidth() : page.getMediaBox().getHeight();
                assertThat(Math.round(width)).as("A4 landscape").isEqualTo(842);
                assertThat(Math.round(height)).as("A4 landscape").isEqualTo(595);
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.getName()).contains("LiberationSans");
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void theSpreadsheetHasNumberCellsPerUnitWhoseSumsAreTheSumRowAndTheStatistics() throws IOException {
        JsonNode stats = office.get("/api/v1/stats/units?quarter=2022-Q3").body();
        JsonNode quarter = office.get("/api/v1/stats/quarters?from=2022-Q3&to=2022-Q3").body().path("quarters")
                .get(0);

        Download report = office.download(REPORT + "&format=xlsx");

        assertThat(report.status()).as(report.text()).isEqualTo(200);
        assertThat(report.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(report.contentDisposition()).startsWith("attachment; filename=\"bao-cao-quy-2022-Q3.xlsx\"; "
                + "filename*=UTF-8''");
        Files.write(KEPT.resolve("quarterly-report-2022-Q3.xlsx"), report.body());

        List<Row> summary;
        List<Row> byUnit;
        List<Row> performances;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(report.body()))) {
            summary = workbook.findSheet("Tổng hợp").orElseThrow().read();
            byUnit = workbook.findSheet("Theo đơn vị").orElseThrow().read();
            performances = workbook.findSheet("Biểu diễn").orElseThrow().read();
        }
        assertThat(firstCells(summary)).contains("BÁO CÁO KẾT QUẢ SINH HOẠT CHUYÊN ĐỀ QUÝ III NĂM 2022",
                "Số liệu tính đến vị trí " + stats.path("position").asLong() + " của sổ, lúc "
                        + time(recordedAt(stats.path("position").asLong())) + ".");
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (Row row : summary) {
            if (row.getCellCount() > 2 && number(row, 2) != null) {
                totals.put(text(row, 0), number(row, 2));
            }
        }
        assertThat(totals).containsEntry("Lượt khán giả xem biểu diễn nghệ thuật", new BigDecimal(5300))
                .containsEntry("Số buổi sinh hoạt chuyên đề đã tổ chức",
                        BigDecimal.valueOf(quarter.path("sessionsHeld").asLong()))
                .containsEntry("Lượt đảng viên dự sinh hoạt",
                        BigDecimal.valueOf(quarter.path("memberAttendances").asLong()))
                .containsEntry("Lượt khách mời dự sinh hoạt",
                        BigDecimal.valueOf(quarter.path("guestAttendances").asLong()))
                .containsEntry("Tổng số lượt người tham gia",
                        BigDecimal.valueOf(quarter.path("totalAttendances").asLong()));

        // two header rows, then one row per unit with its number in the first cell, then the sum
        int header = firstCells(byUnit, 1).indexOf("Đơn vị");
        assertThat(text(byUnit.get(header + 1), 3)).isEqualTo("Kế hoạch");
        int count = stats.path("units").size();
        List<Row> unitRows = byUnit.subList(header + 2, header + 2 + count);
        Row sumRow = byUnit.get(header + 2 + count);
        assertThat(text(sumRow, 1)).isEqualTo("Cộng các đơn vị");
        Map<String, List<BigDecimal>> expected = unitsOf(stats);
        Map<String, List<BigDecimal>> actual = new LinkedHashMap<>();
        for (Row row : unitRows) {
            assertThat(text(row, 0)).matches("\\d+");
            List<BigDecimal> numbers = new ArrayList<>();
            for (int column = 3; column < 3 + COUNT_COLUMNS; column++) {
                BigDecimal number = number(row, column);
                if (column == RATE_COLUMN) {
                    // a number formatted as a percentage; no cell value when nobody was expected
                    numbers.add(number == null ? null : percent(number));
                } else {
                    assertThat(number).as("%s, column %d is a number", text(row, 1), column).isNotNull();
                    numbers.add(number);
                }
            }
            actual.put(text(row, 1), numbers);
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(actual).containsKey(CENTRE);
        for (int column = 3; column < 3 + COUNT_COLUMNS; column++) {
            if (column == RATE_COLUMN) {
                continue; // the rate: present / expected of the sums, not a sum
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (Row row : unitRows) {
                sum = sum.add(number(row, column));
            }
            assertThat(number(sumRow, column)).as("column %d", column).isEqualByComparingTo(sum);
        }
        // the audience of the units is the committee's: every showing has one performing unit
        assertThat(number(sumRow, 3 + COUNT_COLUMNS - 1)).isEqualByComparingTo("5300");

        Row piece = performances.stream().filter(row -> text(row, 1).equals(PIECE)).findFirst().orElseThrow();
        assertThat(text(piece, 3)).isEqualTo(CENTRE);
        assertThat(number(piece, 4)).isEqualByComparingTo("6");
        assertThat(number(piece, 5)).isEqualByComparingTo("5300");
        assertThat(text(piece, 6)).contains("Thành phố Cao Lãnh, 15/07/2022: 1.200");

        String unitsSheet = zipEntry(KEPT.resolve("quarterly-report-2022-Q3.xlsx"), "xl/worksheets/sheet2.xml");
        assertThat(unitsSheet).as("the header rows are frozen").contains("state=\"frozen\"");
    }

    @Test
    void theCsvOpensInExcelAndHasTheSameFiguresAsTheStatistics() throws IOException {
        JsonNode stats = office.get("/api/v1/stats/units?quarter=2022-Q3").body();

        Download report = office.download(REPORT + "&format=csv");

        assertThat(report.status()).as(report.text()).isEqualTo(200);
        assertThat(report.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(report.contentDisposition()).startsWith("attachment; filename=\"bao-cao-quy-2022-Q3.csv\"");
        Files.write(KEPT.resolve("quarterly-report-2022-Q3.csv"), report.body());
        byte[] body = report.body();
        assertThat(new byte[] {body[0], body[1], body[2]}).as("a UTF-8 byte order mark")
                .containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text.replace("\r\n", "")).as("every line ends in CRLF").doesNotContain("\n");

        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertThat(records.get(0).get(0)).isEqualTo("BÁO CÁO KẾT QUẢ SINH HOẠT CHUYÊN ĐỀ QUÝ III NĂM 2022");
        assertThat(records.get(2).get(0)).startsWith("Số liệu tính đến vị trí " + stats.path("position").asLong()
                + " của sổ");
        assertThat(totals(records)).containsEntry("Lượt khán giả xem biểu diễn nghệ thuật", 5300L);
        Map<String, List<BigDecimal>> units = units(records);
        assertThat(units).isEqualTo(unitsOf(stats));
        CSVRecord sum = records.get(index(records, "Cộng các đơn vị", 1));
        for (int i = 0; i < COUNT_COLUMNS; i++) {
            if (i == 5) {
                continue; // the rate
            }
            int column = i;
            BigDecimal total = units.values().stream().map(row -> row.get(column))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(new BigDecimal(sum.get(i + 3))).isEqualByComparingTo(total);
        }
        CSVRecord piece = records.get(index(records, PIECE, 1));
        assertThat(piece.get(3)).isEqualTo(CENTRE);
        assertThat(piece.get(5)).isEqualTo("5300");
    }

    @Test
    void asOfBeforeTheToursFirstShowingTheAudienceIsSmallerThanNow() throws IOException {
        Map<String, Object> first = jdbc.queryForMap("""
                SELECT global_index, time_stamp::timestamptz AS recorded FROM event_store.domain_event_entry
                WHERE payload_type = 'vn.ledger.events.PerformanceLogged' ORDER BY global_index LIMIT 1
                """);
        long firstShowing = ((Number) first.get("global_index")).longValue();
        Instant recorded = ((java.sql.Timestamp) first.get("recorded")).toInstant();
        // as the dashboard asks: an instant with its offset, the '+' encoded
        String before = recorded.minusMillis(1).atOffset(ZoneOffset.ofHours(7)).toString();
        String asOf = "&asOf=" + URLEncoder.encode(before, StandardCharsets.UTF_8);

        long now = totals(csv(REPORT + "&format=csv")).get("Lượt khán giả xem biểu diễn nghệ thuật");
        List<CSVRecord> then = csv(REPORT + "&format=csv" + asOf);
        long audienceThen = totals(then).get("Lượt khán giả xem biểu diễn nghệ thuật");

        assertThat(now).isEqualTo(DemoData.TOUR_AUDIENCE);
        assertThat(audienceThen).isLessThan(now);
        JsonNode statsThen = office.get("/api/v1/stats/quarters?from=2022-Q3&to=2022-Q3" + asOf).body();
        assertThat(audienceThen).isEqualTo(statsThen.path("quarters").get(0).path("performanceAudience").asLong());
        long positionThen = statsThen.path("position").asLong();
        assertThat(positionThen).isLessThan(firstShowing);
        assertThat(then.get(2).get(0)).isEqualTo("Số liệu tính đến vị trí " + positionThen + " của sổ, lúc "
                + time(OffsetDateTime.parse(before).toInstant()) + ".");
        String pdf = pdfText(office.download(REPORT + "&format=pdf" + asOf).body());
        assertThat(pdf).contains("Số liệu tính đến vị trí " + positionThen + " của sổ");

        // by position: after the third showing, part of the tour, as the statistics say
        String third = "&position=" + (firstShowing + 2);
        long audienceAtThird = totals(csv(REPORT + "&format=csv" + third))
                .get("Lượt khán giả xem biểu diễn nghệ thuật");
        assertThat(audienceAtThird).isEqualTo(office.get("/api/v1/stats/quarters?from=2022-Q3&to=2022-Q3" + third)
                .body().path("quarters").get(0).path("performanceAudience").asLong()).isBetween(1L, now - 1);
    }

    @Test
    void aReportAtTheCommandsPositionReadsTheWriteWithoutWaitingByHand() throws IOException {
        Answer scheduled = office.post("/api/v1/sessions", """
                {"unitIds": ["%s"], "topic": "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                 "scheduledAt": "2023-02-15T08:00:00+07:00", "format": "IN_PERSON", "venue": "Hội trường Sở",
                 "basisDocuments": ["Kết luận số 01-KL/TW"]}
                """.formatted(DemoData.CULTURE_AND_ARTS_CENTRE_CELL));
        assertThat(scheduled.status()).as(scheduled.raw()).isEqualTo(201);
        long position = scheduled.body().path("events").get(0).path("position").asLong();

        List<CSVRecord> records = csv("/api/v1/reports/quarterly?quarter=2023-Q1&format=csv&position=" + position);

        assertThat(records.get(2).get(0)).startsWith("Số liệu tính đến vị trí " + position + " của sổ");
        assertThat(units(records)).containsOnlyKeys(CENTRE);
        assertThat(units(records).get(CENTRE).get(0)).as("sessions planned").isEqualByComparingTo("1");
    }

    @Test
    void englishWhenAskedForByParameterOrByAcceptLanguage() throws IOException {
        Download byParameter = office.download(REPORT + "&format=pdf&lang=en");
        Download byHeader = office.download(REPORT + "&format=pdf", Map.of("Accept-Language", "en-GB,en;q=0.9"));

        for (Download english : List.of(byParameter, byHeader)) {
            assertThat(english.status()).as(english.text()).isEqualTo(200);
            assertThat(english.contentDisposition())
                    .startsWith("attachment; filename=\"quarterly-report-2022-Q3.pdf\"");
            assertThat(pdfText(english.body())).contains("REPORT ON THE THEMATIC SESSIONS OF QUARTER III OF 2022",
                    "Figures as of position ", "I. THE WHOLE COMMITTEE", "Art performance audience attendances 5,300",
                    "II. BY UNIT", "Sum of the units", "Public (not members)", "III. ART PERFORMANCES", PIECE,
                    CENTRE, "FOR THE PARTY COMMITTEE", "Page 1/");
        }
        Files.write(KEPT.resolve("quarterly-report-2022-Q3-en.pdf"), byParameter.body());
        List<CSVRecord> csv = csv(REPORT + "&format=csv&lang=en");
        assertThat(csv.get(0).get(0)).isEqualTo("REPORT ON THE THEMATIC SESSIONS OF QUARTER III OF 2022");
        assertThat(pdfText(office.download(REPORT, Map.of("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.8")).body()))
                .as("a PDF in Vietnamese by default").contains("BÁO CÁO KẾT QUẢ SINH HOẠT CHUYÊN ĐỀ QUÝ III NĂM 2022");
    }

    @Test
    void badParametersAreTheStatisticsProblems() {
        assertProblem(office.download("/api/v1/reports/quarterly?quarter=2022-Q5"), "invalid-quarter", "quarter");
        assertProblem(office.download("/api/v1/reports/quarterly?quarter=Q3-2022&format=csv"), "invalid-quarter",
                "quarter");
        assertProblem(office.download("/api/v1/reports/quarterly?format=pdf"), "missing-parameter", null);
        assertProblem(office.download(REPORT + "&format=docx"), "invalid-parameter", "format");
        // a client asking for a PDF still gets the problem as JSON
        assertProblem(office.download(REPORT + "&format=docx", Map.of("Accept", "application/pdf")),
                "invalid-parameter", "format");
        assertProblem(office.download(REPORT + "&lang=fr"), "invalid-parameter", "lang");
        for (String bad : List.of("&asOf=yesterday", "&position=-1", "&position=x",
                "&position=99999999999999999999", "&position=1&asOf=2022-10-01T08:00:00%2B07:00")) {
            Answer stats = office.get("/api/v1/stats/units?quarter=2022-Q3" + bad);
            assertThat(stats.status()).as(bad).isEqualTo(400);
            for (String format : List.of("pdf", "xlsx", "csv")) {
                assertProblem(office.download(REPORT + "&format=" + format + bad), stats.code(),
                        stats.body().path("errors").get(0).path("field").asString());
            }
        }
    }

    @Test
    void aSecretaryGetsOnlyTheirUnitsRowsAndTheCommitteesTotalsAsInTheStatistics() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Http secretary = LedgerTestSupport.user(office, "bithu-trung-tam-" + suffix, "SECRETARY",
                DemoData.CULTURE_AND_ARTS_CENTRE_CELL);
        Answer statsUnits = secretary.get("/api/v1/stats/units?quarter=2022-Q3");
        assertThat(statsUnits.body().path("units")).hasSize(1);

        Download download = secretary.download(REPORT + "&format=csv");

        assertThat(download.status()).as(download.text()).isEqualTo(200);
        List<CSVRecord> records = parse(download.body());
        assertThat(units(records)).isEqualTo(unitsOf(statsUnits.body()));
        assertThat(records.get(3).get(0)).startsWith("Phần II chỉ gồm các đơn vị do người in báo cáo phụ trách");
        assertThat(totals(records)).isEqualTo(totals(csv(REPORT + "&format=csv")));
        assertThat(records.get(index(records, PIECE, 1)).get(5)).isEqualTo("5300");
        assertThat(secretary.download(REPORT + "&format=pdf").status()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentDescribesTheReportWithExamples() {
        JsonNode report = office.get("/v3/api-docs").body().path("paths").path("/api/v1/reports/quarterly")
                .path("get");
        assertThat(report.path("description").asString()).contains("asOf", "SECRETARY", "byte order mark");
        JsonNode ok = report.path("responses").path("200").path("content");
        assertThat(ok.has("application/pdf")).isTrue();
        assertThat(ok.has("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).isTrue();
        assertThat(ok.path("text/csv").toString()).contains("BÁO CÁO KẾT QUẢ SINH HOẠT CHUYÊN ĐỀ QUÝ III NĂM 2022");
        assertThat(report.path("responses").path("400").path("content").toString())
                .contains("invalid-quarter", "invalid-as-of", "docx");
        assertThat(report.path("responses").path("503").toString()).contains("view-behind");
        assertThat(report.path("parameters").toString()).contains("2022-Q3", "asOf", "position", "lang");
    }

    /** The unit rows of the statistics as the report shows them: name then, and each count in the report's order. */
    private static Map<String, List<BigDecimal>> unitsOf(JsonNode stats) {
        Map<String, List<BigDecimal>> units = new LinkedHashMap<>();
        for (JsonNode unit : stats.path("units")) {
            String name = unit.path("unitNameThen").isNull() ? unit.path("unitName").asString()
                    : unit.path("unitNameThen").asString();
            List<BigDecimal> numbers = new ArrayList<>();
            for (String field : List.of("sessionsPlanned", "sessionsHeld", "sessionsCancelled", "membersExpected",
                    "membersPresent")) {
                numbers.add(BigDecimal.valueOf(unit.path(field).asLong()));
            }
            numbers.add(unit.path("attendanceRate").isNull() ? null
                    : percent(BigDecimal.valueOf(unit.path("attendanceRate").asDouble())));
            long guests = 0;
            for (String category : GUEST_CATEGORIES) {
                long count = unit.path("guests").path(category).asLong();
                guests += count;
                numbers.add(BigDecimal.valueOf(count));
            }
            numbers.add(BigDecimal.valueOf(guests));
            numbers.add(BigDecimal.valueOf(unit.path("performanceShowings").asLong()));
            numbers.add(BigDecimal.valueOf(unit.path("performanceAudience").asLong()));
            units.put(name, numbers);
        }
        return units;
    }

    /** A rate (0..1) as the CSV writes it: a percentage with one decimal. */
    private static BigDecimal percent(BigDecimal rate) {
        return rate.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
    }

    /** Part II of a CSV report: each unit's name then, and its counts (the rate as a percentage). */
    private static Map<String, List<BigDecimal>> units(List<CSVRecord> records) {
        int header = index(records, "II. KẾT QUẢ THEO ĐƠN VỊ", 0) + 1;
        assertThat(records.get(header).get(3)).isEqualTo("Buổi sinh hoạt: Kế hoạch");
        Map<String, List<BigDecimal>> units = new LinkedHashMap<>();
        for (CSVRecord record : records.subList(header + 1, records.size())) {
            if (!record.get(0).matches("\\d+")) {
                break;
            }
            List<BigDecimal> numbers = new ArrayList<>();
            for (int column = 3; column < 3 + COUNT_COLUMNS; column++) {
                // the rate is empty when nobody was expected
                numbers.add(record.get(column).isEmpty() ? null : new BigDecimal(record.get(column)));
            }
            units.put(record.get(1), numbers);
        }
        return units;
    }

    /** Part I of a CSV report: what is counted, and the committee's number. */
    private static Map<String, Long> totals(List<CSVRecord> records) {
        int header = index(records, "I. TỔNG HỢP CHUNG TOÀN ĐẢNG BỘ", 0) + 1;
        Map<String, Long> totals = new LinkedHashMap<>();
        for (CSVRecord record : records.subList(header + 1, records.size())) {
            if (record.size() < 3) {
                break;
            }
            totals.put(record.get(0), Long.parseLong(record.get(2)));
        }
        return totals;
    }

    private static int index(List<CSVRecord> records, String value, int column) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).size() > column && records.get(i).get(column).equals(value)) {
                return i;
            }
        }
        throw new AssertionError("no record with " + value + " in column " + column);
    }

    private List<CSVRecord> csv(String path) throws IOException {
        Download download = office.download(path);
        assertThat(download.status()).as(download.text()).isEqualTo(200);
        return parse(download.body());
    }

    private static List<CSVRecord> parse(byte[] body) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(new String(body, 3, body.length - 3, StandardCharsets.UTF_8)))
                .getRecords();
    }

    private Instant recordedAt(long position) {
        return jdbc.queryForObject("SELECT time_stamp::timestamptz FROM event_store.domain_event_entry "
                + "WHERE global_index = ?", java.sql.Timestamp.class, position).toInstant();
    }

    /** An instant as the report's as-of line writes it, in Vietnam's time. */
    private static String time(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(7))
                .format(DateTimeFormatter.ofPattern("HH:mm:ss 'ngày' dd/MM/yyyy"));
    }

    private static List<String> firstCells(List<Row> rows) {
        return firstCells(rows, 0);
    }

    private static List<String> firstCells(List<Row> rows, int column) {
        return rows.stream().map(row -> text(row, column)).toList();
    }

    private static String text(Row row, int column) {
        return row.hasCell(column) && row.getCell(column) != null ? row.getCellText(column) : "";
    }

    private static BigDecimal number(Row row, int column) {
        return row.hasCell(column) && row.getCell(column) != null && row.getCell(column).getType() == CellType.NUMBER
                ? row.getCell(column).asNumber() : null;
    }

    private static String zipEntry(Path zip, String name) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(name);
            assertThat(entry).as(name).isNotNull();
            return new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The PDF's text as PDFBox extracts it, in NFC, each run of white space one space (cells and lines wrap). */
    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC);
            return text.replaceAll("\\s+", " ");
        }
    }

    private static void assertProblem(Download answer, String code, String field) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(answer.text());
        assertThat(problem.path("code").asString()).isEqualTo(code);
        if (field != null) {
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
        }
    }
}
