package vn.ledger.command.rosterimport;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.ledger.command.eventstore.AuditMetadata;
import vn.ledger.command.member.MemberCommands.AdmitMember;
import vn.ledger.command.member.MemberCommands.TransferMember;
import vn.ledger.command.rosterimport.RosterFiles.RosterFile;
import vn.ledger.command.rule.RuleViolation;
import vn.ledger.command.unit.UnitCommands.RegisterUnit;

/**
 * Plans roster imports and carries them out.
 *
 * <p>An apply runs on one background thread, one import at a time, in one database transaction that first closes
 * the append gate (an exclusive advisory lock every append takes shared, migration V13): no other writer appends
 * while the import's events are uncommitted, so the log's
 * positions stay in commit order (a tracking processor never sees a gap that fills in later) and the plan, made
 * again under the lock, cannot be overtaken by another change of the roster. Other commands wait for the import to
 * commit; reads go on. A failure anywhere rolls back everything the import wrote.
 *
 * <p>Progress (rows done) is written from a second transaction while the import runs; the final state is written
 * in the import's own transaction, so {@code SUCCEEDED} and the events commit together.
 */
@Component
public class RosterImports {

    /** Where an import stands, as {@code GET /api/v1/roster/imports/{id}} answers it. */
    public record Status(UUID importId, String state, int rowsTotal, int rowsDone, double progress, String fileName,
                         String username, String createdAt, String startedAt, String finishedAt,
                         Map<String, Object> summary, List<ImportIssue> errors) {}

    /** A plan that turned invalid under the lock, or a command the aggregates refused: nothing is kept. */
    private static final class ImportFailed extends RuntimeException {
        private final List<ImportIssue> errors;

