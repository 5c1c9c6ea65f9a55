package vn.ledger.query.sheet;

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
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.query.access.ReaderScope;
import vn.ledger.query.document.Attachments;
import vn.ledger.query.session.SessionNotFound;
import vn.ledger.query.document.DocumentFormat;
import vn.ledger.query.web.InvalidParameter;

/**
 * {@code GET /api/v1/sessions/{id}/attendance-sheet} of {@code api.md}, and {@code GET
 * /api/v1/sessions/{id}/expected-members}, an addition for the web page's checklist. Both answer as the session
 * detail does for an unknown session (404 {@code session-not-found}) and for a {@code SECRETARY} whose units the
 * session does not involve (403 {@code forbidden-unit}); a bad parameter is 400 {@code invalid-parameter}.
 */
@RestController
@RequestMapping("/api/v1/sessions")
@Tag(name = "Attendance sheet", description = "The printable sign-in sheet of a session and its members' checklist")
class AttendanceSheetController {

    /** A search longer than any name is not a search for a name. */
    static final int MAX_QUERY_LENGTH = 100;

    private static final String PROBLEM = "application/problem+json";
    private static final String NOT_FOUND = """
            {"type": "urn:ledger:problem:session-not-found", "title": "Not Found", "status": 404,
             "detail": "No session has the id 7b0c4a52-3f5e-4d6f-9b1a-2a4c6e8f0a11.", "code": "session-not-found"}""";
    private static final String FORBIDDEN = """
            {"type": "urn:ledger:problem:forbidden-unit", "title": "Forbidden", "status": 403,
             "detail": "You may not read session 7b0c4a52-3f5e-4d6f-9b1a-2a4c6e8f0a11: it involves none of your \
            units.", "code": "forbidden-unit"}""";
    private static final String CHECKLIST = """
            {"sessionId": "7b0c4a52-3f5e-4d6f-9b1a-2a4c6e8f0a11", "scheduledOn": "2022-09-15", "q": "nguyen",
             "expectedTotal": 24, "exemptTotal": 1,
             "expected": [
               {"memberId": "0f6d2c8e-6a51-4a57-8f0e-3f9b8c1d2e3a", "fullName": "Nguyễn Văn An",
                "unitId": "5a1e7c3b-2d4f-4e6a-8b9c-0d1e2f3a4b5c", "unitName": "Chi bộ Trung tâm Văn hóa Nghệ thuật",
                "status": "PRESENT", "mode": "IN_PERSON", "note": null},
               {"memberId": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "fullName": "Nguyễn Thị Ánh Tuyết",
                "unitId": "5a1e7c3b-2d4f-4e6a-8b9c-0d1e2f3a4b5c", "unitName": "Chi bộ Trung tâm Văn hóa Nghệ thuật",
                "status": null, "mode": null, "note": null}],
             "exempt": [
               {"memberId": "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", "fullName": "Nguyễn Văn Bảy",
                "unitId": "5a1e7c3b-2d4f-4e6a-8b9c-0d1e2f3a4b5c", "unitName": "Chi bộ Trung tâm Văn hóa Nghệ thuật",
                "exemptFrom": "2022-07-01", "exemptTo": "2022-12-31"}]}""";

    private final SheetQueries queries;
    private final Clock clock;

