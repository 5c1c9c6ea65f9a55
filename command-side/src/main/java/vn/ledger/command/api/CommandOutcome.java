package vn.ledger.command.api;

import java.util.List;

/**
 * What a command did: the aggregate's version afterwards and the types of the events it appended (none for a repeat
 * that changed nothing).
 */
public record CommandOutcome(long version, List<String> eventTypes) {

    public CommandOutcome {
        eventTypes = List.copyOf(eventTypes);
    }
}
