package vn.ledger.command.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a command: the aggregate's id and version and the events it appended.
 *
 * @param createdId the id of what the command created inside the aggregate (a performance, a commendation), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandResponse(UUID id, long version, List<EventRef> events, UUID createdId) {

    /**
     * One appended event, with its position in the log: pass the last one as {@code position=} to a statistics
     * query to read your own write.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventRef(String type, Long position) {}

    public static CommandResponse of(UUID id, CommandOutcome outcome) {
        List<EventRef> events = new java.util.ArrayList<>();
        for (int i = 0; i < outcome.eventTypes().size(); i++) {
            events.add(new EventRef(outcome.eventTypes().get(i),
                    i < outcome.positions().size() ? outcome.positions().get(i) : null));
        }
        return new CommandResponse(id, outcome.version(), events, null);
    }

    /** 200 with the version as {@code ETag}. */
    public static ResponseEntity<CommandResponse> ok(UUID id, CommandOutcome outcome) {
        return ResponseEntity.ok().eTag(etag(outcome.version())).body(of(id, outcome));
    }

    /** 201 with {@code Location} and the version as {@code ETag}. */
    public static ResponseEntity<CommandResponse> created(String location, UUID id, CommandOutcome outcome,
                                                          UUID createdId) {
        CommandResponse body = of(id, outcome);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(location))
                .eTag(etag(outcome.version()))
                .body(new CommandResponse(body.id(), body.version(), body.events(), createdId));
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }
}
