package vn.ledger.command.api;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Field;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ledger.command.eventstore.AuditMetadata;
import vn.ledger.command.rule.RuleViolation;

/** Sends a command on behalf of an HTTP request, with the audit metadata every event inherits. */
@Component
public class CommandSender {

    private final CommandGateway commandGateway;
    private final AuditMetadata auditMetadata;
    private final JdbcTemplate jdbc;

    CommandSender(CommandGateway commandGateway, AuditMetadata auditMetadata, JdbcTemplate jdbc) {
        this.commandGateway = commandGateway;
        this.auditMetadata = auditMetadata;
        this.jdbc = jdbc;
    }

    /**
     * Sends {@code command} to an existing aggregate and answers what it did.
     *
     * @param actingUnit the unit the user acts for, or null
     * @param notFound the rejection when the aggregate does not exist
     */
    public CommandOutcome send(Object command, HttpServletRequest request, UUID actingUnit,
                               Supplier<? extends RuleViolation> notFound) {
        CommandOutcome outcome;
        try {
            outcome = sendAndWait(command, request, actingUnit);
        } catch (AggregateNotFoundException e) {
            throw notFound.get();
        }
        return withPositions(aggregateIdOf(command), outcome);
    }

    /**
     * The outcome with the log positions of the events it appended, read back from the event store (in the
     * request's transaction when there is one, which sees its own rows).
     */
    public CommandOutcome withPositions(String aggregateId, CommandOutcome outcome) {
        int appended = outcome.eventTypes().size();
        if (appended == 0 || aggregateId == null) {
            return outcome;
        }
        return outcome.withPositions(jdbc.queryForList("""
                SELECT global_index FROM event_store.domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number > ? AND sequence_number <= ?
                ORDER BY sequence_number
                """, Long.class, aggregateId, outcome.version() - appended, outcome.version()));
    }

    /** The target aggregate of a command: its field annotated with {@code @TargetAggregateIdentifier}. */
    private static String aggregateIdOf(Object command) {
        for (Field field : command.getClass().getDeclaredFields()) {
            if (field.isAnnotationPresent(TargetAggregateIdentifier.class)) {
                try {
                    field.setAccessible(true);
                    Object id = field.get(command);
                    return id == null ? null : id.toString();
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    /** Sends a command that creates an aggregate (or any command whose failures need no translation). */
    public <R> R sendAndWait(Object command, HttpServletRequest request, UUID actingUnit) {
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(auditMetadata.of(request, actingUnit)));
    }

    /**
     * The version named by {@code If-Match: "<version>"}, or null when the command is not conditional.
     *
     * @throws InvalidIfMatch when the header names no version
     */
    public static Long expectedVersion(HttpServletRequest request) {
        String header = request.getHeader("If-Match");
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidIfMatch(header);
        }
    }

    /** {@code If-Match} that names no version of ours. */
    public static final class InvalidIfMatch extends RuleViolation {
        InvalidIfMatch(String header) {
            super("invalid-if-match", Kind.INVALID, "If-Match",
                    "If-Match must name a version as the ETag gave it, like \"3\"; got " + header + ".");
        }
    }
}
