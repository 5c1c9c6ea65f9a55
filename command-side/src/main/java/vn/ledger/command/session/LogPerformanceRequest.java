package vn.ledger.command.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** The body of {@code POST /api/v1/sessions/{id}/performances}. */
record LogPerformanceRequest(
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 100) String genre,
        @NotNull UUID performerUnitId,
        @NotBlank @Size(max = 300) String venue,
        @NotNull LocalDate performedOn,
        @NotNull Integer audience,
        UUID performanceId) {

    LogPerformance toCommand(UUID sessionId) {
        return new LogPerformance(
                sessionId,
                performanceId == null ? UUID.randomUUID() : performanceId,
                title.strip(),
                genre.strip(),
                performerUnitId,
                venue.strip(),
                performedOn,
                audience);
    }
}
