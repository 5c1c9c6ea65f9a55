package vn.ledger.query.readmodel;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read model lives in its own schema, {@code read_model}, created by Flyway; the processors' tracking tokens
 * live there too, so a view's rows and its token commit in one transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcessorSettings.class)
public class ReadModelConfiguration {

    public static final String SCHEMA = "read_model";

    /**
     * Events a processor handles at most in one transaction: a batch takes what is there, so when the processor is
     * behind (catching up) its batches are large and few, and when it is at the head they are an event or two.
     */
    static final int BATCH_SIZE = 1000;

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

    /** Axon's metrics of the processors and buses, in place of its auto-configured ones (see the class). */
    @Bean
    GlobalMetricRegistry axonMetrics(MeterRegistry registry) {
        return new BoundedAxonMetrics(registry);
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
     * than left to Axon's auto-configuration, whose ordering names Spring Boot 3 classes and misses Boot 4's. Each
     * segment's row names the instance that holds it ({@code owner}) and when it last said so; a claim not extended
     * for {@link ProcessorSettings#claimTimeout()} may be taken over by another instance.
     */
    @Bean
    TokenStore tokenStore(DataSource dataSource, Serializer serializer, TokenSchema tokenSchema,
                          ProcessorSettings settings) {
        return JdbcTokenStore.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(settings.claimTimeout())
                .nodeId(settings.nodeId())
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
     *
     * <p>Each processor splits the log into {@link ProcessorSettings#segments()} segments by aggregate, so the events
     * of one unit, member or session stay in order in one segment. An instance has a thread per segment, so it can
     * carry every segment when it is alone; when several instances run, they claim segments through the token store
     * and {@link SegmentBalancer} hands surplus segments over, and a dead instance's segments are claimed by another
     * once its claims time out. A view's position is the lowest of its segments' ({@code ProjectionStatus}).
     *
     * <p>With {@link ProcessingMode#AXON_DEFAULTS} a batch is one event, as out of the box.
     */
    @Autowired
    void configureProcessors(EventProcessingConfigurer processing, ProcessorSettings settings) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
        processing.usingTrackingEventProcessors();
        processing.registerTrackingEventProcessorConfiguration(configuration -> (settings.segments() == 1
                ? TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                : TrackingEventProcessorConfiguration.forParallelProcessing(settings.segments()))
                .andBatchSize(settings.processing().batched() ? BATCH_SIZE : 1)
                .andInitialSegmentsCount(settings.segments())
                .andTokenClaimInterval(settings.claimInterval().toMillis(), TimeUnit.MILLISECONDS)
                .andEventAvailabilityTimeout(ProcessorSettings.CLAIM_EXTENDED_EVERY.toMillis(), TimeUnit.MILLISECONDS));
    }
}
