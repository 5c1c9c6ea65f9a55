package vn.ledger.command.session;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Log one showing of an art performance given for a session, with its audience. */
record LogPerformance(
        @TargetAggregateIdentifier UUID sessionId,
        UUID performanceId,
        String title,
        String genre,
        UUID performerUnitId,
        String venue,
        LocalDate performedOn,
        int audience) {}
