package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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
 * Nothing a user sends produces a server error: every command path with malformed, empty, mistyped, out-of-range
 * and unknown-id bodies, as JSON and as text, and the queries with bad parameters, answer 4xx problems. The roster
 * import, the attendance sheet and its checklist, and the calendar feeds and tokens are swept apart, and there every
 * refusal must also be {@code application/problem+json} with a {@code code}.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoServerErrorHttpTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void noBodyOrParameterAUserCanSendGivesA5xx() {
        Http office = LedgerTestSupport.admin(port);
        UUID cell = LedgerTestSupport.registerCell(office, "Chi bộ Kiểm thử");
        UUID session = LedgerTestSupport.schedule(office, cell, "2022-09-15T08:00:00+07:00");
        String s = "/api/v1/sessions/" + session;
        List<String> paths = List.of("/api/v1/users", "/api/v1/units", "/api/v1/units/" + cell + "/rename",
                "/api/v1/units/" + cell + "/merge", "/api/v1/members", "/api/v1/members/" + UUID.randomUUID()
                        + "/transfer", "/api/v1/members/" + UUID.randomUUID() + "/exemptions", "/api/v1/sessions",
                s + "/reschedule", s + "/cancel", s + "/attendance", s + "/guests", s + "/performances",
                s + "/discussion", s + "/submit", s + "/corrections", s + "/review", "/api/v1/commendations",
                "/api/v1/sessions/not-a-uuid/cancel", "/api/v1/audit/checkpoint");
        List<String> bodies = List.of("", "null", "[]", "{}", "{", "\"x\"", "{\"name\": 5, \"kind\": \"BOGUS\"}",
                "{\"unitIds\": [\"nope\"]}", "{\"entries\": [{\"memberId\": null, \"status\": \"PRESENT\"}]}",
                "{\"counts\": {\"ALIENS\": 3}}", "{\"counts\": {\"PUBLIC\": 99999999999}}",
                "{\"decision\": \"MAYBE\"}", "{\"reason\": \"x\", \"performances\": [{\"performanceId\": \""
                        + UUID.randomUUID() + "\", \"audience\": 1}]}",
                "{\"toUnitId\": \"" + cell + "\", \"effectiveOn\": \"1800-01-01\"}",
                "{\"scheduledAt\": \"99999-01-01T00:00:00Z\", \"reason\": \"r\"}", "{\"defaultStatus\": \"PRESENT\"}",
                "{\"intoUnitId\": \"" + cell + "\", \"effectiveOn\": \"2022-01-01\"}",
                "{\"unitId\": \"" + cell + "\", \"kind\": \"PRAISE\", \"reason\": \"r\"}");
        List<String> serverErrors = new ArrayList<>();
        for (String path : paths) {
            for (String body : bodies) {
                for (String type : List.of("application/json", "text/plain", "multipart/form-data")) {
                    Answer answer = office.post(path, type, body, (String) null);
                    if (answer.status() >= 500) {
                        serverErrors.add(answer.status() + " POST " + path + " " + type + " " + body);
                    } else {
                        assertThat(answer.contentType()).as("POST %s %s", path, body).isNotNull();
                    }
                }
            }
        }
        for (String query : List.of("/api/v1/stats/units?quarter=2022-Q9", "/api/v1/stats/units?quarter=2022-Q3&position=-1",
                "/api/v1/stats/units?quarter=2022-Q3&position=99999999999999999999",
                "/api/v1/stats/units?quarter=2022-Q3&asOf=yesterday", "/api/v1/stats/quarters?from=2022-Q1&to=2099-Q4",
                "/api/v1/members/" + UUID.randomUUID() + "/participation?year=abc", "/api/v1/sessions?size=1000",
                "/api/v1/sessions?status=WHAT", "/api/v1/sessions/" + UUID.randomUUID() + "/history",
                "/api/v1/sessions/x/history", "/api/v1/admin/projections/stats-v1/rebuilds/nope",
                "/api/v1/audit/proof/inclusion?eventId=nope", "/api/v1/audit/proof/consistency?from=a&to=b",
                "/api/v1/audit/export?treeSize=999999")) {
            Answer answer = office.get(query);
            if (answer.status() >= 500) {
                serverErrors.add(answer.status() + " GET " + query);
            }
        }
        assertThat(serverErrors).isEmpty();
    }

    private static final String IMPORTS = "/api/v1/roster/imports";
    private static final String CSV_HEADER = String.join(",", SeedRoster.HEADER) + "\n";
    private static final JsonMapper json = JsonMapper.builder().build();
    /** Accept-Language values a client may send: malformed, weighted oddly, unknown, long, or a wildcard. */
    private static final List<String> ODD_LANGUAGES = List.of("*", "en;q=abc", "en;q=2", ",,,;", "zz-ZZ-qq-xx",
            "en-US,en;q=0.9,vi;q=0.8", "vi;q=0,en;q=0", "x-klingon", "en-" + "a".repeat(2000), "q=0.5");

    @Test
    void noRosterImportRequestGivesA5xxOrAnErrorThatIsNotAProblem() {
        Http office = LedgerTestSupport.admin(port);
        List<String> wrong = new ArrayList<>();
        Map<String, byte[]> files = oddRosterFiles();
        List<String> queries = List.of("", "?dryRun=true", "?dryRun=false", "?dryRun=maybe", "?dryRun=",
                "?dryRun=true&dryRun=false", "?dryRun=true&effectiveOn=yesterday",
                "?dryRun=true&effectiveOn=2022-02-30", "?dryRun=true&effectiveOn=", "?effectiveOn=99999-01-01",
                "?dryRun=true&effectiveOn=%2B999999999-12-31", "?effectiveOn=-999999999-01-01",
                "?dryRun=true&effectiveOn=0000-01-01");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            for (String query : queries) {
                Answer answer = office.upload(IMPORTS + query, "danh-sach.csv", file.getValue(), Map.of());
                check(wrong, "POST " + IMPORTS + query + " with " + file.getKey(), answer);
            }
        }
        for (String language : ODD_LANGUAGES) {
            for (String file : List.of("CSV with every cell wrong", "zip without a workbook", "header-only CSV")) {
                Answer answer = office.upload(IMPORTS + "?dryRun=true", "a.csv", files.get(file),
                        Map.of("Accept-Language", language));
                check(wrong, "POST dry run of " + file + " in " + language, answer);
            }
        }

        // bodies that are not the multipart form with a part named file
        byte[] csv = files.get("CSV with every cell wrong");
        String boundary = "b-" + "x".repeat(20);
        Map<String, byte[]> forms = new LinkedHashMap<>();
        forms.put("a part named otherwise", multipart(boundary, "roster", "a.csv", csv));
        forms.put("file as a plain field", multipart(boundary, "file", null, csv));
        forms.put("no part at all", ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        forms.put("an empty body", new byte[0]);
        forms.put("a boundary never closed", Arrays.copyOf(multipart(boundary, "file", "a.csv", csv), 200));
        forms.put("another boundary", multipart("other-boundary", "file", "a.csv", csv));
        forms.put("a part without headers", ("--" + boundary + "\r\n\r\nabc\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<String, byte[]> form : forms.entrySet()) {
            for (String type : List.of("multipart/form-data; boundary=" + boundary, "multipart/form-data",
                    "multipart/mixed; boundary=" + boundary)) {
                for (String query : List.of("", "?dryRun=true")) {
                    Answer answer = office.post(IMPORTS + query, type, form.getValue(), Map.of());
                    check(wrong, "POST " + IMPORTS + query + " " + type + " with " + form.getKey(), answer);
                }
            }
        }
        List<String> types = new ArrayList<>(List.of("application/json", "text/plain", "text/csv",
                "application/x-www-form-urlencoded", "application/octet-stream", "bogus", "multipart/"));
        types.add(null);
        for (String type : types) {
            for (String body : List.of("", "{}", "{\"file\": \"a.csv\"}", "file=a.csv", CSV_HEADER)) {
                for (String query : List.of("", "?dryRun=true")) {
                    Answer answer = office.post(IMPORTS + query, type, body.getBytes(StandardCharsets.UTF_8),
                            Map.of());
                    check(wrong, "POST " + IMPORTS + query + " " + type + " " + body, answer);
                }
            }
        }
        // an Idempotency-Key on an upload, repeated
        for (String query : List.of("?dryRun=true", "")) {
            String key = "import-" + UUID.randomUUID();
            for (int attempt = 0; attempt < 2; attempt++) {
                Answer answer = office.upload(IMPORTS + query, "a.csv", files.get("header-only CSV"),
                        Map.of("Idempotency-Key", key));
                check(wrong, "POST " + IMPORTS + query + " with Idempotency-Key, attempt " + (attempt + 1), answer);
            }
        }

        for (String id : List.of("not-a-uuid", UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000",
                "1-2-3-4-5", "%20", "%00", "x".repeat(3000), UUID.randomUUID() + "x", "..%2F..")) {
            check(wrong, "GET " + IMPORTS + "/" + id, office.get(IMPORTS + "/" + id));
        }
        for (String format : List.of("", "XLSX", "pdf", "xls", "csv%00", "xlsx,csv", "%E1%BB%85", "x".repeat(3000))) {
            String path = "/api/v1/roster/import-template?format=" + format;
            check(wrong, "GET " + path, office.download(path));
        }
        check(wrong, "GET template twice", office.download("/api/v1/roster/import-template?format=csv&format=xlsx"));

        assertThat(wrong).isEmpty();
        // the refusals the contract names
        assertCode(office.upload(IMPORTS, "a.csv", files.get("empty file"), Map.of()), 400, "file-empty");
        assertCode(office.upload(IMPORTS, "a.xls", files.get("OLE2 header"), Map.of()), 400, "workbook-encrypted");
        assertCode(office.upload(IMPORTS, "a.xlsx", files.get("zip without a workbook"), Map.of()), 400,
                "workbook-unreadable");
        assertCode(office.upload(IMPORTS, "a.csv", files.get("CSV in Latin-1"), Map.of()), 400, "not-utf8");
        assertCode(office.upload(IMPORTS, "a.csv", csv, Map.of()), 400, "import-rows-invalid");
        assertCode(office.post(IMPORTS, "multipart/form-data; boundary=" + boundary,
                forms.get("a part named otherwise"), Map.of()), 400, "file-missing");
        assertCode(office.post(IMPORTS, "multipart/form-data", forms.get("a part named otherwise"), Map.of()), 400,
                "multipart-invalid");
        assertCode(office.post(IMPORTS, "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of()), 415,
                "unsupported-media-type");
        assertCode(office.upload(IMPORTS + "?dryRun=maybe", "a.csv", csv, Map.of()), 400, "invalid-parameter");
        // a day the aggregates would refuse for a transfer is refused before the plan, dry run or not
        Answer tooEarly = office.upload(IMPORTS + "?dryRun=true&effectiveOn=1999-12-31", "a.csv",
                files.get("header-only CSV"), Map.of());
        assertCode(tooEarly, 400, "date-out-of-range");
        assertThat(tooEarly.body().path("errors").get(0).path("field").asString()).isEqualTo("effectiveOn");
        assertCode(office.upload(IMPORTS + "?effectiveOn=%2B999999999-12-31", "a.csv", files.get("header-only CSV"),
                Map.of()), 400, "date-out-of-range");
        assertCode(office.get(IMPORTS + "/" + UUID.randomUUID()), 404, "import-not-found");
        assertCode(office.get(IMPORTS + "/not-a-uuid"), 400, "invalid-parameter");
        Answer everyCellWrong = office.upload(IMPORTS + "?dryRun=true", "a.csv", csv, Map.of());
        assertThat(everyCellWrong.status()).as(everyCellWrong.raw()).isEqualTo(200);
        assertThat(everyCellWrong.body().path("valid").asBoolean()).isFalse();
        assertThat(everyCellWrong.body().path("errors").size()).isGreaterThanOrEqualTo(6);
        Answer withKey = office.upload(IMPORTS + "?dryRun=true", "a.csv", csv,
                Map.of("Idempotency-Key", "import-" + UUID.randomUUID()));
        assertThat(withKey.status()).as("an upload with an Idempotency-Key: %s", withKey.raw()).isEqualTo(200);
    }

    @Test
    void noAttendanceSheetOrChecklistRequestGivesA5xxOrAnErrorThatIsNotAProblem() {
        Http office = LedgerTestSupport.admin(port);
        UUID cell = LedgerTestSupport.registerCell(office, "Chi bộ Danh sách " + UUID.randomUUID());
        LedgerTestSupport.admit(office, cell, "Nguyễn Văn Ánh", java.time.LocalDate.parse("2010-05-19"));
        UUID session = LedgerTestSupport.schedule(office, cell, "2022-09-15T08:00:00+07:00");
        List<String> wrong = new ArrayList<>();
        List<String> ids = List.of(session.toString(), UUID.randomUUID().toString(), "not-a-uuid", "1-2-3-4-5",
                "00000000-0000-0000-0000-000000000000", "%20", "x".repeat(3000));
        List<String> formats = List.of("", "PDF", "%20xlsx%20", "docx", "pdf%00", "pdf,xlsx", "%E1%BB%85",
                "x".repeat(2000));
        List<String> langs = List.of("", "vi", "EN-us", "en_US", "xx", "*", "-", "vi-VN-x-private", "12345678",
                "en-" + "a".repeat(2000), "%00");
        for (String id : ids) {
            String sheet = "/api/v1/sessions/" + id + "/attendance-sheet";
            check(wrong, "GET " + sheet, office.download(sheet));
            for (String format : formats) {
                check(wrong, "GET " + sheet + "?format=" + format, office.download(sheet + "?format=" + format));
            }
            for (String lang : langs) {
                check(wrong, "GET " + sheet + "?lang=" + lang, office.download(sheet + "?format=xlsx&lang=" + lang));
            }
            for (String language : ODD_LANGUAGES) {
                check(wrong, "GET " + sheet + " in " + language,
                        office.download(sheet, Map.of("Accept-Language", language)));
            }
        }
        List<String> searches = List.of("", "%25", "_", "'", "\\", "' OR 1=1 --", "%00", "%0A", "a".repeat(100),
                "a".repeat(101), "a".repeat(3000), "ễ".repeat(300), "\u0301".repeat(100), "\uD83D\uDE00",
                "đ", "   ", "NGUYEN van a");
        for (String id : ids) {
            String checklist = "/api/v1/sessions/" + id + "/expected-members";
            check(wrong, "GET " + checklist, office.download(checklist));
            for (String q : searches) {
                String encoded = q.startsWith("%") ? q : URLEncoder.encode(q, StandardCharsets.UTF_8);
                check(wrong, "GET " + checklist + "?q=" + q, office.download(checklist + "?q=" + encoded));
            }
            check(wrong, "GET " + checklist + " with two q",
                    office.download(checklist + "?q=a&q=" + "b".repeat(200)));
        }

        assertThat(wrong).isEmpty();
        String sheet = "/api/v1/sessions/" + session + "/attendance-sheet";
        assertCode(office.download(sheet + "?format=docx"), 400, "invalid-parameter");
        assertCode(office.download(sheet + "?lang=xx"), 400, "invalid-parameter");
        assertCode(office.download("/api/v1/sessions/not-a-uuid/attendance-sheet"), 400, "invalid-parameter");
        assertCode(office.download("/api/v1/sessions/" + UUID.randomUUID() + "/attendance-sheet"), 404,
                "session-not-found");
        assertCode(office.download("/api/v1/sessions/" + session + "/expected-members?q=" + "a".repeat(101)), 400,
                "invalid-parameter");
        assertThat(office.download(sheet + "?format=%20XLSX%20&lang=EN-us").status()).isEqualTo(200);
    }

    @Test
    void noCalendarFeedOrTokenRequestGivesA5xxOrAnErrorThatIsNotAProblem() {
        Http office = LedgerTestSupport.admin(port);
        UUID cell = LedgerTestSupport.registerCell(office, "Chi bộ Lịch " + UUID.randomUUID());
        Http anonymous = new Http(port);
        List<String> wrong = new ArrayList<>();
        List<String> bodies = List.of("", "{}", "null", "{\"token\": \"mine\"}", "x".repeat(5000));
        for (String type : List.of("application/json", "text/plain", "application/x-www-form-urlencoded")) {
            for (String body : bodies) {
                Answer answer = office.post("/api/v1/calendar-tokens", type, body, (String) null);
                check(wrong, "POST /api/v1/calendar-tokens " + type + " " + body, answer);
                if (answer.status() != 201) {
                    wrong.add(answer.status() + " instead of 201: POST /api/v1/calendar-tokens " + type + " " + body);
                }
            }
        }
        check(wrong, "POST /api/v1/calendar-tokens?token=x", office.post("/api/v1/calendar-tokens?token=x", ""));
        String token = office.post("/api/v1/calendar-tokens", "").body().path("token").asString();
        List<String> tokens = List.of("", "x", "%20", "%00", "%25", "null", "undefined", "A".repeat(43),
                "A".repeat(42), "A".repeat(44), "+".repeat(43), "%2B".repeat(43), "=".repeat(43), "!".repeat(43),
                "%E1%BB%85".repeat(43), "a".repeat(4000), token.toLowerCase(java.util.Locale.ROOT), token + "%20",
                token + "," + token);
        List<String> units = List.of(cell.toString(), UUID.randomUUID().toString(), "not-a-uuid", "1-2-3-4-5",
                "00000000-0000-0000-0000-000000000000", "%20", "x".repeat(2000));
        for (String candidate : tokens) {
            String feed = "/api/v1/calendar.ics?token=" + candidate;
            check(wrong, "GET " + feed, anonymous.get(feed));
            check(wrong, "GET " + feed + " signed in", office.get(feed));
            for (String unit : units) {
                String unitFeed = "/api/v1/units/" + unit + "/calendar.ics?token=" + candidate;
                check(wrong, "GET " + unitFeed, anonymous.get(unitFeed));
            }
            String revoke = "/api/v1/calendar-tokens/" + candidate;
            if (!candidate.isEmpty()) {
                check(wrong, "DELETE " + revoke, office.delete(revoke));
                check(wrong, "DELETE " + revoke + " anonymous", anonymous.delete(revoke));
            }
        }
        for (String unit : units) {
            String unitFeed = "/api/v1/units/" + unit + "/calendar.ics";
            check(wrong, "GET " + unitFeed + " without a token", anonymous.get(unitFeed));
            check(wrong, "GET " + unitFeed + " with a valid token", anonymous.get(unitFeed + "?token=" + token));
            check(wrong, "GET " + unitFeed + " with two tokens", anonymous.get(unitFeed + "?token=" + token
                    + "&token=" + token));
        }
        for (String odd : List.of("/api/v1/calendar-tokens/", "/api/v1/calendar-tokens/a/b",
                "/api/v1/calendar-tokens/..", "/api/v1/calendar-tokens/%2E%2E", "/api/v1/calendar-tokens/a%2Fb",
                "/api/v1/calendar-tokens/a;b=c", "/api/v1/calendar-tokens/%3B")) {
            check(wrong, "DELETE " + odd, office.delete(odd));
        }

        assertThat(wrong).isEmpty();
        assertCode(anonymous.get("/api/v1/calendar.ics?token=" + "A".repeat(43)), 401, "invalid-feed-token");
        assertCode(anonymous.get("/api/v1/units/not-a-uuid/calendar.ics?token=" + token), 400, "invalid-parameter");
        assertCode(anonymous.get("/api/v1/units/" + UUID.randomUUID() + "/calendar.ics?token=" + token), 404,
                "unit-not-found");
        assertCode(office.delete("/api/v1/calendar-tokens/" + "A".repeat(4000)), 404, "calendar-token-not-found");
        assertThat(office.delete("/api/v1/calendar-tokens/" + token).status()).isEqualTo(204);
        assertCode(anonymous.get("/api/v1/calendar.ics?token=" + token), 401, "invalid-feed-token");
    }

    // ---- the sweep's files and checks

    /** Files a roster import must refuse or plan, never fail on: one for each way a file can be wrong. */
    private static Map<String, byte[]> oddRosterFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("empty file", new byte[0]);
        byte[] random = new byte[4096];
        new Random(20220915).nextBytes(random);
        files.put("random bytes", random);
        files.put("zip without a workbook", zip(Map.of("ghi-chu.txt", "not a workbook")));
        files.put("zip with a broken workbook", zip(Map.of("[Content_Types].xml", "<Types", "xl/workbook.xml",
                "<workbook><sheets><sheet", "xl/_rels/workbook.xml.rels", "\u0000")));
        byte[] seed = SeedRoster.fixture("seed-roster.xlsx");
        files.put("workbook cut in half", Arrays.copyOf(seed, seed.length / 2));
        files.put("zip header only", new byte[] {'P', 'K', 3, 4});
        byte[] ole2 = new byte[1024];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 0, ole2, 0, 8);
        files.put("OLE2 header", ole2);
        files.put("CSV in Latin-1", (CSV_HEADER + "Chi bộ Thư viện,Chi bộ,,Nguyễn Văn Bà,55.1001,Chính thức,"
                + "01/01/2010,,\n").getBytes(StandardCharsets.ISO_8859_1));
        files.put("CSV in UTF-16", (CSV_HEADER + "Chi bộ A,Chi bộ,,Lê Văn Tám,55.1002,Chính thức,01/01/2010,,\n")
                .getBytes(StandardCharsets.UTF_16));
        files.put("header-only CSV", utf8(CSV_HEADER));
        files.put("header-only CSV with a BOM", utf8("\uFEFF" + CSV_HEADER));
        files.put("only a BOM", utf8("\uFEFF"));
        files.put("blank lines", utf8("\n\r\n,,,\n;;\n\t\n"));
        files.put("NUL bytes", new byte[64]);
        files.put("CSV with every cell wrong", utf8(CSV_HEADER
                + "=1+1,Tổ,=1+1,,,MAYBE,31/02/2010,2999-01-01,abc\n"
                + "Chi bộ Sai,BOGUS,Chi bộ Sai,Nguyễn Văn A,!!,Chính thức,yesterday,32/13/1800,++--\n"
                + "Chi bộ Sai,Đảng bộ bộ phận,,Trần Văn B,55.0001,Dự bị,01/01/1900,01/01/2020,0\n"
                + "Chi bộ Khác,Chi bộ,Chi bộ Sai,Lê Văn C,55.0001,Chính thức,99999-01-01,-1,\"\"\n"
                + ",,,,,,,,\n"
                + "Chi bộ Khác,Chi bộ,,Phạm Văn D,55.0002,1,1,1,1,extra,cells,beyond,the,header\n"));
        files.put("CSV with an unclosed quote", utf8(CSV_HEADER + "\"Chi bộ X,Chi bộ,,An,55.1,Chính thức\n"));
        files.put("CSV with a quote inside a cell", utf8(CSV_HEADER + "Chi bộ X,Chi bộ,,An\"B,55.1003,Chính thức,"
                + "01/01/2010,,\n"));
        files.put("very long cells", utf8(CSV_HEADER + "Chi bộ " + "Ư".repeat(100_000) + ",Chi bộ,"
                + "P".repeat(50_000) + "," + "Nguyễn Văn A".repeat(10_000) + "," + "5".repeat(100_000)
                + ",Chính thức," + "1".repeat(10_000) + ",," + "9".repeat(100_000) + "\n"));
        files.put("very long header", utf8("Đơn vị," + "Cột lạ".repeat(50_000) + "\nChi bộ A,x\n"));
        files.put("many columns", utf8(CSV_HEADER.strip() + ",Cột".repeat(20_000) + "\n"
                + "Chi bộ A,Chi bộ,,An,55.1004,Chính thức,01/01/2010,,".repeat(2_000) + "\n"));
        files.put("XLSX with every cell wrong", wrongWorkbook());
        return files;
    }

    /** A workbook whose header is right and whose cells are formulas, numbers, booleans and impossible dates. */
    private static byte[] wrongWorkbook() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Danh sách");
            for (int column = 0; column < SeedRoster.HEADER.length; column++) {
                sheet.value(0, column, SeedRoster.HEADER[column]);
            }
            sheet.formula(1, 0, "1/0");
            sheet.value(1, 1, true);
            sheet.value(1, 2, 3.5);
            sheet.value(1, 3, 1e308);
            sheet.formula(1, 4, "NA()");
            sheet.value(1, 5, -1);
            sheet.value(1, 6, 1e15);
            sheet.style(1, 6).format("dd/mm/yyyy").set();
            sheet.value(1, 7, -5);
            sheet.style(1, 7).format("yyyy-mm-dd").set();
            sheet.value(1, 8, Double.MAX_VALUE);
            sheet.value(2, 0, "Chi bộ Số");
            sheet.value(2, 3, 42);
            sheet.value(2, 4, 55.1005);
            sheet.value(2, 5, "Chính thức");
            sheet.value(2, 6, 2958466);
            sheet.style(2, 6).format("dd/mm/yyyy").set();
            sheet.value(3, 0, "Chi bộ Số");
            sheet.value(3, 3, "Trần Văn E");
            sheet.value(3, 4, "55.1006");
            sheet.value(3, 5, "Dự bị");
            sheet.value(3, 6, 0.5);
            sheet.style(3, 6).format("hh:mm").set();
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(utf8(entry.getValue()));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A multipart/form-data body of one part; a {@code null} file name makes it a plain form field. */
    private static byte[] multipart(String boundary, String name, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n\r\n"));
        body.writeBytes(content);
        body.writeBytes(utf8("\r\n--" + boundary + "--\r\n"));
        return body.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void check(List<String> wrong, String request, Answer answer) {
        check(wrong, request, answer.status(), answer.contentType(), answer.raw());
    }

    private static void check(List<String> wrong, String request, Download answer) {
        check(wrong, request, answer.status(), answer.contentType(), answer.text());
    }

    /** Notes a 5xx whatever its body, and a refusal that is not {@code application/problem+json} with a code. */
    private static void check(List<String> wrong, String request, int status, String contentType, String body) {
        String shown = request.length() > 200 ? request.substring(0, 200) + "…" : request;
        if (status >= 500) {
            wrong.add(status + " " + shown + ": " + abbreviated(body));
        } else if (status >= 400 && (contentType == null || !contentType.startsWith("application/problem+json")
                || codeOf(body) == null)) {
            wrong.add(status + " " + contentType + " " + shown + ": " + abbreviated(body));
        }
    }

    private static String codeOf(String body) {
        try {
            JsonNode code = json.readTree(body).path("code");
            return code.isString() && !code.asString().isBlank() ? code.asString() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String abbreviated(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    private static void assertCode(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo(code);
    }

    private static void assertCode(Download answer, int status, String code) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(codeOf(answer.text())).isEqualTo(code);
    }
}
