package vn.ledger.command.session;

import java.util.List;

/**
 * What a command on an existing session did: the aggregate's version afterwards and the types of the events it
 * appended (none for a repeat that changed nothing).
 */
record CommandOutcome(long version, List<String> eventTypes) {}
