package vn.ledger.command.eventstore;

import com.github.benmanes.caffeine.cache.Cache;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.RepositoryProvider;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An event-sourced repository that keeps the state of recently used aggregates between commands, so a command on a
 * session with a long history reads only the events appended since, not the whole history.
 *
 * <p>The kept state is a hint, never the truth: every load reads the log from the kept version on (one indexed query
 * that usually finds nothing) and applies what another command-side instance appended meanwhile, so several
 * instances may keep the same aggregate. A state is kept only when the database transaction that wrote it has
 * committed (the transaction of Axon's unit of work, or the request's when the unit of work joined one, as under an
 * {@code Idempotency-Key}): a command that failed, lost an append race or was rolled back afterwards leaves nothing
 * behind, and its aggregate is read from the log next time. A load takes the state out of the cache, so no two
 * commands ever share one aggregate object, and a command refused half-way (its handler applied some events, then
 * threw) leaves no changed object behind; the command puts it back when it commits. A new aggregate is not kept
 * (a roster import creates tens of thousands): its first command reads its one or two events.
 *
 * <p>The aggregates use no snapshots, event filters or prototype-scoped Spring beans, which this repository does not
 * apply to kept states; {@code @Aggregate}'s {@code cache}, {@code lockFactory} and {@code snapshotTriggerDefinition}
 * are ignored once a repository is named. The cache is bounded by the number of aggregates, not their size: a session
 * keeps one entry per expected member, a few KB for a cell.
 */
final class CachedAggregateRepository<T> extends EventSourcingRepository<T> {

    /** An aggregate's state after the event at {@code version}. */
    record Kept(Object root, long version) {}

    private final Cache<String, Kept> kept;
    private final EventStore eventStore;
    private final RepositoryProvider repositoryProvider;

    CachedAggregateRepository(Builder<T> builder, EventStore eventStore, RepositoryProvider repositoryProvider,
                              Cache<String, Kept> kept) {
        super(builder.eventStore(eventStore).repositoryProvider(repositoryProvider));
        this.kept = kept;
        this.eventStore = eventStore;
        this.repositoryProvider = repositoryProvider;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        Kept state = kept.getIfPresent(aggregateIdentifier); // counted as a hit or a miss
        EventSourcedAggregate<T> aggregate;
        if (state != null && getAggregateType().isInstance(state.root())
                && kept.asMap().remove(aggregateIdentifier, state)) {
            aggregate = EventSourcedAggregate.reconstruct(getAggregateType().cast(state.root()), aggregateModel(),
                    state.version(), false, eventStore, repositoryProvider, NoSnapshotTriggerDefinition.TRIGGER);
            DomainEventStream newer = eventStore.readEvents(aggregateIdentifier, state.version() + 1);
            if (newer.hasNext()) {
                aggregate.initializeState(newer); // what other instances appended since
            }
            if (aggregate.isDeleted()) {
                throw new AggregateDeletedException(aggregateIdentifier);
            }
        } else {
            aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        keepWhenCommitted(aggregate);
        return aggregate;
    }

    /**
     * Puts the aggregate's state back once the command's changes are durable: after Axon's unit of work commits, and
     * when that unit of work joined a longer transaction, after that transaction commits too.
     */
    private void keepWhenCommitted(EventSourcedAggregate<T> aggregate) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> {
            String id = aggregate.identifierAsString();
            Long version = aggregate.version();
            if (id == null || version == null || aggregate.isDeleted()) {
                return;
            }
            Kept state = new Kept(aggregate.getAggregateRoot(), version);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status == STATUS_COMMITTED) {
                            kept.put(id, state);
                        }
                    }
                });
            } else {
                kept.put(id, state);
            }
        });
    }
}
