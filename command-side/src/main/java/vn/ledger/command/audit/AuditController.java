package vn.ledger.command.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit operations of {@code api.md}: checkpoints, proofs and the verification bundle. */
@RestController
class AuditController {

    static final String ZIP = "application/zip";

    private final Checkpoints checkpoints;
    private final Proofs proofs;
    private final AuditExport export;

    AuditController(Checkpoints checkpoints, Proofs proofs, AuditExport export) {
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.export = export;
    }

    /** The latest checkpoint, or the one of {@code treeSize}. */
    @GetMapping("/api/v1/audit/checkpoint")
    AuditViews.CheckpointView checkpoint(@RequestParam(required = false) Long treeSize) {
        AuditStore.StoredCheckpoint checkpoint = treeSize == null
                ? checkpoints.latest().orElseThrow(AuditProblems.NoCheckpoint::new)
                : checkpoints.ofSize(treeSize).orElseThrow(() -> new AuditProblems.UnknownTreeSize("treeSize",
                        treeSize));
        return AuditViews.CheckpointView.of(checkpoint);
    }

    /** Signs everything sealed so far (OFFICE, AUDITOR). */
    @PostMapping("/api/v1/audit/checkpoint")
    ResponseEntity<AuditViews.CheckpointView> sign() {
        AuditStore.StoredCheckpoint checkpoint = checkpoints.sign();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/audit/checkpoint?treeSize=" + checkpoint.treeSize()))
                .body(AuditViews.CheckpointView.of(checkpoint));
    }

    @GetMapping("/api/v1/audit/proof/inclusion")
    AuditViews.InclusionProofView inclusion(@RequestParam(required = false) String eventId,
                                            @RequestParam(required = false) Long treeSize) {
        if (eventId == null || eventId.isBlank()) {
            throw new AuditProblems.MissingParameter("eventId");
        }
        return proofs.inclusion(eventId.strip(), treeSize);
    }

    @GetMapping("/api/v1/audit/proof/consistency")
    AuditViews.ConsistencyProofView consistency(@RequestParam(required = false) Long from,
                                                @RequestParam(required = false) Long to) {
        if (from == null) {
            throw new AuditProblems.MissingParameter("from");
        }
        if (to == null) {
            throw new AuditProblems.MissingParameter("to");
        }
        return proofs.consistency(from, to);
    }

    /** The verification bundle of the latest checkpoint, or of the one of {@code treeSize}. */
    @GetMapping("/api/v1/audit/export")
    void export(@RequestParam(required = false) Long treeSize, HttpServletResponse response) throws IOException {
        // resolved before the first byte, so a wrong size is still a problem answer, not a broken zip
        AuditStore.StoredCheckpoint checkpoint = export.checkpoint(treeSize);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(ZIP);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("ledger-audit-" + checkpoint.treeSize() + ".zip").build().toString());
        export.write(checkpoint, response.getOutputStream());
    }
}
