package vn.ledger.query.readmodel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shares each processor's segments between the query-side instances that run. Axon's tracking processors claim
 * whatever segment no one holds, so the instance that starts first takes them all; this hands the surplus over:
 * every instance says it is alive in {@code read_model.query_node} (every fifth of the claim timeout), counts the
 * instances seen within half the claim timeout, and releases the segments it holds above its share (the segment
 * count divided by the live instances, rounded up) for a moment, which an instance with fewer claims then. A dead
 * instance drops out of the count before its claims time out, so the instance that takes its segments over keeps
 * them. Only with more than one segment; the standalone's single segment needs none of it.
 */
@Component
class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final JdbcTemplate jdbc;
    private final ProcessorSettings settings;
    private ScheduledExecutorService executor;
    private boolean failing;

    SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokenStore, JdbcTemplate jdbc,
                    ProcessorSettings settings) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** How often this instance says it is alive and looks at its share. */
    Duration period() {
        return settings.claimTimeout().dividedBy(5);
    }

    /** An instance not seen for this long no longer counts: shorter than the claim timeout, see the class comment. */
    Duration liveWindow() {
        return settings.claimTimeout().dividedBy(2);
    }

    /** Once the processors have started. */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (settings.segments() == 1 || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::balance, 0, period().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Sharing {} segments per processor with the other query-side instances as {} (claims time out after"
                + " {}, unclaimed segments looked for every {})", settings.segments(), settings.nodeId(),
                settings.claimTimeout(), settings.claimInterval());
    }

    /** Before the processors stop (and release their claims): the others stop counting this instance at once. */
    @EventListener(ContextClosedEvent.class)
    synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
            jdbc.update("DELETE FROM read_model.query_node WHERE node_id = ?", settings.nodeId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.info("Could not sign this instance off in read_model.query_node: {}", e.getMessage());
        }
        executor = null;
    }

    private void balance() {
        try {
            int instances = liveInstances();
            for (StreamingEventProcessor processor : processors()) {
                handOverSurplus(processor, instances);
            }
            if (failing) {
                log.info("Segment balancing works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Segment balancing failed; trying again in {}", period(), e);
                failing = true;
            }
        }
    }

    /** Says this instance is alive and answers how many are, this one included. */
    int liveInstances() {
        jdbc.update("""
                INSERT INTO read_model.query_node (node_id, seen_at) VALUES (?, now())
                ON CONFLICT (node_id) DO UPDATE SET seen_at = now()
                """, settings.nodeId());
        jdbc.update("DELETE FROM read_model.query_node WHERE seen_at < now() - interval '1 day'");
        Integer live = jdbc.queryForObject(
                "SELECT count(*) FROM read_model.query_node WHERE seen_at > now() - make_interval(secs => ?)",
                Integer.class, liveWindow().toMillis() / 1000.0);
        return Math.max(1, live == null ? 1 : live);
    }

    private void handOverSurplus(StreamingEventProcessor processor, int instances) {
        if (!processor.isRunning()) {
            return; // stopped, e.g. by a rebuild that switches generations
        }
        int segments = tokenStore.fetchSegments(processor.getName()).length;
        int share = (segments + instances - 1) / instances;
        List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
        for (int i = share; i < held.size(); i++) {
            int segment = held.get(i);
            log.info("Handing segment {} of {} over: {} instances share {} segments, {} each", segment,
                    processor.getName(), instances, segments, share);
            processor.releaseSegment(segment);
        }
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }
}
