package vn.ledger.command.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.events.SessionFormat;

/** Plan a thematic session for one or more units. */
record ScheduleSession(
        @TargetAggregateIdentifier UUID sessionId,
        List<UUID> unitIds,
        String topic,
        Instant scheduledAt,
        SessionFormat format,
        List<String> basisDocuments,
        String venue,
        String onlineUrl,
        String presenter,
        String host) {}
