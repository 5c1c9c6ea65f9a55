package vn.ledger.command.api;

import java.util.List;

/**
 * What a command did: the aggregate's version afterwards and the types of the events it appended (none for a repeat
 * that changed nothing).
 */
public record CommandOutcome(long version, List<String> eventTypes, List<Long> positions) {

    public CommandOutcome {
        eventTypes = List.copyOf(eventTypes);
        positions = List.copyOf(positions);
    }

    public CommandOutcome(long version, List<String> eventTypes) {
        this(version, eventTypes, List.of());
    }

    /** The same outcome with the log positions of its events, once they are appended. */
    public CommandOutcome withPositions(List<Long> eventPositions) {
        return new CommandOutcome(version, eventTypes, eventPositions);
    }
}