    AttendanceSheetController(SheetQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/{id}/attendance-sheet")
    @Operation(summary = "The printable attendance sheet of a session (PDF or XLSX)",
            description = """
                    The sign-in sheet of the members expected at the session on its date: in one of its units, \
                    admitted on or before it and not exempt that day (the statistics' definition, from the roster as \
                    it stands). It gives the session's units, topic, date and time (dd/MM/yyyy HH:mm, \
                    Asia/Ho_Chi_Minh), format, venue or online link, presenter and host; a table of the expected \
                    members in Vietnamese order (by given name) with columns to sign and for notes, and their unit \
                    when the session has several; apart, the members exempt that day with their exemption's period; \
                    numbered blank rows for guests in each of the five guest categories, with a total line; and the \
                    minute-taker's and the secretary's signatures with the printing date. A4, each table's header \
                    repeated on every page, pages numbered. Vietnamese unless `lang=en` or an `Accept-Language` \
                    preferring English. The file comes as an attachment, named in ASCII (`filename`) and in UTF-8 \
                    (`filename*`).""",
            responses = {
                @ApiResponse(responseCode = "200", description = "The sheet as a file to download",
                        content = {
                            @Content(mediaType = "application/pdf",
                                    schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    schema = @Schema(type = "string", format = "binary"))}),
                @ApiResponse(responseCode = "400", description = "`format` or `lang` is not one of its values",
                        content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "invalid-parameter",
                                value = """
                                {"type": "urn:ledger:problem:invalid-parameter", "title": "Bad Request",
                                 "status": 400, "detail": "'docx' is not a sheet format; one of [pdf, xlsx].",
                                 "code": "invalid-parameter", "errors": [{"field": "format",
                                 "message": "'docx' is not a sheet format; one of [pdf, xlsx]."}]}"""))),
                @ApiResponse(responseCode = "403", description = "A secretary of none of the session's units",
                        content = @Content(mediaType = PROBLEM,
                                examples = @ExampleObject(name = "forbidden-unit", value = FORBIDDEN))),
                @ApiResponse(responseCode = "404", description = "No session has this id",
                        content = @Content(mediaType = PROBLEM,
                                examples = @ExampleObject(name = "session-not-found", value = NOT_FOUND)))})
    void attendanceSheet(
            @Parameter(description = "The session's id", example = "7b0c4a52-3f5e-4d6f-9b1a-2a4c6e8f0a11")
            @PathVariable UUID id,
            @Parameter(description = "The file format", example = "pdf",
                    schema = @Schema(allowableValues = {"pdf", "xlsx"}, defaultValue = "pdf"))
            @RequestParam(defaultValue = "pdf") String format,
            @Parameter(description = "The sheet's language; without it, `Accept-Language` decides, else Vietnamese",
                    example = "vi", schema = @Schema(allowableValues = {"vi", "en"}))
            @RequestParam(required = false) String lang,
            @Parameter(in = ParameterIn.HEADER, description = "Consulted when `lang` is absent", example = "en-US")
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            HttpServletResponse response) throws IOException {
        DocumentFormat sheetFormat = DocumentFormat.parse(format, "sheet", DocumentFormat.PDF, DocumentFormat.XLSX);
        SheetLanguage language = SheetLanguage.choose(lang, acceptLanguage);
        SessionRoster roster = readableRoster(id);
        OffsetDateTime printedAt = clock.instant().atZone(SheetQueries.ZONE).toOffsetDateTime();

        response.setContentType(sheetFormat.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(roster, language, sheetFormat));
        // personal data: not for shared caches, nor kept by the browser
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        OutputStream out = response.getOutputStream();
        switch (sheetFormat) {
            case PDF -> AttendanceSheetPdf.write(roster, language, printedAt, out);
            case XLSX -> AttendanceSheetXlsx.write(roster, language, printedAt, out);
            default -> throw new IllegalStateException("not a sheet format: " + sheetFormat);
        }
        out.flush();
    }

    @GetMapping(path = "/{id}/expected-members", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The members expected at a session, with a search by name",
            description = """
                    For the web page's checklist: each member expected at the session on its date (as for the \
                    attendance sheet) with the attendance recorded for them so far (`status`, `mode`, `note`; null \
                    until recorded), and apart the members of its units exempt that day. `q` keeps the members whose \
                    name contains it, ignoring case and diacritics: "nguyen van a" finds "Nguyễn Văn A", "văn" finds \
                    "Van", "dang" finds "Đặng". Names are in NFC, in Vietnamese order (by given name, then the whole \
                    name).""",
            responses = {
                @ApiResponse(responseCode = "200", description = "The checklist",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                schema = @Schema(implementation = ExpectedMembersView.class),
                                examples = @ExampleObject(name = "search", summary = "q=nguyen", value = CHECKLIST))),
                @ApiResponse(responseCode = "400", description = "`q` longer than " + MAX_QUERY_LENGTH
                        + " characters", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "403", description = "A secretary of none of the session's units",
                        content = @Content(mediaType = PROBLEM,
                                examples = @ExampleObject(name = "forbidden-unit", value = FORBIDDEN))),
                @ApiResponse(responseCode = "404", description = "No session has this id",
                        content = @Content(mediaType = PROBLEM,
                                examples = @ExampleObject(name = "session-not-found", value = NOT_FOUND)))})
    ExpectedMembersView expectedMembers(
            @Parameter(description = "The session's id", example = "7b0c4a52-3f5e-4d6f-9b1a-2a4c6e8f0a11")
            @PathVariable UUID id,
            @Parameter(description = "Any part of a name, with or without diacritics", example = "nguyen van a")
            @RequestParam(required = false) String q) {
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw new InvalidParameter("invalid-parameter", "q",
                    "A name search is at most " + MAX_QUERY_LENGTH + " characters long.");
        }
        SessionRoster roster = readableRoster(id);
        String folded = VietnameseNames.fold(q);
        return new ExpectedMembersView(
                id,
                roster.session().scheduledOn(),
                q == null || q.isBlank() ? null : q,
                roster.expected().size(),
                roster.exempt().size(),
                roster.expected().stream()
                        .filter(member -> VietnameseNames.matches(member.fullName(), folded))
                        .map(member -> new ExpectedMembersView.ExpectedMember(member.memberId(), member.fullName(),
                                member.unitId(), member.unitName(), member.status(), member.mode(), member.note()))
                        .toList(),
                roster.exempt().stream()
                        .filter(member -> VietnameseNames.matches(member.fullName(), folded))
                        .map(member -> new ExpectedMembersView.ExemptMember(member.memberId(), member.fullName(),
                                member.unitId(), member.unitName(), member.from(), member.to()))
                        .toList());
    }

    /** The session's roster, if the session exists and the reader may read it, as for the session detail. */
    private SessionRoster readableRoster(UUID id) {
        SessionRoster roster = queries.roster(id).orElseThrow(() -> new SessionNotFound(id));
        ReaderScope.current().requireAny(
                roster.session().units().stream().map(SessionRoster.Unit::unitId).toList(), "session " + id);
        return roster;
    }

    /**
     * {@code attachment} with an ASCII name for every client ({@code filename}) and the Vietnamese one in UTF-8
     * ({@code filename*}, RFC 6266 and RFC 8187).
     */
    static String disposition(SessionRoster roster, SheetLanguage language, DocumentFormat format) {
        String date = roster.session().scheduledOn().format(DateTimeFormatter.ISO_LOCAL_DATE);
        String units = SheetText.unitNames(roster.session(), language);
        String ascii = slug(language.text("file.slug") + " " + date + " " + units, 100) + "." + format.extension();
        String readable = language.text("file.title") + " – " + units + " – "
                + roster.session().scheduledOn().format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
        return Attachments.disposition(ascii, readable + "." + format.extension());
    }

    /** Lower-case ASCII letters and digits joined by single dashes, at most {@code limit} characters. */
    static String slug(String text, int limit) {
        return Attachments.slug(text, limit, "sheet");
    }
}
