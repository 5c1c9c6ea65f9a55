package vn.ledger.command.roster;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.ledger.events.UnitKind;

/** What the aggregates may ask about the roster when they check a command. */
public interface Roster {

    /** A unit as the roster knows it now. */
    record Unit(UUID unitId, String name, UnitKind kind, UUID parentUnitId, UUID mergedIntoUnitId, LocalDate mergedOn) {

        public boolean isActiveOn(LocalDate date) {
            return mergedOn == null || date.isBefore(mergedOn);
        }
    }

    /** A member as the roster knows it now. */
    record Member(UUID memberId, String fullName, LocalDate admittedOn) {}

    /** Where a member stands for a session of some units on a date. */
    enum Standing {
        /** on the roster of one of the units that day, admitted, not exempt */
        EXPECTED,
        /** no such member */
        UNKNOWN,
        /** admitted after that day */
        NOT_YET_ADMITTED,
        /** in another unit that day */
        OUTSIDE_UNITS,
        /** exempt from activities that day */
        EXEMPT
    }

    /** The standing of each member for a session of {@code unitIds} on {@code date}, in one look-up. */
    Map<UUID, Standing> standings(Collection<UUID> memberIds, Collection<UUID> unitIds, LocalDate date);

    Optional<Unit> unit(UUID unitId);

    /** Units not merged away: what "the whole committee" means for a new session. */
    List<UUID> activeUnitIds();

    /** Units whose parent is {@code unitId} and that are not merged away. */
    List<UUID> activeChildren(UUID unitId);

    /** An active unit other than {@code exceptUnitId} with this name, case-insensitive. */
    Optional<UUID> activeUnitNamed(String name, UUID exceptUnitId);

    Optional<Member> member(UUID memberId);

    /** The member who holds Party card {@code cardNumber}, if any. */
    Optional<UUID> memberWithCard(String cardNumber);

    /** The unit a member belongs to on {@code date}; empty before admission. */
    Optional<UUID> unitOf(UUID memberId, LocalDate date);

    /** The first day of the member's current membership (admission, transfer or merge). */
    Optional<LocalDate> currentMembershipSince(UUID memberId);

    boolean isExempt(UUID memberId, LocalDate date);

    /** Members of the units on {@code date}, exempt or not. */
    List<UUID> membersOf(Collection<UUID> unitIds, LocalDate date);

    /** Members expected at a session of the units on {@code date}: admitted, in those units, not exempt. */
    List<UUID> expectedMembers(Collection<UUID> unitIds, LocalDate date);
}
