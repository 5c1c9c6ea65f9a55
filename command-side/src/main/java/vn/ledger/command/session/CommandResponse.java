package vn.ledger.command.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a command: the aggregate's id and version and the events it appended.
 *
 * @param performanceId the id of the logged performance, only for {@code /performances}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CommandResponse(UUID id, long version, List<EventRef> events, UUID performanceId) {

    /** One appended event. */
    record EventRef(String type) {}

    static CommandResponse of(UUID id, CommandOutcome outcome) {
        return new CommandResponse(id, outcome.version(),
                outcome.eventTypes().stream().map(EventRef::new).toList(), null);
    }

    CommandResponse withPerformanceId(UUID performanceId) {
        return new CommandResponse(id, version, events, performanceId);
    }
}
