package vn.ledger.command.unit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import vn.ledger.events.CommendationKind;
import vn.ledger.events.UnitKind;

/** The HTTP bodies of the unit commands. */
final class UnitRequests {

    private UnitRequests() {}

    /** {@code POST /api/v1/units} */
    record RegisterUnitRequest(@NotBlank @Size(max = 300) String name, @NotNull UnitKind kind, UUID parentUnitId,
                               UUID unitId) {}

    /** {@code POST /api/v1/units/{id}/rename} */
    record RenameUnitRequest(@NotBlank @Size(max = 300) String name) {}

    /** {@code POST /api/v1/units/{id}/merge} */
    record MergeUnitRequest(@NotNull UUID intoUnitId, @NotNull LocalDate effectiveOn) {}

    /** {@code POST /api/v1/commendations} */
    record CommendUnitRequest(@NotNull UUID unitId, @NotNull CommendationKind kind,
                              @NotBlank @Size(max = 2000) String reason, UUID sessionId) {}
}
