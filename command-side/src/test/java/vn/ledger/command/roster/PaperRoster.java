package vn.ledger.command.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.ledger.events.UnitKind;

/**
 * A roster kept in memory for the aggregate specs, with the same meaning as the one in PostgreSQL (which the HTTP
 * tests exercise): memberships run from their first day to the day before the next one.
 */
public final class PaperRoster implements Roster {

    private record Membership(UUID memberId, UUID unitId, LocalDate from) {}

    private record Exemption(UUID memberId, LocalDate from, LocalDate to) {}

    private final Map<UUID, Unit> units = new LinkedHashMap<>();
    private final Map<UUID, Member> members = new HashMap<>();
    private final List<Membership> memberships = new ArrayList<>();
    private final Map<String, UUID> cards = new HashMap<>();
    private final List<Exemption> exemptions = new ArrayList<>();

    public PaperRoster unit(UUID unitId, String name, UnitKind kind, UUID parentUnitId) {
        units.put(unitId, new Unit(unitId, name, kind, parentUnitId, null, null));
        return this;
    }

    public PaperRoster merged(UUID unitId, UUID intoUnitId, LocalDate on) {
        Unit unit = units.get(unitId);
        units.put(unitId, new Unit(unitId, unit.name(), unit.kind(), unit.parentUnitId(), intoUnitId, on));
        return this;
    }

    public PaperRoster member(UUID memberId, UUID unitId, LocalDate admittedOn) {
        members.put(memberId, new Member(memberId, "Đảng viên " + memberId, admittedOn));
        memberships.add(new Membership(memberId, unitId, admittedOn));
        return this;
    }

    /** Gives the member a Party card number. */
    public PaperRoster card(UUID memberId, String cardNumber) {
        cards.put(cardNumber, memberId);
        return this;
    }

    public PaperRoster moved(UUID memberId, UUID unitId, LocalDate from) {
        memberships.add(new Membership(memberId, unitId, from));
        return this;
    }

    public PaperRoster exempt(UUID memberId, LocalDate from, LocalDate to) {
        exemptions.add(new Exemption(memberId, from, to));
        return this;
    }

    @Override
    public Map<UUID, Standing> standings(Collection<UUID> memberIds, Collection<UUID> unitIds, LocalDate date) {
        Map<UUID, Standing> standings = new LinkedHashMap<>();
        for (UUID memberId : memberIds) {
            Member member = members.get(memberId);
            Standing standing;
            if (member == null) {
                standing = Standing.UNKNOWN;
            } else if (date.isBefore(member.admittedOn())) {
                standing = Standing.NOT_YET_ADMITTED;
            } else if (!unitOf(memberId, date).map(unitIds::contains).orElse(false)) {
                standing = Standing.OUTSIDE_UNITS;
            } else if (isExempt(memberId, date)) {
                standing = Standing.EXEMPT;
            } else {
                standing = Standing.EXPECTED;
            }
            standings.put(memberId, standing);
        }
        return standings;
    }

    @Override
    public Optional<Unit> unit(UUID unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    @Override
    public List<UUID> activeUnitIds() {
        return units.values().stream().filter(u -> u.mergedIntoUnitId() == null).map(Unit::unitId).toList();
    }

    @Override
    public List<UUID> activeChildren(UUID unitId) {
        return units.values().stream()
                .filter(u -> unitId.equals(u.parentUnitId()) && u.mergedIntoUnitId() == null)
                .map(Unit::unitId).toList();
    }

    @Override
    public Optional<UUID> activeUnitNamed(String name, UUID exceptUnitId) {
        return units.values().stream()
                .filter(u -> u.name().equalsIgnoreCase(name.strip()) && u.mergedIntoUnitId() == null
                        && !u.unitId().equals(exceptUnitId))
                .map(Unit::unitId).findFirst();
    }

    @Override
    public Optional<Member> member(UUID memberId) {
        return Optional.ofNullable(members.get(memberId));
    }

    @Override
    public Optional<UUID> memberWithCard(String cardNumber) {
        return Optional.ofNullable(cards.get(cardNumber));
    }

    @Override
    public Optional<UUID> unitOf(UUID memberId, LocalDate date) {
        return memberships.stream()
                .filter(m -> m.memberId().equals(memberId) && !m.from().isAfter(date))
                .max((a, b) -> a.from().compareTo(b.from()))
                .map(Membership::unitId);
    }

    @Override
    public Optional<LocalDate> currentMembershipSince(UUID memberId) {
        return memberships.stream().filter(m -> m.memberId().equals(memberId))
                .map(Membership::from).max(LocalDate::compareTo);
    }

    @Override
    public boolean isExempt(UUID memberId, LocalDate date) {
        return exemptions.stream().anyMatch(e -> e.memberId().equals(memberId)
                && !date.isBefore(e.from()) && !date.isAfter(e.to()));
    }

    @Override
    public List<UUID> membersOf(Collection<UUID> unitIds, LocalDate date) {
        return members.keySet().stream().filter(id -> unitOf(id, date).map(unitIds::contains).orElse(false))
                .sorted().toList();
    }

    @Override
    public List<UUID> expectedMembers(Collection<UUID> unitIds, LocalDate date) {
        return membersOf(unitIds, date).stream()
                .filter(id -> !members.get(id).admittedOn().isAfter(date) && !isExempt(id, date)).toList();
    }
}
