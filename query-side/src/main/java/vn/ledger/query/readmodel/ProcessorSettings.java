package vn.ledger.query.readmodel;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the query side's processors share the log between query-side instances, {@code ledger.query.*} (or
 * {@code LEDGER_QUERY_*} in the environment).
 *
 * @param segments segments per processor, made when a processor first starts on an empty token table; each
 *     instance runs up to this many segments, so one instance can carry all of them. 1 (the standalone's) keeps
 *     every event of a view in one thread
 * @param claimTimeout how long a segment's claim lasts without being extended before another instance may take it
 *     over: the time a dead instance's segments stay unprocessed. An instance extends its claims at least every
 *     second, so it must be well above that
 * @param claimInterval how often an instance with a free thread looks for segments no one holds (released, or
 *     left by a dead instance)
 * @param nodeId this instance's name in the token table's {@code owner} column; unset: {@code pid@host}
 * @param processing batches and set-based writes ({@code tuned}, the default) or Axon's out-of-the-box settings
 *     ({@code axon-defaults}, the benchmark's baseline)
 */
@ConfigurationProperties("ledger.query")
public record ProcessorSettings(
        @DefaultValue("1") int segments,
        @DefaultValue("10s") Duration claimTimeout,
        @DefaultValue("2s") Duration claimInterval,
        String nodeId,
        @DefaultValue("tuned") ProcessingMode processing) {

    /** A claim is extended at least this often (Axon's event availability timeout, its default). */
    static final Duration CLAIM_EXTENDED_EVERY = Duration.ofSeconds(1);

    public ProcessorSettings {
        if (segments < 1) {
            throw new IllegalArgumentException("ledger.query.segments must be at least 1, not " + segments);
        }
        if (claimTimeout.compareTo(CLAIM_EXTENDED_EVERY.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("ledger.query.claim-timeout must be at least 3 s (claims are extended"
                    + " every second), not " + claimTimeout);
        }
        if (claimInterval.isNegative() || claimInterval.isZero()) {
            throw new IllegalArgumentException("ledger.query.claim-interval must be positive, not " + claimInterval);
        }
        if (nodeId == null || nodeId.isBlank()) {
            nodeId = ManagementFactory.getRuntimeMXBean().getName();
        }
        nodeId = nodeId.strip();
        if (processing == null) {
            processing = ProcessingMode.TUNED;
        }
    }
}
