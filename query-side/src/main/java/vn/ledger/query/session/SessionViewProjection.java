package vn.ledger.query.session;

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
 * The {@code sessions-v1} projection: the session list and detail, written by {@link SessionViewWriter} into the
 * active generation by the live processor, and into a fresh one by a rebuild. The writer gets the whole event,
 * whose metadata says when a submission or review was recorded.
 */
@Component
@ProcessingGroup(SessionViewProjection.NAME)
class SessionViewProjection extends BlueGreenProjection {

    static final String NAME = "sessions-v1";

    SessionViewProjection(JdbcTemplate jdbc, @Lazy ProjectionRegistry registry, ProcessorSettings settings,
                          EventPositions positions, ViewChanges changes) {
        super(NAME, registry, schema -> new SessionViewWriter(jdbc, schema, settings.processing().batched()),
                positions, changes);
    }
}
