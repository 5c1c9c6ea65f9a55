package vn.ledger.command.eventstore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import vn.ledger.command.member.Member;
import vn.ledger.command.session.Session;
import vn.ledger.command.unit.Unit;

/**
 * The aggregates' repositories (named by each {@code @Aggregate}): event-sourced, keeping the state of recently used
 * aggregates between commands ({@link CachedAggregateRepository}), at most {@code ledger.commands.aggregate-cache-size}
 * of them (5,000 by default; 0 keeps none and reads every aggregate's whole history for each command).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class AggregateRepositories {

    /** The cache's name in the {@code cache_*} meters (gets by hit and miss, evictions, size). */
    static final String CACHE_NAME = "aggregates";

    private final long size;

    AggregateRepositories(@Value("${ledger.commands.aggregate-cache-size:5000}") long size) {
        if (size < 0) {
            throw new IllegalArgumentException(
                    "ledger.commands.aggregate-cache-size must not be negative, not " + size);
        }
        this.size = size;
    }

    @Bean
    Cache<String, CachedAggregateRepository.Kept> aggregateStates(ObjectProvider<MeterRegistry> meters) {
        Cache<String, CachedAggregateRepository.Kept> cache = Caffeine.newBuilder().maximumSize(size).recordStats()
                .build();
        meters.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, cache, CACHE_NAME));
        return cache;
    }

    @Bean
    Repository<Session> sessionRepository(Configuration axon, Cache<String, CachedAggregateRepository.Kept> states) {
        return repository(Session.class, axon, states);
    }

    @Bean
    Repository<Member> memberRepository(Configuration axon, Cache<String, CachedAggregateRepository.Kept> states) {
        return repository(Member.class, axon, states);
    }

    @Bean
    Repository<Unit> unitRepository(Configuration axon, Cache<String, CachedAggregateRepository.Kept> states) {
        return repository(Unit.class, axon, states);
    }

    private <T> Repository<T> repository(Class<T> type, Configuration axon,
                                         Cache<String, CachedAggregateRepository.Kept> states) {
        EventStore eventStore = axon.eventStore();
        EventSourcingRepository.Builder<T> builder = EventSourcingRepository.builder(type)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(type))
                .spanFactory(axon.getComponent(RepositorySpanFactory.class));
        if (size == 0) { // Axon's own repository: every command reads its aggregate's whole history
            return builder.eventStore(eventStore).repositoryProvider(axon::repository).build();
        }
        return new CachedAggregateRepository<>(builder, eventStore, axon::repository, states);
    }
}
