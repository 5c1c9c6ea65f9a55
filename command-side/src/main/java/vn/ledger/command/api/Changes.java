package vn.ledger.command.api;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.modelling.command.AggregateLifecycle;

/** Applies events inside a command handler and answers what the command did. */
public final class Changes {

    private final List<String> eventTypes = new ArrayList<>();

    public void apply(Object event) {
        AggregateLifecycle.apply(event);
        eventTypes.add(event.getClass().getSimpleName());
    }

    /** The aggregate's version after the applied events, and their types. */
    public CommandOutcome outcome() {
        return new CommandOutcome(AggregateLifecycle.getVersion(), eventTypes);
    }

    /** A command that changed nothing answers the version as it stands. */
    public static CommandOutcome unchanged() {
        return new Changes().outcome();
    }
}
