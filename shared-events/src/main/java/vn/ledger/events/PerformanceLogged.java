package vn.ledger.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A fact that one showing of an art performance (biểu diễn nghệ thuật) was given for a session, with its
 * audience counted in attendances (lượt người).
 *
 * @param performedOn business date of the showing; its quarter is the quarter of this date
 */
@Revision("1")
public record PerformanceLogged(
        UUID sessionId,
        UUID performanceId,
        String title,
        String genre,
        UUID performerUnitId,
        String venue,
        LocalDate performedOn,
        int audience) {}
