package vn.ledger.command.roster;

import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ledger.events.UnitKind;

/** The roster read from {@code command_model}, inside the command's own transaction. */
@Component
class JdbcRoster implements Roster {

    private final JdbcTemplate jdbc;

    JdbcRoster(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, Standing> standings(Collection<UUID> memberIds, Collection<UUID> unitIds, LocalDate date) {
        Map<UUID, Standing> standings = new HashMap<>();
        memberIds.forEach(id -> standings.put(id, Standing.UNKNOWN));
        Set<UUID> units = Set.copyOf(unitIds);
        Date day = Date.valueOf(date);
        // one index lookup per member and table (a lateral join): written as EXISTS, the planner hashed the whole
        // exemption table for every command
        jdbc.query("""
                SELECT m.member_id, m.admitted_on, ms.unit_id, e.exempt IS NOT NULL
                FROM unnest(?::uuid[]) AS listed (member_id)
                JOIN command_model.member m ON m.member_id = listed.member_id
                LEFT JOIN LATERAL (SELECT ms.unit_id FROM command_model.membership ms
                                   WHERE ms.member_id = m.member_id AND ms.valid_from <= ?
                                     AND (ms.valid_to IS NULL OR ? < ms.valid_to)
                                   LIMIT 1) ms ON TRUE
                LEFT JOIN LATERAL (SELECT TRUE AS exempt FROM command_model.exemption e
                                   WHERE e.member_id = m.member_id AND e.valid_from <= ? AND ? <= e.valid_to
                                   LIMIT 1) e ON TRUE
                """, rs -> {
                    UUID memberId = rs.getObject(1, UUID.class);
                    LocalDate admittedOn = rs.getObject(2, LocalDate.class);
                    UUID unitId = rs.getObject(3, UUID.class);
                    Standing standing;
                    if (date.isBefore(admittedOn)) {
                        standing = Standing.NOT_YET_ADMITTED;
                    } else if (unitId == null || !units.contains(unitId)) {
                        standing = Standing.OUTSIDE_UNITS;
                    } else if (rs.getBoolean(4)) {
                        standing = Standing.EXEMPT;
                    } else {
                        standing = Standing.EXPECTED;
                    }
                    standings.put(memberId, standing);
                }, uuidArray(memberIds), day, day, day, day);
        return standings;
    }

    @Override
    public Optional<Unit> unit(UUID unitId) {
        return jdbc.query("""
                SELECT unit_id, name, kind, parent_unit_id, merged_into_unit_id, merged_on
                FROM command_model.unit WHERE unit_id = ?
                """, (rs, row) -> new Unit(
                        rs.getObject(1, UUID.class), rs.getString(2), UnitKind.valueOf(rs.getString(3)),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getObject(6, LocalDate.class)),
                unitId).stream().findFirst();
    }

    @Override
    public List<UUID> activeUnitIds() {
        return jdbc.queryForList("SELECT unit_id FROM command_model.unit WHERE merged_into_unit_id IS NULL ORDER BY name",
                UUID.class);
    }

    @Override
    public List<UUID> activeChildren(UUID unitId) {
        return jdbc.queryForList("""
                SELECT unit_id FROM command_model.unit WHERE parent_unit_id = ? AND merged_into_unit_id IS NULL
                """, UUID.class, unitId);
    }

    @Override
    public Optional<UUID> activeUnitNamed(String name, UUID exceptUnitId) {
        return jdbc.queryForList("""
                SELECT unit_id FROM command_model.unit
                WHERE lower(name) = lower(?) AND merged_into_unit_id IS NULL AND unit_id <> ?
                """, UUID.class, name.strip(), exceptUnitId).stream().findFirst();
    }

    @Override
    public Optional<Member> member(UUID memberId) {
        return jdbc.query("SELECT member_id, full_name, admitted_on FROM command_model.member WHERE member_id = ?",
                (rs, row) -> new Member(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class)),
                memberId).stream().findFirst();
    }

    @Override
    public Optional<UUID> memberWithCard(String cardNumber) {
        return jdbc.queryForList("SELECT member_id FROM command_model.member WHERE card_number = ?", UUID.class,
                cardNumber).stream().findFirst();
    }

    @Override
    public Optional<UUID> unitOf(UUID memberId, LocalDate date) {
        return jdbc.queryForList("""
                SELECT unit_id FROM command_model.membership
                WHERE member_id = ? AND valid_from <= ? AND (valid_to IS NULL OR ? < valid_to)
                """, UUID.class, memberId, Date.valueOf(date), Date.valueOf(date)).stream().findFirst();
    }

    @Override
    public Optional<LocalDate> currentMembershipSince(UUID memberId) {
        return jdbc.queryForList("""
                SELECT valid_from FROM command_model.membership WHERE member_id = ? AND valid_to IS NULL
                """, LocalDate.class, memberId).stream().findFirst();
    }

    @Override
    public boolean isExempt(UUID memberId, LocalDate date) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM command_model.exemption
                               WHERE member_id = ? AND valid_from <= ? AND ? <= valid_to)
                """, Boolean.class, memberId, Date.valueOf(date), Date.valueOf(date)));
    }

    @Override
    public List<UUID> membersOf(Collection<UUID> unitIds, LocalDate date) {
        return jdbc.queryForList("""
                SELECT ms.member_id FROM command_model.membership ms
                WHERE ms.unit_id = ANY (?) AND ms.valid_from <= ? AND (ms.valid_to IS NULL OR ? < ms.valid_to)
                ORDER BY ms.member_id
                """, UUID.class, uuidArray(unitIds), Date.valueOf(date), Date.valueOf(date));
    }

    @Override
    public List<UUID> expectedMembers(Collection<UUID> unitIds, LocalDate date) {
        return jdbc.queryForList("""
                SELECT ms.member_id FROM command_model.membership ms
                WHERE ms.unit_id = ANY (?) AND ms.valid_from <= ? AND (ms.valid_to IS NULL OR ? < ms.valid_to)
                  AND NOT EXISTS (SELECT 1 FROM command_model.exemption e
                                  WHERE e.member_id = ms.member_id AND e.valid_from <= ? AND ? <= e.valid_to)
                ORDER BY ms.member_id
                """, UUID.class, uuidArray(unitIds), Date.valueOf(date), Date.valueOf(date), Date.valueOf(date),
                Date.valueOf(date));
    }

    private Array uuidArray(Collection<UUID> ids) {
        return jdbc.execute((ConnectionCallback<Array>) connection ->
                connection.createArrayOf("uuid", ids.toArray()));
    }
}
