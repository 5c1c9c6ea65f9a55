package vn.ledger.command.rosterimport;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.ledger.command.rule.Rules;

/**
 * {@code POST /api/v1/roster/imports} (dry run or apply), {@code GET /api/v1/roster/imports/{id}} (status) and
 * {@code GET /api/v1/roster/import-template} (the file to fill in). Office only (see the security configuration).
 */
@RestController
@Tag(name = "Roster import", description = "Units and members from an XLSX or CSV file: a dry-run plan, then an "
        + "all-or-nothing apply in the background (OFFICE only)")
class RosterImportController {

    static final String PATH = "/api/v1/roster/imports";

    // ---- the OpenAPI document's examples (docs/roster-import.md says the same in prose)

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String IMPORT_ID = "3c9d2a61-7e4b-4f0a-9c15-8b2e6d4f1a07";
    private static final String PLAN = """
            {"dryRun": true, "valid": true, "rowsTotal": 3, "effectiveOn": "2023-01-01",
             "counts": {"unitsToCreate": 1, "unitsUnchanged": 1, "membersToAdmit": 1, "membersToTransfer": 1,
                        "membersUnchanged": 1, "errors": 0, "warnings": 1},
             "truncated": false,
             "unitsToCreate": [
               {"row": 2, "unitId": "5a1e7c3b-2d4f-4e6a-8b9c-0d1e2f3a4b5c", "name": "Chi bộ Thư viện tỉnh",
                "kind": "CELL", "parentName": null, "parentUnitId": null}],
             "membersToAdmit": [
               {"row": 2, "memberId": "0f6d2c8e-6a51-4a57-8f0e-3f9b8c1d2e3a", "fullName": "Trương Thị Ánh Tuyết",
                "cardNumber": "93.000999", "status": "PROBATIONARY", "joinedOn": "2022-03-26",
                "dateOfBirth": "1998-01-09", "phone": null, "unitId": "5a1e7c3b-2d4f-4e6a-8b9c-0d1e2f3a4b5c",
                "unitName": "Chi bộ Thư viện tỉnh"}],
             "membersToTransfer": [
               {"row": 3, "memberId": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "fullName": "Nguyễn Văn An",
                "cardNumber": "93.000017", "fromUnitId": "8d1e5b0a-2f4c-4e8b-a1d3-6c7f9e2b4a10",
                "fromUnitName": "Chi bộ Văn phòng Sở", "toUnitId": "5a1e7c3b-2d4f-4e6a-8b9c-0d1e2f3a4b5c",
                "toUnitName": "Chi bộ Thư viện tỉnh", "effectiveOn": "2023-01-01"}],
             "membersUnchanged": [
               {"row": 4, "memberId": "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", "fullName": "Lê Văn Cường",
                "cardNumber": "93.000042", "unitName": "Chi bộ Văn phòng Sở"}],
             "errors": [],
             "warnings": [
               {"row": 4, "column": "Họ và tên", "code": "name-differs",
                "message": "Họ tên trong danh sách hiện có là “Lê Văn Cường”; nhập danh sách không đổi họ tên."}]}""";
    private static final String PLAN_WITH_ERRORS = """
            {"dryRun": true, "valid": false, "rowsTotal": 2, "effectiveOn": "2023-01-01",
             "counts": {"unitsToCreate": 1, "unitsUnchanged": 0, "membersToAdmit": 1, "membersToTransfer": 0,
                        "membersUnchanged": 0, "errors": 1, "warnings": 0},
             "truncated": false,
             "unitsToCreate": [
               {"row": 2, "unitId": "5a1e7c3b-2d4f-4e6a-8b9c-0d1e2f3a4b5c", "name": "Chi bộ Thư viện tỉnh",
                "kind": "CELL", "parentName": null, "parentUnitId": null}],
             "membersToAdmit": [
               {"row": 2, "memberId": "0f6d2c8e-6a51-4a57-8f0e-3f9b8c1d2e3a", "fullName": "Nguyễn Văn An",
                "cardNumber": "93.000017", "status": "OFFICIAL", "joinedOn": "2010-05-19", "dateOfBirth": null,
                "phone": null, "unitId": "5a1e7c3b-2d4f-4e6a-8b9c-0d1e2f3a4b5c",
                "unitName": "Chi bộ Thư viện tỉnh"}],
             "membersToTransfer": [], "membersUnchanged": [],
             "errors": [
               {"row": 3, "column": "Joined on", "code": "bad-date",
                "message": "“2021-13-40” is not a date as day/month/year (e.g. 19/05/2010) or year-month-day \
            (2010-05-19)."}],
             "warnings": []}""";
    private static final String QUEUED = """
            {"importId": "3c9d2a61-7e4b-4f0a-9c15-8b2e6d4f1a07", "state": "QUEUED", "rowsTotal": 162, "rowsDone": 0,
             "progress": 0.0, "fileName": "danh-sach.xlsx", "username": "admin",
             "createdAt": "2026-03-02T02:15:07.412Z", "startedAt": null, "finishedAt": null, "summary": null,
             "errors": []}""";
    private static final String RUNNING = """
            {"importId": "3c9d2a61-7e4b-4f0a-9c15-8b2e6d4f1a07", "state": "RUNNING",
             "rowsTotal": 162, "rowsDone": 81,
             "progress": 0.5, "fileName": "danh-sach.xlsx", "username": "admin",
             "createdAt": "2026-03-02T02:15:07.412Z", "startedAt": "2026-03-02T02:15:07.436Z", "finishedAt": null,
             "summary": null, "errors": []}""";
    private static final String SUCCEEDED = """
            {"importId": "3c9d2a61-7e4b-4f0a-9c15-8b2e6d4f1a07", "state": "SUCCEEDED",
             "rowsTotal": 162, "rowsDone": 162,
             "progress": 1.0, "fileName": "danh-sach.xlsx", "username": "admin",
             "createdAt": "2026-03-02T02:15:07.412Z", "startedAt": "2026-03-02T02:15:07.436Z",
             "finishedAt": "2026-03-02T02:15:07.901Z",
             "summary": {"unitsCreated": 13, "unitsUnchanged": 0, "membersAdmitted": 160, "membersTransferred": 0,
                         "membersUnchanged": 0, "eventsWritten": 173, "firstPosition": 1204, "lastPosition": 1376,
                         "effectiveOn": "2026-03-02", "warnings": 0},
             "errors": []}""";
    private static final String FAILED = """
            {"importId": "3c9d2a61-7e4b-4f0a-9c15-8b2e6d4f1a07", "state": "FAILED",
             "rowsTotal": 162, "rowsDone": 40,
             "progress": 0.24691358024691357, "fileName": "danh-sach.xlsx", "username": "admin",
             "createdAt": "2026-03-02T02:15:07.412Z", "startedAt": "2026-03-02T02:15:07.436Z",
             "finishedAt": "2026-03-02T02:15:07.655Z", "summary": null,
             "errors": [{"row": 42, "column": null, "code": "card-number-taken",
                         "message": "Không ghi được dòng này: The Party card number 93.000017 belongs to the \
            member 2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a already."}]}""";
    private static final String ROWS_INVALID = """
            {"type": "urn:ledger:problem:import-rows-invalid", "title": "Bad Request", "status": 400,
             "detail": "Tệp có 2 lỗi; chưa nhập gì.", "instance": "/api/v1/roster/imports",
             "code": "import-rows-invalid",
             "errors": [
               {"row": 3, "column": "Ngày vào Đảng", "code": "bad-date",
                "message": "“2021-13-40” không phải ngày theo dạng ngày/tháng/năm (ví dụ 19/05/2010)."},
               {"row": 5, "column": "Số thẻ đảng viên", "code": "duplicate-card",
                "message": "Số thẻ 93.000017 đã có ở dòng 2."}]}""";
    private static final String NOT_UTF8 = """
            {"type": "urn:ledger:problem:not-utf8", "title": "Bad Request", "status": 400,
             "detail": "The file is neither an .xlsx workbook nor CSV in UTF-8. In Excel, save it as “CSV UTF-8 \
            (Comma delimited)” or as .xlsx.", "instance": "/api/v1/roster/imports", "code": "not-utf8"}""";
    private static final String ENCRYPTED = """
            {"type": "urn:ledger:problem:workbook-encrypted", "title": "Bad Request", "status": 400,
             "detail": "The workbook is password-protected or in the old .xls format: remove the password and save \
            it as .xlsx (or CSV UTF-8).", "instance": "/api/v1/roster/imports", "code": "workbook-encrypted"}""";
    private static final String FILE_MISSING = """
            {"type": "urn:ledger:problem:file-missing", "title": "Bad Request", "status": 400,
             "detail": "Required part 'file' is not present.", "instance": "/api/v1/roster/imports",
             "code": "file-missing"}""";
    private static final String FILE_TOO_LARGE = """
            {"type": "urn:ledger:problem:file-too-large", "title": "Content Too Large", "status": 413,
             "detail": "The file is over 20971520 bytes; split it into several files.",
             "instance": "/api/v1/roster/imports", "code": "file-too-large"}""";
    private static final String TOO_MANY_ROWS = """
            {"type": "urn:ledger:problem:too-many-rows", "title": "Content Too Large", "status": 413,
             "detail": "The file has more than 100000 rows; split it into several files.",
             "instance": "/api/v1/roster/imports", "code": "too-many-rows"}""";
    private static final String UNSUPPORTED = """
            {"type": "urn:ledger:problem:unsupported-media-type", "title": "Unsupported Media Type", "status": 415,
             "detail": "This path does not take this content type.", "code": "unsupported-media-type"}""";
    private static final String FORBIDDEN = """
            {"type": "urn:ledger:problem:forbidden-role", "title": "Forbidden", "status": 403,
             "detail": "Your role may not do this.", "code": "forbidden-role"}""";
    private static final String INVALID_FORMAT = """
            {"type": "urn:ledger:problem:invalid-parameter", "title": "Bad Request", "status": 400,
             "detail": "format is xlsx or csv.", "instance": "/api/v1/roster/import-template",
             "code": "invalid-parameter"}""";
    private static final String NOT_FOUND = """
            {"type": "urn:ledger:problem:import-not-found", "title": "Not Found", "status": 404,
             "detail": "There is no roster import 3c9d2a61-7e4b-4f0a-9c15-8b2e6d4f1a07.",
             "instance": "/api/v1/roster/imports/3c9d2a61-7e4b-4f0a-9c15-8b2e6d4f1a07", "code": "import-not-found"}""";

