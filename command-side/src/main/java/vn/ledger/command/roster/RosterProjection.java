package vn.ledger.command.roster;

import java.sql.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ledger.events.ExemptionGranted;
import vn.ledger.events.MemberAdmitted;
import vn.ledger.events.MemberTransferred;
import vn.ledger.events.UnitMerged;
import vn.ledger.events.UnitRegistered;
import vn.ledger.events.UnitRenamed;

/**
 * Keeps {@code command_model} in step with the roster events. It runs in a subscribing processor, inside the
 * unit of work that appends the events, so the next command always sees the roster its predecessors left.
 */
@Component
@ProcessingGroup(RosterProjection.NAME)
class RosterProjection {

    static final String NAME = "command-roster";

    private final JdbcTemplate jdbc;

    RosterProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UnitRegistered event) {
        jdbc.update("""
                INSERT INTO command_model.unit (unit_id, name, kind, parent_unit_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (unit_id) DO NOTHING
                """, event.unitId(), event.name(), event.kind().name(), event.parentUnitId());
    }

    @EventHandler
    void on(UnitRenamed event) {
        jdbc.update("UPDATE command_model.unit SET name = ? WHERE unit_id = ?", event.name(), event.unitId());
    }

    @EventHandler
    void on(UnitMerged event) {
        jdbc.update("UPDATE command_model.unit SET merged_into_unit_id = ?, merged_on = ? WHERE unit_id = ?",
                event.intoUnitId(), Date.valueOf(event.effectiveOn()), event.unitId());
        for (var memberId : event.movedMemberIds()) {
            move(memberId, event.intoUnitId(), event.effectiveOn());
        }
    }

    @EventHandler
    void on(MemberAdmitted event) {
        jdbc.update("""
                INSERT INTO command_model.member (member_id, full_name, admitted_on, card_number, status,
                                                  date_of_birth, phone)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (member_id) DO NOTHING
                """, event.memberId(), event.fullName(), Date.valueOf(event.joinedOn()), event.cardNumber(),
                event.status() == null ? null : event.status().name(),
                event.dateOfBirth() == null ? null : Date.valueOf(event.dateOfBirth()), event.phone());
        jdbc.update("""
                INSERT INTO command_model.membership (member_id, unit_id, valid_from) VALUES (?, ?, ?)
                ON CONFLICT (member_id, valid_from) DO NOTHING
                """, event.memberId(), event.unitId(), Date.valueOf(event.joinedOn()));
    }

    @EventHandler
    void on(MemberTransferred event) {
        move(event.memberId(), event.toUnitId(), event.effectiveOn());
    }

    @EventHandler
    void on(ExemptionGranted event) {
        jdbc.update("""
                INSERT INTO command_model.exemption (member_id, valid_from, valid_to) VALUES (?, ?, ?)
                ON CONFLICT (member_id, valid_from) DO NOTHING
                """, event.memberId(), Date.valueOf(event.from()), Date.valueOf(event.to()));
    }

    /** Ends the member's open membership the day the new one starts. */
    private void move(java.util.UUID memberId, java.util.UUID toUnitId, java.time.LocalDate effectiveOn) {
        jdbc.update("UPDATE command_model.membership SET valid_to = ? WHERE member_id = ? AND valid_to IS NULL",
                Date.valueOf(effectiveOn), memberId);
        jdbc.update("""
                INSERT INTO command_model.membership (member_id, unit_id, valid_from) VALUES (?, ?, ?)
                ON CONFLICT (member_id, valid_from) DO UPDATE SET unit_id = EXCLUDED.unit_id, valid_to = NULL
                """, memberId, toUnitId, Date.valueOf(effectiveOn));
    }
}
