package vn.ledger.query.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.query.document.Attachments;
import vn.ledger.query.document.DocumentLanguage;
import vn.ledger.query.stats.QuarterlyFigures;
import vn.ledger.query.stats.QuarterlyStatistics;
import vn.ledger.query.document.DocumentFormat;

/**
 * {@code GET /api/v1/reports/quarterly} of {@code api.md}: the quarterly report as a CSV, XLSX or PDF file. Its
 * figures are the statistics endpoints' (per quarter, per unit, per performance), read at one position of the log with
 * their parameters, problems, read-your-writes wait and scope: a {@code SECRETARY}'s report has only their units in
 * its units' table, as {@code /stats/units} does.
 */
@RestController
@Tag(name = "Reports", description = "The quarterly report as a file")
class QuarterlyReportController {

    private static final String PROBLEM = "application/problem+json";
    private static final String INVALID_QUARTER = """
            {"type": "urn:ledger:problem:invalid-quarter", "title": "Bad Request", "status": 400,
             "detail": "'2022-Q5' is not a quarter; write it like 2022-Q3.", "code": "invalid-quarter",
             "errors": [{"field": "quarter", "message": "'2022-Q5' is not a quarter; write it like 2022-Q3."}]}""";
    private static final String INVALID_FORMAT = """
            {"type": "urn:ledger:problem:invalid-parameter", "title": "Bad Request", "status": 400,
             "detail": "'docx' is not a report format; one of [csv, xlsx, pdf].", "code": "invalid-parameter",
             "errors": [{"field": "format", "message": "'docx' is not a report format; one of [csv, xlsx, pdf]."}]}""";
    private static final String INVALID_AS_OF = """
            {"type": "urn:ledger:problem:invalid-as-of", "title": "Bad Request", "status": 400,
             "detail": "'yesterday' is not an instant; write it like 2022-10-01T08:00:00+07:00.",
             "code": "invalid-as-of", "errors": [{"field": "asOf",
             "message": "'yesterday' is not an instant; write it like 2022-10-01T08:00:00+07:00."}]}""";
    private static final String VIEW_BEHIND = """
            {"type": "urn:ledger:problem:view-behind", "title": "Service Unavailable", "status": 503,
             "detail": "The view stats-v1 has reached position 1200, not yet 1204; retry in a moment.",
             "code": "view-behind"}""";

    private final QuarterlyStatistics statistics;
    private final ReportSettings settings;
    private final Clock clock;

