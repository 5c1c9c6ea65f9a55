package vn.ledger.command.rosterimport;

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

/**
 * {@code POST /api/v1/roster/imports} (dry run or apply), {@code GET /api/v1/roster/imports/{id}} (status) and
 * {@code GET /api/v1/roster/import-template} (the file to fill in). Office only (see the security configuration).
 */
@RestController
class RosterImportController {

    static final String PATH = "/api/v1/roster/imports";

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

    @PostMapping(PATH)
    ResponseEntity<?> importRoster(@RequestPart("file") MultipartFile file,
                                   @RequestParam(defaultValue = "false") boolean dryRun,
                                   @RequestParam(required = false) LocalDate effectiveOn,
                                   HttpServletRequest request) throws IOException {
        ImportLanguage language = ImportLanguage.of(request);
        if (file.getSize() > maxFileBytes) {
            throw new ImportRejected(413, "file-too-large", language == ImportLanguage.EN
                    ? "The file is over " + maxFileBytes + " bytes; split it into several files."
                    : "Tệp lớn hơn " + maxFileBytes + " byte; hãy chia thành nhiều tệp.");
        }
        LocalDate effective = effectiveOn == null ? imports.today() : effectiveOn;
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
    ResponseEntity<?> status(@PathVariable UUID importId, HttpServletRequest request) {
        return imports.status(importId)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(new ImportRejected(404, "import-not-found",
                        ImportLanguage.of(request) == ImportLanguage.EN
                                ? "There is no roster import " + importId + "."
                                : "Không có lần nhập danh sách " + importId + ".")));
    }

    @GetMapping("/api/v1/roster/import-template")
    ResponseEntity<byte[]> template(@RequestParam(defaultValue = "xlsx") String format,
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
