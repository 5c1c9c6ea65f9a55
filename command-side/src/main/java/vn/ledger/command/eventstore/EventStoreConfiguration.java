package vn.ledger.command.eventstore;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store lives in its own schema, {@code event_store}, created and evolved by Flyway; Axon's JDBC
 * storage engine is pointed at it with snake_case names.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    public static final String SCHEMA = "event_store";
    /** The command side's own lookups (roster, users, idempotency keys); never read by the query side. */
    public static final String COMMAND_MODEL_SCHEMA = "command_model";

    @Bean(initMethod = "migrate")
    Flyway eventStoreFlyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA, COMMAND_MODEL_SCHEMA)
                .table("flyway_schema_history")
                .locations("classpath:db/event-store")
                .load();
    }

    /**
     * Axon's JDBC storage engine over the {@code event_store} schema. Declared here rather than left to Axon's
     * auto-configuration, whose ordering names Spring Boot 3 classes and so misses Boot 4's data source.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          DataSource dataSource,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(EventStoreConfiguration::isUniqueViolation)
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .schema(eventSchema)
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

    /** Axon's units of work join Spring's JDBC transactions (see {@link #eventStorageEngine}). */
    @Bean
    @ConditionalOnMissingBean(TransactionManager.class)
    TransactionManager commandSideTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
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

    /** Gives every event the correlation and causation ids of the command that caused it. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Copies the audit metadata of a command (who, when, which request) onto every event it causes. */
    @Bean
    CorrelationDataProvider auditCorrelationProvider() {
        return new SimpleCorrelationDataProvider(AuditMetadata.KEYS);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