    private final RosterImports imports;
    private final long maxFileBytes;
    private final int previewItems;

    RosterImportController(RosterImports imports,
                           @Value("${ledger.import.max-file-bytes:20971520}") long maxFileBytes,
                           @Value("${ledger.import.preview-items:1000}") int previewItems) {
        this.imports = imports;
        this.maxFileBytes = maxFileBytes;
        this.previewItems = previewItems;
    }

    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import units and members from an XLSX or CSV file, or plan it (dryRun=true)",
            description = """
                    The file is the multipart part `file`: an XLSX workbook (its first sheet) or a CSV in UTF-8 \
                    (comma, semicolon or tab separated), told apart by its first bytes. The first non-empty row is \
                    the header, in Vietnamese or English (`GET /api/v1/roster/import-template`). Units are known by \
                    name, members by Party card number: a new unit is registered, a new card admitted, a card in \
                    another unit transferred on `effectiveOn`; nothing else changes, so importing the same file \
                    again writes nothing. With `dryRun=true` the answer is the plan, with every row error and \
                    warning, and nothing is written. Without it the plan must have no error (else 400 \
                    `import-rows-invalid` with every row error, and nothing is queued); the import is queued and \
                    answered 202 with its status URL in `Location`: it runs in the background in one transaction, \
                    all or nothing. Messages are in Vietnamese, or English when `Accept-Language` prefers it.""",
            parameters = @Parameter(in = ParameterIn.HEADER, name = "Accept-Language", example = "en-US",
                    description = "English messages and column names when it prefers English; else Vietnamese"))
    @ApiResponse(responseCode = "200", description = "The plan of a dry run (`dryRun=true`); nothing was written",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"),
                    examples = {
                        @ExampleObject(name = "plan", summary = "A valid plan", value = PLAN),
                        @ExampleObject(name = "plan-with-errors", summary = "A plan with a row error (in English)",
                                value = PLAN_WITH_ERRORS)}))
    @ApiResponse(responseCode = "202", description = "Queued; follow `Location` (the import's status)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RosterImports.Status.class),
                    examples = @ExampleObject(name = "queued", value = QUEUED)))
    @ApiResponse(responseCode = "400", description = "Row errors on apply (`import-rows-invalid`, `errors[]` has "
            + "row, column, code, message), or a file refused as a whole: `file-missing`, `file-empty`, "
            + "`workbook-encrypted`, `workbook-unreadable`, `not-utf8`, `csv-malformed`, `multipart-invalid`, "
            + "`invalid-parameter` (`dryRun`, `effectiveOn` not a date), `date-out-of-range` (`effectiveOn` outside "
            + "2000-01-01 to 2100-12-31, as for a transfer)",
            content = @Content(mediaType = PROBLEM, examples = {
                @ExampleObject(name = "import-rows-invalid", value = ROWS_INVALID),
                @ExampleObject(name = "not-utf8", value = NOT_UTF8),
                @ExampleObject(name = "workbook-encrypted", value = ENCRYPTED),
                @ExampleObject(name = "file-missing", value = FILE_MISSING)}))
    @ApiResponse(responseCode = "403", description = "Not an OFFICE user (`forbidden-role`)",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "forbidden-role",
                    value = FORBIDDEN)))
    @ApiResponse(responseCode = "413", description = "A file over `LEDGER_IMPORT_MAX_FILE_BYTES` (`file-too-large`, "
            + "or `body-too-large` for the whole request) or with more than `LEDGER_IMPORT_MAX_ROWS` data rows "
            + "(`too-many-rows`)",
            content = @Content(mediaType = PROBLEM, examples = {
                @ExampleObject(name = "file-too-large", value = FILE_TOO_LARGE),
                @ExampleObject(name = "too-many-rows", value = TOO_MANY_ROWS)}))
    @ApiResponse(responseCode = "415", description = "Not a multipart/form-data body (`unsupported-media-type`)",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unsupported-media-type",
                    value = UNSUPPORTED)))
    ResponseEntity<?> importRoster(@Parameter(description = "The roster file, XLSX or CSV (UTF-8)")
                                   @RequestPart("file") MultipartFile file,
                                   @Parameter(description = "true: answer the plan and write nothing",
                                           example = "true")
                                   @RequestParam(defaultValue = "false") boolean dryRun,
                                   @Parameter(description = "The day transfers take effect, from 2000-01-01 to "
                                           + "2100-12-31 (default: today in Vietnam)", example = "2023-01-01")
                                   @RequestParam(required = false) LocalDate effectiveOn,
                                   HttpServletRequest request) throws IOException {
        ImportLanguage language = ImportLanguage.of(request);
        if (file.getSize() > maxFileBytes) {
            throw new ImportRejected(413, "file-too-large", language == ImportLanguage.EN
                    ? "The file is over " + maxFileBytes + " bytes; split it into several files."
                    : "Tệp lớn hơn " + maxFileBytes + " byte; hãy chia thành nhiều tệp.");
        }
        LocalDate effective = effectiveOn == null ? imports.today() : effectiveOn;
        // the aggregates refuse a transfer on such a day: a plan that counts on one would fail on apply
        Rules.requireSaneDate("effectiveOn", effective);
        var rows = imports.read(file.getBytes(), language);
        ImportPlan plan = imports.plan(rows, language, effective);
        if (dryRun) {
            return ResponseEntity.ok(preview(plan));
        }
        RosterImports.Status status = imports.start(rows, plan, fileName(file), language, effective, request);
        return ResponseEntity.accepted()
                .location(URI.create(PATH + "/" + status.importId()))
                .body(status);
    }

    @GetMapping(PATH + "/{importId}")
    @Operation(summary = "Where a roster import stands",
            description = """
                    `state` is QUEUED, RUNNING, SUCCEEDED or FAILED; `rowsDone` of `rowsTotal` and `progress` (0..1) \
                    grow while it runs. SUCCEEDED is written in the import's own transaction, so it is true exactly \
                    when the events are in the log; its `summary` counts what was written, and `lastPosition` passed \
                    as `position=` to a statistics query reads the import. FAILED wrote nothing: `errors[]` says \
                    why (`interrupted` when the service stopped during the import; importing again is safe).""")
    @ApiResponse(responseCode = "200", description = "The import's status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RosterImports.Status.class), examples = {
                        @ExampleObject(name = "running", value = RUNNING),
                        @ExampleObject(name = "succeeded", value = SUCCEEDED),
                        @ExampleObject(name = "failed", value = FAILED)}))
    @ApiResponse(responseCode = "400", description = "The id is not a UUID (`invalid-parameter`)",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No import has this id (`import-not-found`)",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "import-not-found",
                    value = NOT_FOUND)))
    ResponseEntity<?> status(@Parameter(description = "The import's id, from the 202 answer or its Location",
                                     example = IMPORT_ID)
                             @PathVariable UUID importId, HttpServletRequest request) {
        return imports.status(importId)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(new ImportRejected(404, "import-not-found",
                        ImportLanguage.of(request) == ImportLanguage.EN
                                ? "There is no roster import " + importId + "."
                                : "Không có lần nhập danh sách " + importId + ".")));
    }

    @GetMapping("/api/v1/roster/import-template")
    @Operation(summary = "The roster file to fill in",
            description = """
                    The header row in Vietnamese; the workbook has a second sheet, "Hướng dẫn", explaining each \
                    column in Vietnamese and English. The CSV is UTF-8 with a byte order mark, so that Excel shows \
                    the diacritics.""")
    @ApiResponse(responseCode = "200", description = "The template as a file to download", content = {
        @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "text/csv", schema = @Schema(type = "string"), examples = @ExampleObject(name = "csv",
                value = "Đơn vị,Loại đơn vị,Đơn vị cấp trên,Họ và tên,Số thẻ đảng viên,Trạng thái,Ngày vào Đảng,"
                        + "Ngày sinh,Số điện thoại"))})
    @ApiResponse(responseCode = "400", description = "`format` is neither xlsx nor csv (`invalid-parameter`)",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "invalid-parameter",
                    value = INVALID_FORMAT)))
    ResponseEntity<byte[]> template(@Parameter(description = "The file format", example = "xlsx",
                                            schema = @Schema(allowableValues = {"xlsx", "csv"},
                                                    defaultValue = "xlsx"))
                                    @RequestParam(defaultValue = "xlsx") String format,
                                    HttpServletRequest request) throws IOException {
        ImportLanguage language = ImportLanguage.of(request);
        return switch (format) {
            case "xlsx" -> file(ImportTemplate.xlsx(), "mau-nhap-danh-sach.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            case "csv" -> file(ImportTemplate.csv(), "mau-nhap-danh-sach.csv", "text/csv;charset=UTF-8");
            default -> throw new ImportRejected(400, "invalid-parameter", language == ImportLanguage.EN
                    ? "format is xlsx or csv." : "format là xlsx hoặc csv.");
        };
    }

    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<ProblemDetail> rejected(ImportRejected rejected) {
        return problem(rejected);
    }

    // ---- answers

    private Map<String, Object> preview(ImportPlan plan) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("unitsToCreate", plan.unitsToCreate().size());
        counts.put("unitsUnchanged", plan.unitsUnchanged());
        counts.put("membersToAdmit", plan.membersToAdmit().size());
        counts.put("membersToTransfer", plan.membersToTransfer().size());
        counts.put("membersUnchanged", plan.membersUnchanged().size());
        counts.put("errors", plan.errors().size());
        counts.put("warnings", plan.warnings().size());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("dryRun", true);
        answer.put("valid", plan.valid());
        answer.put("rowsTotal", plan.rowsTotal());
        answer.put("effectiveOn", plan.effectiveOn());
        answer.put("counts", counts);
        boolean truncated = plan.unitsToCreate().size() > previewItems || plan.membersToAdmit().size() > previewItems
                || plan.membersToTransfer().size() > previewItems || plan.membersUnchanged().size() > previewItems;
        answer.put("truncated", truncated);
        answer.put("unitsToCreate", first(plan.unitsToCreate()));
        answer.put("membersToAdmit", first(plan.membersToAdmit()));
        answer.put("membersToTransfer", first(plan.membersToTransfer()));
        answer.put("membersUnchanged", first(plan.membersUnchanged()));
        answer.put("errors", plan.errors());
        answer.put("warnings", plan.warnings());
        return answer;
    }

    private <T> List<T> first(List<T> items) {
        return items.size() <= previewItems ? items : items.subList(0, previewItems);
    }

    private static ResponseEntity<ProblemDetail> problem(ImportRejected rejected) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(rejected.status()),
                rejected.getMessage());
        problem.setType(URI.create("urn:ledger:problem:" + rejected.code()));
        problem.setProperty("code", rejected.code());
        if (!rejected.errors().isEmpty()) {
            problem.setProperty("errors", rejected.errors());
        }
        return ResponseEntity.status(rejected.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<byte[]> file(byte[] content, String name, String contentType) {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType(contentType))
                .body(content);
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return null;
        }
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.length() > 300 ? name.substring(0, 300) : name;
    }
}
