package vn.ledger.query.projection;

import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
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
    private final EventPositions positions;
    private final ViewChanges changes;

    /**
     * @param registry lazy in the subclass's constructor: it needs this definition before it can say which schema
     *     is active
     * @param writers a writer for the generation in the schema the supplier answers
     * @param positions where each event the live processor reads is in the log
     * @param changes told when a live batch commits, so that readers in this process know the view moved
     */
    protected BlueGreenProjection(String name, ProjectionRegistry registry,
                                  Function<Supplier<String>, ProjectionWriter> writers, EventPositions positions,
                                  ViewChanges changes) {
        this.name = name;
        this.positions = positions;
        this.changes = changes;
        this.writers = writers;
        this.live = writers.apply(() -> registry.activeSchema(name));
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
     * Every event the live processor reads, at its own position in the log, which is not its token's when it
     * committed late ({@link EventPositions}); the writer ignores those of no interest to the view.
     */
    @EventHandler
    public final void on(EventMessage<?> event, TrackingToken token) {
        live.apply(event, positions.live(event, token));
        changes.afterCommit(name);
    }

    /** An Axon token reset replays into the active generation: it starts from empty tables. */
    @ResetHandler
    public final void reset() {
        live.clear();
        changes.afterCommit(name);
    }
}
