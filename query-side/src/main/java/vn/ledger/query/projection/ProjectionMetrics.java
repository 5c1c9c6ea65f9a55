package vn.ledger.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Per processor, at {@code /actuator/prometheus}: position, lag in events and seconds, and the progress and rate of
 * a rebuild; and a health indicator that is down while a processor is in error or stalled.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionMetrics {

    /**
     * The overview once per scrape: five gauges per projection would otherwise each read every processor's token,
     * the head and the lag from the database.
     */
    static final class Latest {
        private static final long FRESH_NANOS = 1_000_000_000L;
        private final ProjectionOverview overview;
        private List<ProjectionOverview.ProjectionView> views;
        private long readAt;

        Latest(ProjectionOverview overview) {
            this.overview = overview;
        }

        synchronized List<ProjectionOverview.ProjectionView> all() {
            long now = System.nanoTime();
            if (views == null || now - readAt > FRESH_NANOS) {
                views = overview.all();
                readAt = now;
            }
            return views;
        }
    }

    @Bean
    MeterBinder projectionGauges(ProjectionOverview overview, ProjectionRegistry registry) {
        Latest latest = new Latest(overview);
        return meters -> {
            for (String name : registry.names()) {
                gauge(meters, latest, name, "ledger.projection.position", "events",
                        view -> view.position() == null ? -1 : view.position());
                gauge(meters, latest, name, "ledger.projection.lag", "events", ProjectionOverview.ProjectionView::lag);
                gauge(meters, latest, name, "ledger.projection.lag.time", "seconds",
                        ProjectionOverview.ProjectionView::lagSeconds);
                gauge(meters, latest, name, "ledger.projection.rebuild.progress", "ratio",
                        view -> view.rebuild() == null ? 0 : view.rebuild().progress());
                gauge(meters, latest, name, "ledger.projection.rebuild.rate", "events per second",
                        view -> view.rebuild() == null ? 0 : view.rebuild().eventsPerSecond());
            }
        };
    }

    @Bean
    HealthIndicator projections(ProjectionOverview overview) {
        return () -> {
            List<ProjectionOverview.ProjectionView> views = overview.all();
            boolean troubled = views.stream().anyMatch(v -> v.status().equals("ERROR") || v.status().equals("STALLED"));
            Health.Builder health = troubled ? Health.down() : Health.up();
            views.forEach(view -> health.withDetail(view.name(), view.status()));
            return health.build();
        };
    }

    private static void gauge(MeterRegistry meters, Latest latest, String name, String metric,
                              String unit, ToDoubleFunction<ProjectionOverview.ProjectionView> value) {
        Gauge.builder(metric, latest, o -> o.all().stream().filter(view -> view.name().equals(name))
                        .findFirst().map(value::applyAsDouble).orElse(Double.NaN))
                .tag("projection", name)
                .baseUnit(unit)
                .register(meters);
    }
}
