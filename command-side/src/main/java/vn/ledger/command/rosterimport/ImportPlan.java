package vn.ledger.command.rosterimport;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.ledger.events.MemberStatus;
import vn.ledger.events.UnitKind;

/**
 * What an import will do, row by row: the units to register (parents first), the members to admit and transfer,
 * what is already so, and every error and warning. An import with an error writes nothing.
 *
 * @param rowsTotal the file's data rows (the header and empty rows aside)
 * @param effectiveOn the day transfers take effect
 */
public record ImportPlan(int rowsTotal, LocalDate effectiveOn, List<NewUnit> unitsToCreate, int unitsUnchanged,
                         List<Admission> membersToAdmit, List<Transfer> membersToTransfer,
                         List<Unchanged> membersUnchanged, List<ImportIssue> errors, List<ImportIssue> warnings) {

    /**
     * A unit to register.
     *
     * @param row the first row that names it (as a unit or as a parent)
     * @param parentUnitId the parent, registered already or earlier in this plan; null directly under the committee
     */
    public record NewUnit(int row, UUID unitId, String name, UnitKind kind, String parentName, UUID parentUnitId) {}

    public record Admission(int row, UUID memberId, String fullName, String cardNumber, MemberStatus status,
                            LocalDate joinedOn, LocalDate dateOfBirth, String phone, UUID unitId, String unitName) {}

    public record Transfer(int row, UUID memberId, String fullName, String cardNumber, UUID fromUnitId,
                           String fromUnitName, UUID toUnitId, String toUnitName, LocalDate effectiveOn) {}

    public record Unchanged(int row, UUID memberId, String fullName, String cardNumber, String unitName) {}

    public boolean valid() {
        return errors.isEmpty();
    }

    /** Commands the plan sends: one per unit, admission and transfer. */
    public int commands() {
        return unitsToCreate.size() + membersToAdmit.size() + membersToTransfer.size();
    }
}
