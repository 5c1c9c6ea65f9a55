package vn.ledger.query.session;

import java.util.function.Supplier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ledger.query.projection.ProjectionDefinition;
import vn.ledger.query.projection.ProjectionRegistry;
import vn.ledger.query.projection.ProjectionWriter;

/**
 * The {@code sessions-v1} projection: its live processor writes each event into the active generation of the
 * session views' tables; a rebuild writes a fresh generation with the same {@link SessionViewWriter}. Both hand the
 * writer the whole event, whose metadata says when a submission or review was recorded.
 */
@Component
@ProcessingGroup(SessionViewProjection.NAME)
class SessionViewProjection implements ProjectionDefinition {

    static final String NAME = "sessions-v1";

    private final JdbcTemplate jdbc;
    private final SessionViewWriter live;

    /** The registry is lazy: it needs this definition to exist before it can say which schema is active. */
    SessionViewProjection(JdbcTemplate jdbc, @Lazy ProjectionRegistry registry) {
        this.jdbc = jdbc;
        this.live = new SessionViewWriter(jdbc, () -> registry.activeSchema(NAME));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String migrations() {
        return "classpath:db/projection/sessions-v1";
    }

    @Override
    public ProjectionWriter writer(Supplier<String> schema) {
        return new SessionViewWriter(jdbc, schema);
    }

    /** Every event the live processor reads; the writer ignores those the session views do not show. */
    @EventHandler
    void on(EventMessage<?> event, TrackingToken token) {
        live.apply(event, token.position().orElseThrow());
    }

    /** An Axon token reset replays into the active generation: it starts from empty tables. */
    @ResetHandler
    void reset() {
        live.clear();
    }
}
