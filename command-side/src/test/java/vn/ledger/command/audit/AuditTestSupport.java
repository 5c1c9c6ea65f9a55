package vn.ledger.command.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** A clock the tests move, transactions that are no-ops over the in-memory store, and default settings. */
final class AuditTestSupport {

    static final Instant START = Instant.parse("2026-03-01T01:00:00Z");

    private AuditTestSupport() {}

    static AuditSettings settings(int pageSize) {
        return new AuditSettings(true, Duration.ofMillis(500), pageSize, Duration.ofSeconds(2), Duration.ofHours(24),
                Duration.ofSeconds(60), Path.of("unused"), null);
    }

    /** A clock that stands still until told to move. */
    static final class MovingClock extends Clock {

        private Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Transactions over the in-memory store: nothing to begin, commit or roll back. */
    static final PlatformTransactionManager NO_TRANSACTIONS = new PlatformTransactionManager() {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {}

        @Override
        public void rollback(TransactionStatus status) {}
    };
}
