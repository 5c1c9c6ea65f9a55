package vn.ledger.query.projection;

import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;

/**
 * A projection rebuilt blue/green: a subclass names it (also its processing group, with {@code @ProcessingGroup})
 * and says how to write one generation of its tables; its live processor writes every event into the active
 * generation, and a rebuild writes a fresh one with the same kind of writer. Its tables are made by Flyway from
 * {@code db/projection/<name>}.
 */
public abstract class BlueGreenProjection implements ProjectionDefinition {

    private final String name;
    private final Function<Supplier<String>, ProjectionWriter> writers;
    private final ProjectionWriter live;
    private final ProjectionRegistry registry;

    /**
     * @param registry lazy in the subclass's constructor: it needs this definition before it can say which schema
     *     is active
     * @param writers a writer for the generation in the schema the supplier answers
     */
    protected BlueGreenProjection(String name, ProjectionRegistry registry,
                                  Function<Supplier<String>, ProjectionWriter> writers) {
        this.name = name;
        this.writers = writers;
        this.live = writers.apply(() -> registry.activeSchema(name));
        this.registry = registry;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String migrations() {
        return "classpath:db/projection/" + name;
    }

    @Override
    public final ProjectionWriter writer(Supplier<String> schema) {
        return writers.apply(schema);
    }

    /**
     * Every event the live processor reads, at its own position in the log (not the token's, which is ahead of it
     * for an event that committed late: {@link ProjectionRegistry#positionOf}); the writer ignores those of no
     * interest to the view.
     */
    @EventHandler
    public final void on(EventMessage<?> event, TrackingToken token) {
        long position = token.position().orElseThrow();
        // only a gap-aware token (the JDBC log's) can be ahead of its event; an in-memory log's token never is
        live.apply(event, token instanceof GapAwareTrackingToken
                ? registry.positionOf(event.getIdentifier(), position) : position);
    }

    /** An Axon token reset replays into the active generation: it starts from empty tables. */
    @ResetHandler
    public final void reset() {
        live.clear();
    }
}
