package vn.ledger.command.unit;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.events.CommendationKind;
import vn.ledger.events.UnitKind;

/** The commands of a unit; {@code expectedVersion} is the client's {@code If-Match}, null when unconditional. */
public final class UnitCommands {

    private UnitCommands() {}

    /** Put a unit on the roster. */
    public record RegisterUnit(@TargetAggregateIdentifier UUID unitId, String name, UnitKind kind, UUID parentUnitId) {}

    /** Give a unit a new name. */
    public record RenameUnit(@TargetAggregateIdentifier UUID unitId, String name, Long expectedVersion) {}

    /** Merge a unit into another from a date on; its members move with it. */
    public record MergeUnit(@TargetAggregateIdentifier UUID unitId, UUID intoUnitId, LocalDate effectiveOn,
                     Long expectedVersion) {}

    /** Praise or reward a unit. */
    public record CommendUnit(@TargetAggregateIdentifier UUID unitId, UUID commendationId, CommendationKind kind,
                       String reason, UUID sessionId, Long expectedVersion) {}
}
