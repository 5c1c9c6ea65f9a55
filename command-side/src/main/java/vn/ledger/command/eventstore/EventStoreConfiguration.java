package vn.ledger.command.eventstore;

import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import vn.ledger.eventlog.EventLogConfiguration;

/**
 * The event store lives in its own schema, {@code event_store}, created and evolved by Flyway from here: the command
 * side owns it. Axon's JDBC storage engine and its snake_case names are {@link EventLogConfiguration}'s, shared with
 * the query service, which reads the log through the same engine.
 */
@Configuration(proxyBeanMethods = false)
@Import(EventLogConfiguration.class)
public class EventStoreConfiguration {

    public static final String SCHEMA = EventLogConfiguration.SCHEMA;
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

    /** Axon's units of work join Spring's JDBC transactions (see {@link EventLogConfiguration}). */
    @Bean
    @ConditionalOnMissingBean(TransactionManager.class)
    TransactionManager commandSideTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
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
