package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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
import vn.ledger.standalone.Http.Answer;

/**
 * Roster import over HTTP with a real PostgreSQL: the seed's roster from XLSX and CSV, dry runs, all-or-nothing
 * applies, re-imports that write nothing, transfers, row errors in the user's language, unreadable files, the
 * template, and who may import.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RosterImportHttpTest {

    static final String IMPORTS = "/api/v1/roster/imports";
    static final String HEADER = String.join(",", SeedRoster.HEADER);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Http office;
    private String suffix;

    @BeforeEach
    void setUp() {
        office = LedgerTestSupport.admin(port);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void importsTheSeedRosterFromXlsxThenWritesNothingOnReimportAndOnlyTheDifferencesOfAChangedFile() {
        byte[] xlsx = SeedRoster.fixture("seed-roster.xlsx");
        long eventsBefore = events();

        Answer preview = office.upload(IMPORTS + "?dryRun=true", "danh-sach.xlsx", xlsx, Map.of());
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.body().path("valid").asBoolean()).isTrue();
        assertThat(preview.body().path("rowsTotal").asInt()).isEqualTo(162);
        JsonNode counts = preview.body().path("counts");
        assertThat(counts.path("unitsToCreate").asInt()).isEqualTo(13);
        assertThat(counts.path("membersToAdmit").asInt()).isEqualTo(160);
        assertThat(counts.path("membersToTransfer").asInt()).isZero();
        assertThat(counts.path("errors").asInt()).isZero();
        List<String> topLevel = new ArrayList<>();
        for (JsonNode unit : preview.body().path("unitsToCreate")) {
            if (unit.path("parentUnitId").isNull()) {
                topLevel.add(unit.path("name").asString());
            }
        }
        assertThat(topLevel).hasSize(9).contains("Chi bộ Trung tâm Văn hóa Nghệ thuật");
        assertThat(events()).as("a dry run writes nothing").isEqualTo(eventsBefore);

        JsonNode done = applyAndAwait(xlsx, "danh-sach.xlsx");
        assertThat(done.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("rowsDone").asInt()).isEqualTo(162);
        assertThat(done.path("summary").path("unitsCreated").asInt()).isEqualTo(13);
        assertThat(done.path("summary").path("membersAdmitted").asInt()).isEqualTo(160);
        assertThat(done.path("summary").path("eventsWritten").asInt()).isEqualTo(173);
        String importId = done.path("importId").asString();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM event_store.domain_event_entry
                WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'importId' = ?
                """, Long.class, importId)).as("every event names the import").isEqualTo(173);
        assertThat(jdbc.queryForObject("""
                SELECT count(DISTINCT xmin::text) FROM event_store.domain_event_entry
                WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'importId' = ?
                """, Long.class, importId)).as("all of them written by one transaction: all or nothing").isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM command_model.member m JOIN command_model.membership ms USING (member_id)
                JOIN command_model.unit u ON u.unit_id = ms.unit_id
                WHERE m.card_number = '93.000017' AND u.name = 'Chi bộ Trung tâm Văn hóa Nghệ thuật'
                  AND ms.valid_to IS NULL
                """, Long.class)).isEqualTo(1);

        long afterFirst = events();
        JsonNode again = applyAndAwait(xlsx, "danh-sach.xlsx");
        assertThat(again.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(again.path("summary").path("eventsWritten").asInt()).isZero();
        assertThat(again.path("summary").path("membersUnchanged").asInt()).isEqualTo(160);
        JsonNode fromCsv = applyAndAwait(SeedRoster.fixture("seed-roster.csv"), "danh-sach.csv");
        assertThat(fromCsv.path("summary").path("eventsWritten").asInt())
                .as("the CSV holds the same roster").isZero();
        assertThat(events()).isEqualTo(afterFirst);

        List<SeedRoster.Row> changed = new ArrayList<>(SeedRoster.rows());
        SeedRoster.Row moved = changed.get(2);
        changed.set(2, new SeedRoster.Row("Chi bộ Thư viện tỉnh", "Chi bộ", null, moved.fullName(), moved.card(),
                moved.status(), moved.joinedOn(), moved.born(), moved.phone()));
        changed.add(new SeedRoster.Row("Chi bộ Thư viện tỉnh", "Chi bộ", null, "Trương Thị Ánh Tuyết", "93.000999",
                "Dự bị", java.time.LocalDate.parse("2022-03-26"), java.time.LocalDate.parse("1998-01-09"), null));
        Answer changes = office.upload(IMPORTS + "?dryRun=true&effectiveOn=2023-01-01", "moi.xlsx",
                SeedRoster.xlsx(changed), Map.of());
        assertThat(changes.body().path("counts").path("membersToTransfer").asInt()).isEqualTo(1);
        assertThat(changes.body().path("counts").path("membersToAdmit").asInt()).isEqualTo(1);
        assertThat(changes.body().path("counts").path("membersUnchanged").asInt()).isEqualTo(159);
        JsonNode transfer = changes.body().path("membersToTransfer").get(0);
        assertThat(transfer.path("cardNumber").asString()).isEqualTo(moved.card());
        assertThat(transfer.path("fromUnitName").asString()).isEqualTo("Chi bộ Văn phòng Sở");
        assertThat(transfer.path("toUnitName").asString()).isEqualTo("Chi bộ Thư viện tỉnh");

        JsonNode applied = applyAndAwait(SeedRoster.xlsx(changed), "moi.xlsx", "&effectiveOn=2023-01-01");
        assertThat(applied.path("summary").path("eventsWritten").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForList("""
                SELECT payload_type FROM event_store.domain_event_entry WHERE global_index > ? ORDER BY global_index
                """, String.class, afterFirst)).containsExactly("vn.ledger.events.MemberAdmitted",
                "vn.ledger.events.MemberTransferred");
    }

    @Test
    void aFileWithOneBadRowWritesNothingAndNamesTheRow() {
        String csv = HEADER + "\n"
                + row("Chi bộ A " + suffix, "Nguyễn Văn An", card(1), "Chính thức", "19/05/2010")
                + row("Chi bộ A " + suffix, "Trần Thị Bình", card(2), "Dự bị", "2021-13-40")
                + row("Chi bộ B " + suffix, "Lê Văn Cường", card(3), "Chính thức", "02/09/1975");
        long before = events();

        Answer answer = office.upload(IMPORTS, "loi.csv", utf8(csv), Map.of());

        assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("import-rows-invalid");
        JsonNode error = answer.body().path("errors").get(0);
        assertThat(answer.body().path("errors")).hasSize(1);
        assertThat(error.path("row").asInt()).isEqualTo(3);
        assertThat(error.path("column").asString()).isEqualTo("Ngày vào Đảng");
        assertThat(error.path("code").asString()).isEqualTo("bad-date");
        assertThat(error.path("message").asString()).contains("2021-13-40").contains("ngày/tháng/năm");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void rowErrorsAreInEnglishWhenTheClientPrefersIt() {
        String csv = HEADER + "\n" + row("Chi bộ E " + suffix, "Nguyễn Văn An", card(1), "Chính thức", "31/02/2010");

        Answer answer = office.upload(IMPORTS + "?dryRun=true", "loi.csv", utf8(csv),
                Map.of("Accept-Language", "en-GB,en;q=0.9"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("valid").asBoolean()).isFalse();
        JsonNode error = answer.body().path("errors").get(0);
        assertThat(error.path("column").asString()).isEqualTo("Joined on");
        assertThat(error.path("message").asString()).contains("is not a date as day/month/year");
    }

    @Test
    void aDryRunListsEveryRowErrorWithItsRowAndColumn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Danh sách");
        String[] header = {"Đơn vị", "Họ và tên", "Số thẻ đảng viên", "Trạng thái", "Ngày vào Đảng", "Ghi chú"};
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
        String unit = "Chi bộ C " + suffix;
        Object[][] rows = {
                {unit, "Nguyễn Văn An", card(1), "Chính thức", "19/05/2010"},
                {unit, "Trần Thị Bình", card(1), "Chính thức", "19/05/2011"},
                {unit, "Lê Văn Cường", card(3), "Tạm thời", "19/05/2012"},
                {unit, null, card(4), "Dự bị", "19/05/2013"},
                {unit, "Phạm Thị Dung", card(5), "Dự bị", "19/05/1929"},
        };
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] != null) {
                    sheet.value(r + 1, c, (String) rows[r][c]);
                }
            }
        }
        sheet.value(6, 0, unit);
        sheet.value(6, 1, "Hoàng Văn Em");
        sheet.formula(6, 2, "930000+1");
        sheet.value(6, 3, "Chính thức");
        sheet.value(6, 4, "01/01/2015");
        workbook.finish();

        Answer answer = office.upload(IMPORTS + "?dryRun=true", "nhieu-loi.xlsx", out.toByteArray(), Map.of());

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        List<String> errors = new ArrayList<>();
        for (JsonNode error : answer.body().path("errors")) {
            errors.add(error.path("row").asInt() + " " + error.path("column").asString() + " "
                    + error.path("code").asString());
        }
        assertThat(errors).containsExactly(
                "1 Ghi chú unknown-column",
                "3 Số thẻ đảng viên duplicate-card",
                "4 Trạng thái bad-status",
                "5 Họ và tên required",
                "6 Ngày vào Đảng date-out-of-range",
                "7 Số thẻ đảng viên formula");
        assertThat(answer.body().path("counts").path("membersToAdmit").asInt())
                .as("the plan still shows what the good rows would do").isEqualTo(1);
    }

    @Test
    void unreadableFilesAreClearBadRequests() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertProblem(office.upload(IMPORTS, "mat-khau.xlsx", ole2, Map.of()), 400, "workbook-encrypted");
        byte[] brokenZip = "PK\u0003\u0004 this is not a workbook".getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(office.upload(IMPORTS, "hong.xlsx", brokenZip, Map.of()), 400, "workbook-unreadable");
        byte[] latin1 = (HEADER + "\nChi bộ Hà Nội,x\n").getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(office.upload(IMPORTS, "latin1.csv", latin1, Map.of()), 400, "not-utf8");
        assertProblem(office.upload(IMPORTS, "rong.csv", new byte[0], Map.of()), 400, "file-empty");
        assertProblem(office.post(IMPORTS, "{}"), 415, "unsupported-media-type");
        Answer noHeader = office.upload(IMPORTS + "?dryRun=true", "trong.csv", utf8("\n\n"), Map.of());
        assertThat(noHeader.body().path("errors").get(0).path("code").asString()).isEqualTo("no-header");
    }

    @Test
    void onlyTheOfficeImports() {
        UUID cell = LedgerTestSupport.registerCell(office, "Chi bộ D " + suffix);
        Http secretary = LedgerTestSupport.user(office, "bithu-" + suffix, "SECRETARY", cell);
        Http reviewer = LedgerTestSupport.user(office, "uyvien-" + suffix, "REVIEWER");
        byte[] csv = utf8(HEADER + "\n" + row("Chi bộ D " + suffix, "Nguyễn Văn An", card(1), "Chính thức",
                "19/05/2010"));

        assertProblem(secretary.upload(IMPORTS + "?dryRun=true", "a.csv", csv, Map.of()), 403, "forbidden-role");
        assertProblem(reviewer.upload(IMPORTS, "a.csv", csv, Map.of()), 403, "forbidden-role");
        assertProblem(secretary.get(IMPORTS + "/" + UUID.randomUUID()), 403, "forbidden-role");
        assertProblem(new Http(port).upload(IMPORTS, "a.csv", csv, Map.of()), 401, "unauthorized");
        assertProblem(office.get(IMPORTS + "/" + UUID.randomUUID()), 404, "import-not-found");
    }

    @Test
    void anImportRepeatedWithItsIdempotencyKeyIsQueuedOnceAndAnotherFileUnderTheKeyIs409() {
        byte[] csv = utf8(HEADER + "\n" + row("Chi bộ F " + suffix, "Nguyễn Văn An", card(1), "Chính thức",
                "19/05/2010"));
        Map<String, String> key = Map.of("Idempotency-Key", "nhap-" + suffix);
        long before = events();
        long importsBefore = imports();

        // each upload frames the file with a boundary of its own: the same file is the same request all the same
        Answer first = office.upload(IMPORTS, "a.csv", csv, key);
        Answer again = office.upload(IMPORTS, "a.csv", csv, key);

        assertThat(first.status()).as(first.raw()).isEqualTo(202);
        assertThat(again.status()).as(again.raw()).isEqualTo(202);
        assertThat(again.body().path("importId").asString()).isEqualTo(first.body().path("importId").asString());
        assertThat(again.location()).isEqualTo(first.location());
        String location = IMPORTS + "/" + first.body().path("importId").asString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(
                () -> assertThat(office.get(location).body().path("state").asString()).isEqualTo("SUCCEEDED"));
        assertThat(events()).as("one unit and one member, once").isEqualTo(before + 2);
        assertThat(imports()).as("the repeat queued no second import").isEqualTo(importsBefore + 1);
        byte[] other = utf8(HEADER + "\n" + row("Chi bộ G " + suffix, "Trần Văn Bình", card(2), "Chính thức",
                "19/05/2010"));
        assertProblem(office.upload(IMPORTS, "a.csv", other, key), 409, "idempotency-key-reused");
        Answer dryRun = office.upload(IMPORTS + "?dryRun=true", "a.csv", other, Map.of("Idempotency-Key",
                "nhap-thu-" + suffix));
        assertThat(dryRun.status()).as(dryRun.raw()).isEqualTo(200);
        assertThat(dryRun.body().path("counts").path("membersToAdmit").asInt()).isEqualTo(1);
    }

    @Test
    void theTemplateHasTheVietnameseHeaderAndImportsAsAnEmptyRoster() throws IOException {
        Http.Download xlsx = office.download("/api/v1/roster/import-template?format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentDisposition()).contains(".xlsx");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            List<String> header = new ArrayList<>();
            rows.get(0).forEach(cell -> header.add(cell.getText()));
            assertThat(header).containsExactly(SeedRoster.HEADER);
            assertThat(workbook.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName))
                    .contains("Hướng dẫn");
        }
        Http.Download csv = office.download("/api/v1/roster/import-template?format=csv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + HEADER + "\r\n");
        assertProblem(office.get("/api/v1/roster/import-template?format=pdf"), 400, "invalid-parameter");

        Answer empty = office.upload(IMPORTS + "?dryRun=true", "mau.xlsx", xlsx.body(), Map.of());
        assertThat(empty.body().path("valid").asBoolean()).isTrue();
        assertThat(empty.body().path("rowsTotal").asInt()).isZero();
    }

    // ---- helpers

    private JsonNode applyAndAwait(byte[] file, String name) {
        return applyAndAwait(file, name, "");
    }

    private JsonNode applyAndAwait(byte[] file, String name, String parameters) {
        Answer accepted = office.upload(IMPORTS + "?dryRun=false" + parameters, name, file, Map.of());
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        assertThat(accepted.location()).endsWith(IMPORTS + "/" + accepted.body().path("importId").asString());
        String location = IMPORTS + "/" + accepted.body().path("importId").asString();
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(
                () -> office.get(location).body(),
                status -> List.of("SUCCEEDED", "FAILED").contains(status.path("state").asString()));
    }

    private long imports() {
        return jdbc.queryForObject("SELECT count(*) FROM command_model.roster_import", Long.class);
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);
    }

    /** A card number of this test's own, so that tests sharing the database do not meet. */
    private String card(int n) {
        return "77.%05d.%d".formatted(Math.floorMod(suffix.hashCode(), 100_000), n);
    }

    private static String row(String unit, String name, String card, String status, String joinedOn) {
        return String.join(",", "\"" + unit + "\"", "Chi bộ", "", "\"" + name + "\"", card, status, joinedOn, "", "")
                + "\n";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).contains("application/problem+json");
        assertThat(answer.code()).isEqualTo(code);
    }
}
