package vn.ledger.query.stats;

import org.axonframework.config.ProcessingGroup;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ledger.query.projection.BlueGreenProjection;
import vn.ledger.query.projection.EventPositions;
import vn.ledger.query.projection.ViewChanges;
import vn.ledger.query.projection.ProjectionRegistry;
import vn.ledger.query.readmodel.ProcessorSettings;

/**
 * The {@code stats-v1} projection: the facts the statistics are computed from, written by {@link StatsWriter} into
 * the active generation by the live processor, and into a fresh one by a rebuild.
 */
@Component
@ProcessingGroup(StatsProjection.NAME)
class StatsProjection extends BlueGreenProjection {

    static final String NAME = "stats-v1";

    StatsProjection(JdbcTemplate jdbc, @Lazy ProjectionRegistry registry, ProcessorSettings settings,
                   EventPositions positions, ViewChanges changes) {
        super(NAME, registry, schema -> new StatsWriter(jdbc, schema, settings.processing().batched()),
                positions, changes);
    }
}
