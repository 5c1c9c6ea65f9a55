package vn.ledger.query.readmodel;

import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read model lives in its own schema, {@code read_model}, created by Flyway; the processors' tracking tokens
 * live there too, so a view's rows and its token commit in one transaction.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    public static final String SCHEMA = "read_model";

    /** Events a processor handles in one transaction: few round trips when replaying, short locks when live. */
    static final int BATCH_SIZE = 200;

    /**
     * Segments per processor. One, for now: the position a view reports is the lowest of its segments', and a
     * segment with nothing to do stores its token only when it extends its claim, so with several segments the
     * position trails the log. Scale-out splits the segment when several query-side instances share the work.
     */
    static final int SEGMENTS = 1;

    @Bean(initMethod = "migrate")
    Flyway readModelFlyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .table("flyway_schema_history")
                .locations("classpath:db/read-model")
                .load();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable(SCHEMA + ".token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Tokens in {@code read_model.token_entry}, written in the same transaction as the views. Declared here rather
     * than left to Axon's auto-configuration, whose ordering names Spring Boot 3 classes and misses Boot 4's.
     */
    @Bean
    TokenStore tokenStore(DataSource dataSource, Serializer serializer, TokenSchema tokenSchema) {
        return JdbcTokenStore.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .schema(tokenSchema)
                .serializer(serializer)
                .build();
    }

    /** Axon's units of work join Spring's JDBC transactions: a batch's view rows and its token commit together. */
    @Bean
    @ConditionalOnMissingBean(TransactionManager.class)
    TransactionManager querySideTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /**
     * Every processing group of the query side runs as a tracking processor with batches. Tracking, not pooled: its
     * thread waits on the event store's stream, which wakes it as soon as a command in this process commits, while
     * the pooled processor's coordinator polls every 500 ms because that stream has no availability callback. A
     * handler that fails makes the processor retry the batch (with back-off) rather than skip the event, as Axon's
     * default logging handler would: a view never silently leaves a fact out.
     */
    @Autowired
    void configureProcessors(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
        processing.usingTrackingEventProcessors();
        processing.registerTrackingEventProcessorConfiguration(configuration -> TrackingEventProcessorConfiguration
                .forSingleThreadedProcessing()
                .andBatchSize(BATCH_SIZE)
                .andInitialSegmentsCount(SEGMENTS));
    }
}
