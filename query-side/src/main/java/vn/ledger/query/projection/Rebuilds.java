package vn.ledger.query.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ledger.query.readmodel.ProcessingMode;
import vn.ledger.query.readmodel.ProcessorSettings;

/**
 * Rebuilds a projection on demand without a reader noticing: replays the whole log into the next generation's
 * tables while the active generation keeps serving reads and the live processor keeps it current; when the replay
 * has caught up with the head of the log, stops the live processor, and in one transaction makes the new
 * generation active and moves the live processor's token to where the replay stopped; then starts the live
 * processor again on the new tables. Readers see the old numbers or the new ones, never a half-built table.
 */
@Component
public class Rebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    /**
     * Events applied to the new generation per transaction: their rows are written together before it commits
     * (with {@link ProcessingMode#AXON_DEFAULTS}, one event per transaction, as a reset Axon processor would).
     */
    static final int BATCH = 2000;
    /** Batches read ahead of the one being written. */
    static final int READ_AHEAD = 2;
    /** How often a running rebuild writes its progress line to the log. */
    static final Duration LOG_EVERY = Duration.ofSeconds(5);

    /** Where a rebuild stands. */
    public enum State { RUNNING, SWITCHING, DONE, FAILED }

    /** A rebuild's progress as the status URL, the admin list and the metrics show it. */
    public record RebuildStatus(UUID rebuildId, String projection, int generation, State state, long eventsDone,
                                long eventsTotal, Long position, Long headPosition, double eventsPerSecond,
                                Long etaSeconds, double progress, Instant startedAt, Instant finishedAt,
                                String error) {}

    /** A second rebuild of a projection while one runs. */
    public static final class AlreadyRebuilding extends RuntimeException {
        AlreadyRebuilding(String name) {
            super("The projection " + name + " is already being rebuilt.", null, false, false);
        }
    }

    private final ProjectionRegistry registry;
    private final ProjectionStatus status;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final EventProcessingConfiguration processing;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final EventPositions eventPositions;
    private final ViewChanges changes;
    private final int batchSize;
    /** Whether rebuild batches commit without waiting for the disk (not with Axon's defaults). */
    private final boolean asyncCommit;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final Map<String, Rebuild> running = new ConcurrentHashMap<>();

    Rebuilds(ProjectionRegistry registry, ProjectionStatus status, EventStore eventStore, TokenStore tokenStore,
             EventProcessingConfiguration processing, PlatformTransactionManager transactionManager, Clock clock,
             ProcessorSettings settings, JdbcTemplate jdbc, EventPositions eventPositions, ViewChanges changes) {
        this.registry = registry;
        this.changes = changes;
        this.status = status;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.processing = processing;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.jdbc = jdbc;
        this.eventPositions = eventPositions;
        this.batchSize = settings.processing().batched() ? BATCH : 1;
        this.asyncCommit = settings.processing().batched();
    }

    /**
     * Starts rebuilding {@code name} in the background.
     *
     * @throws java.util.NoSuchElementException when no projection has that name
     * @throws AlreadyRebuilding when it is being rebuilt
     */
    public synchronized RebuildStatus start(String name) {
        ProjectionDefinition definition = registry.definition(name).orElseThrow();
        if (running.containsKey(name)) {
            throw new AlreadyRebuilding(name);
        }
        Rebuild rebuild = new Rebuild(UUID.randomUUID(), definition, registry.activeGeneration(name) + 1,
                clock.instant());
        rebuilds.put(rebuild.id, rebuild);
        running.put(name, rebuild);
        executor.submit(() -> run(rebuild));
        return rebuild.status();
    }

    public Optional<RebuildStatus> status(UUID rebuildId) {
        return Optional.ofNullable(rebuilds.get(rebuildId)).map(Rebuild::status);
    }

    /** The running rebuild of {@code name}, if any. */
    public Optional<RebuildStatus> running(String name) {
        return Optional.ofNullable(running.get(name)).map(Rebuild::status);
    }

    private void run(Rebuild rebuild) {
        String name = rebuild.definition.name();
        try {
            registry.dropOtherGenerations(name, -1); // what an earlier, failed rebuild left
            String schema = registry.prepare(rebuild.definition, rebuild.generation);
            ProjectionWriter writer = rebuild.definition.writer(() -> schema);
            rebuild.head = status.headPosition();
            log.info("Rebuilding {} into generation {} ({}): the log's head is at {}", name, rebuild.generation,
                    schema, rebuild.head);
            TrackingToken last = replay(rebuild, writer);
            switchOver(rebuild, last);
            rebuild.finish(State.DONE, null, clock.instant());
            log.info("Rebuilt {}: {} events in {} s, generation {} now serves reads", name, rebuild.done,
                    Duration.between(rebuild.startedAt, rebuild.finishedAt).toSeconds(), rebuild.generation);
        } catch (Exception e) {
            log.error("The rebuild of {} failed; generation {} keeps serving reads", name,
                    registry.activeGeneration(name), e);
            rebuild.finish(State.FAILED, e.getMessage(), clock.instant());
            restartLiveProcessor(name);
        } finally {
            running.remove(name);
        }
    }

    /**
     * Applies the log from its start to the new generation until it has caught up with the head. Reading runs ahead
     * of writing: a second thread reads and deserializes the next batches while this one writes the current batch,
     * so the reading and the database's writing overlap.
     */
    private TrackingToken replay(Rebuild rebuild, ProjectionWriter writer) throws Exception {
        BlockingQueue<ReadBatch> batches = new ArrayBlockingQueue<>(READ_AHEAD);
        Future<?> reading = executor.submit(() -> read(batches));
        try {
            TrackingToken last = null;
            Instant nextLog = clock.instant().plus(LOG_EVERY);
            while (true) {
                ReadBatch next = batches.take();
                if (next.failure() != null) {
                    throw new IllegalStateException("reading the log failed", next.failure());
                }
                if (next.events().isEmpty()) {
                    return last; // caught up
                }
                List<TrackedEventMessage<?>> batch = next.events();
                transaction.executeWithoutResult(tx -> {
                    if (asyncCommit) {
                        // the new generation serves no reader until the switch, whose own transaction is durable;
                        // a crash before it fails the rebuild, so its batches need not wait for the disk
                        jdbc.execute("SET LOCAL synchronous_commit = off");
                    }
                    for (int i = 0; i < batch.size(); i++) {
                        writer.apply(batch.get(i), next.positions()[i]);
                    }
                });
                last = batch.get(batch.size() - 1).trackingToken();
                rebuild.progress(batch.size(), last.position().orElse(-1), status.headPosition(), clock.instant());
                if (clock.instant().isAfter(nextLog)) {
                    RebuildStatus now = rebuild.status();
                    log.info("Rebuilding {}: {} of ~{} events ({} %), {} events/s, about {} s to go",
                            now.projection(), now.eventsDone(), now.eventsTotal(), Math.round(now.progress() * 100),
                            Math.round(now.eventsPerSecond()), now.etaSeconds());
                    nextLog = clock.instant().plus(LOG_EVERY);
                }
            }
        } finally {
            reading.cancel(true);
        }
    }

    /**
     * Batches of events read from the log, deserialized, with each event's position; an empty batch when the head is
     * reached.
     */
    private record ReadBatch(List<TrackedEventMessage<?>> events, long[] positions, Throwable failure) {}

    /**
     * Reads the log from its start into {@code batches} until it has read the head of the log. An event is at its
     * token's position when it moved the token forward; one that did not had committed late and filled a gap the
     * token kept, and its own position is looked up ({@link EventPositions}).
     */
    private void read(BlockingQueue<ReadBatch> batches) {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            long reached = -1;
            while (true) {
                List<TrackedEventMessage<?>> batch = new ArrayList<>();
                long[] positions = new long[batchSize];
                if (stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                    while (batch.size() < batchSize && stream.hasNextAvailable()) {
                        TrackedEventMessage<?> message = stream.nextAvailable();
                        message.getPayload(); // deserialized here, not in the writing thread (metadata, which
                        // only some views read, stays serialized until a writer asks for it)
                        long tokenPosition = message.trackingToken().position().orElseThrow();
                        positions[batch.size()] = tokenPosition > reached
                                || !(WrappedToken.unwrapLowerBound(message.trackingToken())
                                        instanceof GapAwareTrackingToken) ? tokenPosition
                                : eventPositions.of(message, tokenPosition);
                        reached = Math.max(reached, tokenPosition);
                        batch.add(message);
                    }
                }
                if (batch.isEmpty()) {
                    Long head = status.headPosition();
                    if (head == null || reached >= head) {
                        batches.put(new ReadBatch(List.of(), null, null)); // caught up: nothing newer in the log
                        return;
                    }
                    continue; // the head is ahead but not visible yet (a transaction in flight)
                }
                batches.put(new ReadBatch(batch, positions, null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the writer stopped
        } catch (RuntimeException | Error e) {
            try {
                batches.put(new ReadBatch(List.of(), null, e)); // waits for room: the writer must see the failure
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt(); // the writer stopped first
            }
        }
    }

    /**
     * Stops the live processor, makes the new generation active and gives the live processor the replay's token,
     * in one transaction; the live processor then carries on from there on the new tables. Storing the token claims
     * every segment: when another query-side instance holds one, the switch fails and rolls back (the old generation
     * keeps serving), rather than leave that instance writing the old tables.
     */
    private void switchOver(Rebuild rebuild, TrackingToken last) {
        String name = rebuild.definition.name();
        rebuild.state = State.SWITCHING;
        StreamingEventProcessor live = liveProcessor(name);
        live.shutDown();
        try {
            transaction.executeWithoutResult(tx -> {
                registry.activate(name, rebuild.generation);
                changes.afterCommit(name);
                if (last != null) {
                    for (int segment : tokenStore.fetchSegments(name)) {
                        tokenStore.storeToken(last, name, segment);
                    }
                }
            });
        } finally {
            live.start();
        }
    }

    private void restartLiveProcessor(String name) {
        StreamingEventProcessor live = liveProcessor(name);
        if (!live.isRunning()) {
            live.start();
        }
    }

    private StreamingEventProcessor liveProcessor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** One rebuild's mutable progress, written by its thread and read by status requests. */
    private static final class Rebuild {
        final UUID id;
        final ProjectionDefinition definition;
        final int generation;
        final Instant startedAt;
        volatile State state = State.RUNNING;
        volatile long done;
        volatile long position = -1;
        volatile Long head;
        volatile Instant lastAt;
        volatile Instant finishedAt;
        volatile String error;

        Rebuild(UUID id, ProjectionDefinition definition, int generation, Instant startedAt) {
            this.id = id;
            this.definition = definition;
            this.generation = generation;
            this.startedAt = startedAt;
            this.lastAt = startedAt;
        }

        void progress(int applied, long reached, Long currentHead, Instant now) {
            done += applied;
            position = reached;
            if (currentHead != null) {
                head = currentHead;
            }
            lastAt = now;
        }

        void finish(State finalState, String failure, Instant now) {
            state = finalState;
            error = failure;
            finishedAt = now;
            lastAt = now;
        }

        RebuildStatus status() {
            long remaining = head == null ? 0 : Math.max(0, head - position);
            long total = done + remaining;
            double seconds = Math.max(0.001, Duration.between(startedAt, lastAt).toMillis() / 1000.0);
            double rate = done / seconds;
            double progress = state == State.DONE ? 1.0 : total == 0 ? 0.0 : (double) done / total;
            Long eta = state == State.DONE ? Long.valueOf(0) : rate <= 0 ? null : Math.round(remaining / rate);
            return new RebuildStatus(id, definition.name(), generation, state, done, total,
                    position < 0 ? null : position, head, rate, eta, progress, startedAt, finishedAt, error);
        }
    }
}
