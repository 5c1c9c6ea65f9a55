package vn.ledger.command.api;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Field;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ledger.command.eventstore.AuditMetadata;
import vn.ledger.command.rule.RuleViolation;

/** Sends a command on behalf of an HTTP request, with the audit metadata every event inherits. */
@Component
public class CommandSender {

    static final String RETRIES_METER = "ledger.command.race.retries";
    static final String GIVEN_UP_METER = "ledger.command.race.given.up";
    private static final long FIRST_BACK_OFF_MILLIS = 10;
    private static final long MAX_BACK_OFF_MILLIS = 200;
    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);

    private final CommandGateway commandGateway;
    private final AuditMetadata auditMetadata;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate attempt;
    private final int raceRetries;
    private final ObjectProvider<MeterRegistry> meters;

    CommandSender(CommandGateway commandGateway, AuditMetadata auditMetadata, JdbcTemplate jdbc,
                  PlatformTransactionManager transactionManager,
                  @Value("${ledger.commands.race-retries:5}") int raceRetries, ObjectProvider<MeterRegistry> meters) {
        if (raceRetries < 0) {
            throw new IllegalArgumentException("ledger.commands.race-retries must not be negative, not " + raceRetries);
        }
        this.commandGateway = commandGateway;
        this.auditMetadata = auditMetadata;
        this.jdbc = jdbc;
        // a savepoint in the request's transaction (the Idempotency-Key filter's)
        this.attempt = new TransactionTemplate(transactionManager);
        this.attempt.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.raceRetries = raceRetries;
        this.meters = meters;
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

    /**
     * Sends a command that creates an aggregate (or any command whose failures need no translation).
     *
     * <p>A command that lost an append race (another command-side instance appended to the same aggregate between
     * this one's load and its append, so the log's unique (aggregate, sequence) key refused it: Axon's
     * {@link ConcurrencyException}) is run again, up to {@code ledger.commands.race-retries} (5) times after a
     * jittered back-off doubling from 10 to 200 ms; then the exception goes to the caller (409). Each attempt runs
     * in a savepoint of the request's transaction when there is one (the Idempotency-Key filter's: PostgreSQL
     * aborts a transaction at its first error, and rolling back to the savepoint undoes the lost attempt and
     * nothing before it), else in the transaction of Axon's unit of work, which rolls back whole. Running again loads the aggregate anew, reads the
     * command model anew, and checks If-Match against the new version (412 when the race moved past it). A new
     * aggregate whose id is taken ({@code AggregateStreamCreationException}) is not a race and is not retried.
     * Axon's {@code RetryScheduler} was not used: it resends from a scheduler thread, outside the request's
     * transaction and security context.
     */
    public <R> R sendAndWait(Object command, HttpServletRequest request, UUID actingUnit) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(auditMetadata.of(request, actingUnit));
        for (int retry = 0; ; retry++) {
            try {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    // Axon's unit of work begins and commits the transaction itself, and tells the processors
                    // in this process of the events once they are committed
                    return commandGateway.sendAndWait(message);
                }
                return attempt.execute(status -> commandGateway.sendAndWait(message));
            } catch (ConcurrencyException lost) {
                if (retry >= raceRetries || !backOff(retry)) {
                    log.warn("{} lost {} append races in a row; answered 409", message.getCommandName(), retry + 1);
                    meters.ifAvailable(registry -> registry.counter(GIVEN_UP_METER).increment());
                    throw lost;
                }
                meters.ifAvailable(registry -> registry.counter(RETRIES_METER).increment());
                log.debug("{} lost an append race; running it again (retry {})", message.getCommandName(),
                        retry + 1);
            }
        }
    }

    /** Waits a jittered 10, 20, 40 ... (at most 200) ms, so that the racers do not collide again in step. */
    private static boolean backOff(int retry) {
        long base = Math.min(MAX_BACK_OFF_MILLIS, FIRST_BACK_OFF_MILLIS << Math.min(retry, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(base / 2, base + base / 2 + 1));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
