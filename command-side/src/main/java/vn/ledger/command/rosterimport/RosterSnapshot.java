package vn.ledger.command.rosterimport;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ledger.events.MemberStatus;
import vn.ledger.events.UnitKind;

/**
 * The roster an import is planned against, read from {@code command_model} in two queries: the active units by
 * name, and the members who have a Party card number with their current unit.
 */
record RosterSnapshot(Map<String, Unit> unitsByKey, Map<UUID, Unit> unitsById, Map<String, Member> membersByCard) {

    record Unit(UUID unitId, String name, UnitKind kind, UUID parentUnitId) {}

    record Member(UUID memberId, String fullName, MemberStatus status, LocalDate dateOfBirth, String phone,
                  UUID unitId, LocalDate since) {}

    static RosterSnapshot read(JdbcTemplate jdbc) {
        Map<String, Unit> byKey = new HashMap<>();
        Map<UUID, Unit> byId = new HashMap<>();
        jdbc.query("""
                SELECT unit_id, name, kind, parent_unit_id FROM command_model.unit WHERE merged_into_unit_id IS NULL
                """, rs -> {
                    Unit unit = new Unit(rs.getObject(1, UUID.class), rs.getString(2),
                            UnitKind.valueOf(rs.getString(3)), rs.getObject(4, UUID.class));
                    byKey.put(Folding.unitKey(unit.name()), unit);
                    byId.put(unit.unitId(), unit);
                });
        Map<String, Member> byCard = new HashMap<>();
        jdbc.query("""
                SELECT m.member_id, m.full_name, m.status, m.date_of_birth, m.phone, m.card_number,
                       ms.unit_id, ms.valid_from
                FROM command_model.member m
                LEFT JOIN command_model.membership ms ON ms.member_id = m.member_id AND ms.valid_to IS NULL
                WHERE m.card_number IS NOT NULL
                """, rs -> {
                    String status = rs.getString(3);
                    byCard.put(rs.getString(6), new Member(rs.getObject(1, UUID.class), rs.getString(2),
                            status == null ? null : MemberStatus.valueOf(status), rs.getObject(4, LocalDate.class),
                            rs.getString(5), rs.getObject(7, UUID.class), rs.getObject(8, LocalDate.class)));
                });
        return new RosterSnapshot(byKey, byId, byCard);
    }
}
