package vn.ledger.query.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * Every streaming processor of the query side as an operator sees it: position, head, lag in events and seconds,
 * whether it replays or rebuilds, and whether it has stalled (behind the head without progress for a while), which
 * health and metrics report, so a stalled view shows before a user notices it.
 */
@Component
public class ProjectionOverview {

    /** Behind the head with no progress for this long: stalled. */
    static final Duration STALL_AFTER = Duration.ofSeconds(60);

    /** One processor's status, as {@code GET /api/v1/admin/projections} answers it. */
    public record ProjectionView(String name, String status, Integer generation, Long position, Long headPosition,
                                 long lag, double lagSeconds, boolean replaying, boolean rebuildable, double progress,
                                 Rebuilds.RebuildStatus rebuild) {}

    private record Seen(Long position, Instant since) {}

    private final EventProcessingConfiguration processing;
    private final ProjectionStatus status;
    private final ProjectionRegistry registry;
    private final Rebuilds rebuilds;
    private final Clock clock;
    private final Map<String, Seen> lastProgress = new ConcurrentHashMap<>();

    ProjectionOverview(EventProcessingConfiguration processing, ProjectionStatus status, ProjectionRegistry registry,
                       Rebuilds rebuilds, Clock clock) {
        this.processing = processing;
        this.status = status;
        this.registry = registry;
        this.rebuilds = rebuilds;
        this.clock = clock;
    }

    public List<ProjectionView> all() {
        Long head = status.headPosition();
        Instant now = clock.instant();
        List<ProjectionView> views = new ArrayList<>();
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .forEach(processor -> views.add(view(processor, head, now)));
        return views;
    }

    private ProjectionView view(StreamingEventProcessor processor, Long head, Instant now) {
        String name = processor.getName();
        Long position = status.position(name);
        long lag = head == null ? 0 : Math.max(0, head - (position == null ? -1 : position));
        Seen seen = lastProgress.compute(name, (key, before) ->
                before == null || !java.util.Objects.equals(before.position(), position) ? new Seen(position, now)
                        : before);
        Rebuilds.RebuildStatus rebuild = rebuilds.running(name).orElse(null);
        String state;
        if (processor.isError()) {
            state = "ERROR";
        } else if (rebuild != null && !processor.isRunning()) {
            // a rebuild's processor between its start and its first batch: rebuilding, not stopped
            state = "REBUILDING";
        } else if (!processor.isRunning()) {
            state = "STOPPED";
        } else if (lag > 0 && Duration.between(seen.since(), now).compareTo(STALL_AFTER) > 0) {
            state = "STALLED";
        } else if (rebuild != null) {
            state = "REBUILDING";
        } else {
            state = lag > 0 ? "CATCHING_UP" : "UP_TO_DATE";
        }
        boolean rebuildable = registry.definition(name).isPresent();
        double lagSeconds = lag == 0 ? 0 : status.lagTime(position, now).toMillis() / 1000.0;
        double progress = rebuild != null ? rebuild.progress()
                : head == null || head < 0 ? 1.0 : position == null ? 0.0 : Math.min(1.0, (position + 1.0) / (head + 1.0));
        return new ProjectionView(name, state, rebuildable ? registry.activeGeneration(name) : null, position, head,
                lag, lagSeconds, processor.isReplaying(), rebuildable, progress, rebuild);
    }
}
