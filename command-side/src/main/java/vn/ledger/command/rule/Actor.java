package vn.ledger.command.rule;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.messaging.MetaData;

/**
 * Who sends a command, read from its metadata: the user, the role, and for a secretary the units assigned to them.
 * Aggregates check it against their own units, never against units the client names.
 */
public record Actor(String userId, String role, Set<UUID> unitIds) {

    public static final String OFFICE = "OFFICE";
    public static final String SECRETARY = "SECRETARY";
    public static final String REVIEWER = "REVIEWER";
    public static final String AUDITOR = "AUDITOR";
    /** The service itself, e.g. loading the demo data. */
    public static final String SYSTEM = "SYSTEM";

    /** Metadata key of the comma-separated units a secretary may write for. */
    public static final String SCOPE = "scopeUnitIds";

    public static Actor of(MetaData metaData) {
        String scope = (String) metaData.getOrDefault(SCOPE, "");
        Set<UUID> units = scope.isBlank() ? Set.of() : Arrays.stream(scope.split(","))
                .map(String::strip)
                .map(UUID::fromString)
                .collect(Collectors.toUnmodifiableSet());
        return new Actor((String) metaData.get("userId"), (String) metaData.get("role"), units);
    }

    /**
     * Office and the service write every record; a secretary writes the records of sessions that involve one of
     * their units (a joint session is recorded by each of its cells).
     */
    public void requireMayWriteFor(Collection<UUID> recordUnits) {
        if (isOfficeOrSystem()) {
            return;
        }
        if (SECRETARY.equals(role) && recordUnits.stream().anyMatch(unitIds::contains)) {
            return;
        }
        throw new Rules.ForbiddenForUnit(recordUnits);
    }

    /** A secretary schedules only for their own units, every one of them. */
    public void requireMayScheduleFor(Collection<UUID> units) {
        if (isOfficeOrSystem()) {
            return;
        }
        if (SECRETARY.equals(role) && !units.isEmpty() && unitIds.containsAll(units)) {
            return;
        }
        throw new Rules.ForbiddenForUnit(units);
    }

    /** Only these roles (and the service itself) may send the command. */
    public void requireRole(String... roles) {
        if (SYSTEM.equals(role) || Arrays.asList(roles).contains(role)) {
            return;
        }
        throw new Rules.ForbiddenRole(role);
    }

    private boolean isOfficeOrSystem() {
        return OFFICE.equals(role) || SYSTEM.equals(role);
    }
}