    QuarterlyReportController(QuarterlyStatistics statistics, ReportSettings settings, Clock clock) {
        this.statistics = statistics;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/api/v1/reports/quarterly")
    @Operation(summary = "The quarterly report as a file (CSV, XLSX or PDF)",
            description = """
                    The report of a quarter's thematic sessions, from the statistics views: the heading (the \
                    committee, "BÁO CÁO KẾT QUẢ SINH HOẠT CHUYÊN ĐỀ QUÝ III NĂM 2022", and the position of the event \
                    log the figures reflect, with its time); I. the committee's totals of `/stats/quarters` (sessions \
                    held, member, guest and performance attendances, showings, total attendances); II. a row per unit \
                    of `/stats/units` (its name then and its current name, sessions planned, held and cancelled, \
                    members expected and present, attendance rate, guests in each of the five categories, showings \
                    and audience) and their sum; III. the pieces of `/stats/performances` with each venue; the \
                    printing date and the signatures. `asOf` or `position` answer as the views stood then, as for \
                    the statistics; a position the views have not reached yet is waited for (up to 10 s, then 503). \
                    A `SECRETARY` gets only their units in part II. The PDF is A4 landscape with the tables' headers \
                    repeated and pages numbered, in an embedded font with every Vietnamese letter; the XLSX has a \
                    worksheet per part with number cells and frozen header rows; the CSV is UTF-8 with a byte order \
                    mark and CRLF, the parts one after another. Vietnamese unless `lang=en` or an `Accept-Language` \
                    preferring English. The file comes as an attachment, named in ASCII (`filename`, e.g. \
                    `bao-cao-quy-2022-Q3.pdf`) and in UTF-8 (`filename*`).""",
            responses = {
                @ApiResponse(responseCode = "200", description = "The report as a file to download",
                        content = {
                            @Content(mediaType = "application/pdf",
                                    schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
                                    examples = @ExampleObject(name = "csv", summary = "The start of a CSV report",
                                            value = """
                                            BÁO CÁO KẾT QUẢ SINH HOẠT CHUYÊN ĐỀ QUÝ III NĂM 2022
                                            Đảng ủy Sở Văn hóa, Thể thao và Du lịch
                                            "Số liệu tính đến vị trí 1204 của sổ, lúc 09:12:30 ngày 01/10/2022."

                                            I. TỔNG HỢP CHUNG TOÀN ĐẢNG BỘ
                                            Nội dung,Đơn vị tính,Số lượng
                                            Số buổi sinh hoạt chuyên đề đã tổ chức,buổi,1
                                            Lượt khán giả xem biểu diễn nghệ thuật,lượt người,5300
                                            """))}),
                @ApiResponse(responseCode = "400", description = """
                        `quarter`, `format`, `lang`, `asOf` or `position` is not one of its values (`invalid-quarter`, \
                        `invalid-parameter`, `invalid-as-of`, `invalid-position`, `conflicting-parameters`), or \
                        `quarter` is missing (`missing-parameter`)""",
                        content = @Content(mediaType = PROBLEM, examples = {
                            @ExampleObject(name = "invalid-quarter", value = INVALID_QUARTER),
                            @ExampleObject(name = "invalid-parameter", value = INVALID_FORMAT),
                            @ExampleObject(name = "invalid-as-of", value = INVALID_AS_OF)})),
                @ApiResponse(responseCode = "503", description = "The views have not reached `position` within 10 s",
                        content = @Content(mediaType = PROBLEM,
                                examples = @ExampleObject(name = "view-behind", value = VIEW_BEHIND)))})
    void quarterly(
            @Parameter(description = "The quarter", example = "2022-Q3") @RequestParam String quarter,
            @Parameter(description = "The file format", example = "pdf",
                    schema = @Schema(allowableValues = {"csv", "xlsx", "pdf"}, defaultValue = "pdf"))
            @RequestParam(defaultValue = "pdf") String format,
            @Parameter(description = "The report's language; without it, `Accept-Language` decides, else Vietnamese",
                    example = "vi", schema = @Schema(allowableValues = {"vi", "en"}))
            @RequestParam(required = false) String lang,
            @Parameter(description = "The views as they stood at this instant (with its offset)",
                    example = "2022-10-01T08:00:00+07:00")
            @RequestParam(required = false) String asOf,
            @Parameter(description = "The views as they stood after this position of the event log; waited for "
                    + "when not reached yet", example = "1204")
            @RequestParam(required = false) String position,
            @Parameter(in = ParameterIn.HEADER, description = "Consulted when `lang` is absent", example = "en-US")
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            HttpServletResponse response) throws IOException {
        DocumentFormat reportFormat = DocumentFormat.parse(format, "report", DocumentFormat.CSV, DocumentFormat.XLSX,
                DocumentFormat.PDF);
        ReportText text = new ReportText(DocumentLanguage.choose(lang, acceptLanguage, "the report"));
        QuarterlyFigures figures = statistics.read(quarter, asOf, position);
        OffsetDateTime printedAt = clock.instant().atZone(ReportText.ZONE).toOffsetDateTime();
        QuarterlyReport report = new QuarterlyReport(figures, text, settings.committeeName(), printedAt);

        response.setContentType(reportFormat.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(report, reportFormat));
        // what a reader may see depends on who they are (a secretary's units): not for shared caches
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        OutputStream out = response.getOutputStream();
        switch (reportFormat) {
            case CSV -> QuarterlyReportCsv.write(report, out);
            case XLSX -> QuarterlyReportXlsx.write(report, out);
            case PDF -> QuarterlyReportPdf.write(report, out);
        }
        out.flush();
    }

    /** {@code bao-cao-quy-2022-Q3.pdf}, and "Báo cáo sinh hoạt chuyên đề quý III năm 2022.pdf" in UTF-8. */
    static String disposition(QuarterlyReport report, DocumentFormat format) {
        String ascii = report.text().text("file.slug") + "-" + report.figures().code() + "." + format.extension();
        return Attachments.disposition(ascii, report.text().fileTitle(report.figures()) + "." + format.extension());
    }
}
