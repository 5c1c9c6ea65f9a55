package vn.ledger.eventlog;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The event log in the {@code event_store} schema, through Axon's JDBC storage engine with snake_case names, and
 * the serializer settings it is written with ({@code event-log.properties}: Jackson 3, readable JSON). The command
 * side appends through this engine; the query service reads its tracking processors' events through the same one,
 * so both read and write the log alike. Which process may write is the database's decision (its role), not this
 * class's.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:vn/ledger/eventlog/event-log.properties")
public class EventLogConfiguration {

    public static final String SCHEMA = "event_store";

    /**
     * Axon's JDBC storage engine over the {@code event_store} schema. Declared here rather than left to Axon's
     * auto-configuration, whose ordering names Spring Boot 3 classes and so misses Boot 4's data source. A reader
     * fetches {@code ledger.event-log.batch-size} events per query (Axon's default is 100): a rebuild reads the
     * whole log, and fewer, larger pages make it faster.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          DataSource dataSource,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          @Value("${ledger.event-log.batch-size:1000}") int batchSize) {
        return JdbcEventStorageEngine.builder()
                .batchSize(batchSize)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(EventLogConfiguration::isUniqueViolation)
                // Spring's transaction, and nothing else, commits and rolls back: Axon's
                // UnitOfWorkAwareConnectionProviderWrapper would roll the whole connection back when a unit of work
                // fails (it leaves only commit to Spring), which undid the Idempotency-Key filter's work and the
                // savepoint a command that lost an append race is retried from (CommandSender)
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

    /**
     * The event store processors read the log through, as Axon's auto-configuration would make it, but with the time
     * its reader waits before it looks for new events again ({@code ledger.event-log.poll-interval}). An append in
     * this process wakes the reader at once; an append by another process (the command service, for the query
     * service) is seen at the next look, so this bounds the lag between separate services. Axon's default is 1 s;
     * looking every 25 ms costs one indexed query per interval while the log is idle.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${ledger.event-log.poll-interval:25ms}") Duration pollInterval) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(pollInterval.toMillis())
                .build();
    }

    /**
     * A second append at the same (aggregate, sequence) is a unique violation, SQLSTATE 23505. PostgreSQL reports
     * it by state, not by vendor code, which Axon's error-code resolver looks at; so the state is checked here, and
     * Axon turns the violation into a concurrency exception instead of a storage failure.
     */
    static boolean isUniqueViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof BatchUpdateException batch && batch.getNextException() != null
                    && "23505".equals(batch.getNextException().getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(SCHEMA + ".domain_event_entry")
                .snapshotTable(SCHEMA + ".snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }
}
