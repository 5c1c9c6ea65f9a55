package vn.ledger.query.readmodel;

import java.util.List;
import java.util.function.Function;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryMessage;

/**
 * Axon's processor and bus metrics, without Axon's {@code CapacityMonitor}. That monitor keeps the duration of every
 * message handled in the last ten minutes, two boxed longs in a skip list each (about 72 bytes): a processor
 * catching up on a province's log at 10,000 events a second held 6.5 million of them, filled the heap and spent its
 * time in full collections. The timers it would be computed from stay ({@code eventProcessor_allTimer_seconds_sum}:
 * its rate is the share of time a processor is busy), as do the counters and the processors' latency.
 */
class BoundedAxonMetrics extends GlobalMetricRegistry {

    private final MeterRegistry registry;

    BoundedAxonMetrics(MeterRegistry registry) {
        super(registry);
        this.registry = registry;
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String name) {
        return registerEventProcessor(name, message -> Tags.empty(), message -> Tags.empty());
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String name, Function<Message<?>, Iterable<Tag>> tags, Function<Message<?>, Iterable<Tag>> latencyTags) {
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(name, registry, tags),
                EventProcessorLatencyMonitor.builder().meterNamePrefix(name).meterRegistry(registry)
                        .tagsBuilder(latencyTags).build(),
                MessageCountingMonitor.buildMonitor(name, registry, tags)));
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String name) {
        return handlers(name, message -> Tags.empty());
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(
            String name, Function<Message<?>, Iterable<Tag>> tags) {
        return handlers(name, tags);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String name) {
        return handlers(name, message -> Tags.empty());
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(
            String name, Function<Message<?>, Iterable<Tag>> tags) {
        return handlers(name, tags);
    }

    private MessageMonitor<Message<?>> handlers(String name, Function<Message<?>, Iterable<Tag>> tags) {
        return new MultiMessageMonitor<>(MessageTimerMonitor.buildMonitor(name, registry, tags),
                MessageCountingMonitor.buildMonitor(name, registry, tags));
    }
}