        ImportFailed(List<ImportIssue> errors) {
            super("the import failed", null, false, false);
            this.errors = errors;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);
    private static final ZoneId LOCAL = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separateTransaction;
    private final CommandGateway commandGateway;
    private final AuditMetadata auditMetadata;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final int maxRows;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "roster-import");
        thread.setDaemon(false);
        return thread;
    });

    RosterImports(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, CommandGateway commandGateway,
                  AuditMetadata auditMetadata, Clock clock,
                  @Value("${ledger.import.max-rows:100000}") int maxRows) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.commandGateway = commandGateway;
        this.auditMetadata = auditMetadata;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    /** The day a transfer takes effect when the client names none: today in Vietnam. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(LOCAL));
    }

    RosterFile read(byte[] content, ImportLanguage language) {
        return new RosterFiles(maxRows, language).read(content);
    }

    /** The plan of {@code file} against the roster as it stands (a dry run; writes nothing). */
    ImportPlan plan(RosterFile file, ImportLanguage language, LocalDate effectiveOn) {
        return new ImportPlanner(RosterSnapshot.read(jdbc), language, effectiveOn, today()).plan(file);
    }

    /**
     * Queues the import of a file whose plan has no errors and answers its status. The work starts after the
     * request's transaction (if any) commits, so the status row it updates exists.
     */
    Status start(RosterFile file, ImportPlan plan, String fileName, ImportLanguage language, LocalDate effectiveOn,
                 HttpServletRequest request) {
        if (!plan.valid()) {
            throw new ImportRejected(400, "import-rows-invalid", language == ImportLanguage.EN
                    ? "The file has " + plan.errors().size() + " row errors; nothing was imported."
                    : "Tệp có " + plan.errors().size() + " lỗi; chưa nhập gì.", plan.errors());
        }
        UUID importId = UUID.randomUUID();
        MetaData metaData = auditMetadata.of(request, null).and(AuditMetadata.IMPORT_ID, importId.toString());
        jdbc.update("""
                INSERT INTO command_model.roster_import (import_id, username, file_name, state, rows_total, created_at)
                VALUES (?, ?, ?, 'QUEUED', ?, ?)
                """, importId, username(), fileName, plan.rowsTotal(), Timestamp.from(clock.instant()));
        Runnable job = () -> run(importId, file, language, effectiveOn, metaData);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.execute(job);
                }
            });
        } else {
            worker.execute(job);
        }
        return status(importId).orElseThrow();
    }

    public Optional<Status> status(UUID importId) {
        return jdbc.query("""
                SELECT import_id, state, rows_total, rows_done, file_name, username, created_at, started_at,
                       finished_at, summary::text, errors::text
                FROM command_model.roster_import WHERE import_id = ?
                """, (rs, row) -> {
                    int total = rs.getInt(3);
                    int done = rs.getInt(4);
                    String summary = rs.getString(10);
                    return new Status(rs.getObject(1, UUID.class), rs.getString(2), total, done,
                            total == 0 ? 1.0 : Math.min(1.0, done / (double) total), rs.getString(5), rs.getString(6),
                            instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)),
                            summary == null ? null : readMap(summary), readIssues(rs.getString(11)));
                }, importId).stream().findFirst();
    }

    // ---- the apply, on the worker thread

    private void run(UUID importId, RosterFile file, ImportLanguage language, LocalDate effectiveOn,
                     MetaData metaData) {
        jdbc.update("UPDATE command_model.roster_import SET state = 'RUNNING', started_at = ? WHERE import_id = ?",
                Timestamp.from(clock.instant()), importId);
        try {
            transaction.executeWithoutResult(status -> apply(importId, file, language, effectiveOn, metaData));
            log.info("Roster import {} succeeded", importId);
        } catch (ImportFailed failed) {
            finishFailed(importId, failed.errors);
        } catch (RuntimeException unexpected) {
            log.error("Roster import {} failed unexpectedly; nothing was written", importId, unexpected);
            finishFailed(importId, List.of(new ImportIssue(0, null, "internal-error", language == ImportLanguage.EN
                    ? "The import failed unexpectedly; nothing was written. Try again, or tell the administrator."
                    : "Nhập danh sách gặp lỗi ngoài dự kiến; chưa ghi gì. Hãy thử lại hoặc báo quản trị viên.")));
        }
    }

    private void apply(UUID importId, RosterFile file, ImportLanguage language, LocalDate effectiveOn,
                       MetaData metaData) {
        // close the append gate (migration V13): appends in flight commit first, new ones wait for this import
        jdbc.queryForList("SELECT pg_advisory_xact_lock(event_store.append_gate_key())");
        long before = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry",
                Long.class);
        ImportPlan plan = plan(file, language, effectiveOn);
        if (!plan.valid()) {
            throw new ImportFailed(plan.errors());
        }
        Progress progress = new Progress(importId, plan);
        for (ImportPlan.NewUnit unit : plan.unitsToCreate()) {
            send(unit.row(), new RegisterUnit(unit.unitId(), unit.name(), unit.kind(), unit.parentUnitId()),
                    metaData, unit.unitId(), language);
        }
        for (ImportPlan.Admission member : plan.membersToAdmit()) {
            send(member.row(), new AdmitMember(member.memberId(), member.fullName(), member.unitId(), member.status(),
                    member.joinedOn(), member.cardNumber(), member.dateOfBirth(), member.phone()),
                    metaData, member.unitId(), language);
            progress.rowDone();
        }
        for (ImportPlan.Transfer member : plan.membersToTransfer()) {
            send(member.row(), new TransferMember(member.memberId(), member.toUnitId(), member.effectiveOn(), null),
                    metaData, member.toUnitId(), language);
            progress.rowDone();
        }
        List<Long> positions = jdbc.queryForList("""
                SELECT global_index FROM event_store.domain_event_entry WHERE global_index > ? ORDER BY global_index
                """, Long.class, before);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("unitsCreated", plan.unitsToCreate().size());
        summary.put("unitsUnchanged", plan.unitsUnchanged());
        summary.put("membersAdmitted", plan.membersToAdmit().size());
        summary.put("membersTransferred", plan.membersToTransfer().size());
        summary.put("membersUnchanged", plan.membersUnchanged().size());
        summary.put("eventsWritten", positions.size());
        summary.put("firstPosition", positions.isEmpty() ? null : positions.get(0));
        summary.put("lastPosition", positions.isEmpty() ? null : positions.get(positions.size() - 1));
        summary.put("effectiveOn", effectiveOn.toString());
        summary.put("warnings", plan.warnings().size());
        jdbc.update("""
                UPDATE command_model.roster_import
                SET state = 'SUCCEEDED', rows_done = rows_total, summary = ?::jsonb, finished_at = ?
                WHERE import_id = ?
                """, json.writeValueAsString(summary), Timestamp.from(clock.instant()), importId);
    }

    private void send(int row, Object command, MetaData metaData, UUID unitId, ImportLanguage language) {
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(auditMetadata.forBatch(metaData, unitId)));
        } catch (RuleViolation refused) {
            throw new ImportFailed(List.of(new ImportIssue(row, null, refused.code(),
                    ImportText.COMMAND_REJECTED.format(language, refused.getMessage()))));
        }
    }

    /** Writes rows done every 1 % (at least every 200 rows), from its own transaction. */
    private final class Progress {
        private final UUID importId;
        private final int step;
        private int done;
        private int reported;

        Progress(UUID importId, ImportPlan plan) {
            this.importId = importId;
            this.step = Math.max(1, Math.min(200, plan.rowsTotal() / 100));
            this.done = plan.rowsTotal() - plan.membersToAdmit().size() - plan.membersToTransfer().size();
            report();
        }

        void rowDone() {
            done++;
            if (done - reported >= step) {
                report();
            }
        }

        /** Progress is for the status URL only: a failure to write it (a busy pool, say) never fails the import. */
        private void report() {
            reported = done;
            try {
                separateTransaction.executeWithoutResult(status -> jdbc.update(
                        "UPDATE command_model.roster_import SET rows_done = ? WHERE import_id = ?", done, importId));
            } catch (RuntimeException e) {
                log.warn("Roster import {}: could not write its progress ({} rows done); the import goes on",
                        importId, done, e);
            }
        }
    }

    private void finishFailed(UUID importId, List<ImportIssue> errors) {
        jdbc.update("""
                UPDATE command_model.roster_import SET state = 'FAILED', errors = ?::jsonb, finished_at = ?
                WHERE import_id = ?
                """, json.writeValueAsString(errors), Timestamp.from(clock.instant()), importId);
    }

    /**
     * An import that was queued or running when the service stopped wrote nothing (its transaction never
     * committed); it is marked failed so that its status tells so. One command-side process runs imports.
     */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedImports() {
        int interrupted = jdbc.update("""
                UPDATE command_model.roster_import
                SET state = 'FAILED', finished_at = ?,
                    errors = jsonb_build_array(jsonb_build_object('row', 0, 'code', 'interrupted',
                        'message', 'Dịch vụ khởi động lại trước khi nhập xong; chưa ghi gì. '
                                   || 'The service restarted before the import finished; nothing was written.'))
                WHERE state IN ('QUEUED', 'RUNNING')
                """, Timestamp.from(clock.instant()));
        if (interrupted > 0) {
            log.warn("{} roster imports were interrupted by a restart and are marked failed", interrupted);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }

    // ---- helpers

    private static String username() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    private static String instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readMap(String text) {
        return json.readValue(text, LinkedHashMap.class);
    }

    private List<ImportIssue> readIssues(String text) {
        List<ImportIssue> issues = new ArrayList<>();
        for (var node : json.readTree(text)) {
            issues.add(new ImportIssue(node.path("row").asInt(), node.path("column").isNull()
                    || node.path("column").isMissingNode() ? null : node.path("column").asString(),
                    node.path("code").asString(), node.path("message").asString()));
        }
        return issues;
    }
}
