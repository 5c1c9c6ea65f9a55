package vn.ledger.command.unit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ledger.command.roster.PaperRoster;
import vn.ledger.command.rule.Rules;
import vn.ledger.command.unit.UnitCommands.CommendUnit;
import vn.ledger.command.unit.UnitCommands.MergeUnit;
import vn.ledger.command.unit.UnitCommands.RegisterUnit;
import vn.ledger.command.unit.UnitCommands.RenameUnit;
import vn.ledger.events.CommendationKind;
import vn.ledger.events.UnitCommended;
import vn.ledger.events.UnitKind;
import vn.ledger.events.UnitMerged;
import vn.ledger.events.UnitRegistered;
import vn.ledger.events.UnitRenamed;

/** The roster's units: registered in a tree, renamed, merged with their members, commended. */
class UnitTest {

    static final UUID SUB_COMMITTEE = UUID.fromString("0a170000-0000-4000-8000-0000000000aa");
    static final UUID CELL = UUID.fromString("0a170000-0000-4000-8000-000000000001");
    static final UUID OTHER_CELL = UUID.fromString("0a170000-0000-4000-8000-000000000002");
    static final UUID NEW_UNIT = UUID.fromString("0a170000-0000-4000-8000-000000000009");
    static final UUID MEMBER = UUID.fromString("3e3be000-0000-4000-8000-00000000000a");
    static final Map<String, String> OFFICE = Map.of("userId", "van-phong", "role", "OFFICE");
    static final Map<String, String> SECRETARY = Map.of("userId", "bi-thu", "role", "SECRETARY",
            "scopeUnitIds", CELL.toString());
    static final Map<String, String> REVIEWER = Map.of("userId", "ban-thuong-vu", "role", "REVIEWER");

    private FixtureConfiguration<Unit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Unit.class);
        fixture.registerInjectableResource(new PaperRoster()
                .unit(SUB_COMMITTEE, "Đảng bộ bộ phận Thể thao", UnitKind.SUB_COMMITTEE, null)
                .unit(CELL, "Chi bộ Trung tâm Văn hóa Nghệ thuật", UnitKind.CELL, null)
                .unit(OTHER_CELL, "Chi bộ Thư viện", UnitKind.CELL, null)
                .member(MEMBER, CELL, LocalDate.parse("2010-01-01")));
    }

    static UnitRegistered cellRegistered() {
        return new UnitRegistered(CELL, "Chi bộ Trung tâm Văn hóa Nghệ thuật", UnitKind.CELL, null);
    }

    @Test
    void registersACellUnderASubCommittee() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit(NEW_UNIT, "Chi bộ Bơi lội", UnitKind.CELL, SUB_COMMITTEE), OFFICE)
                .expectEvents(new UnitRegistered(NEW_UNIT, "Chi bộ Bơi lội", UnitKind.CELL, SUB_COMMITTEE));
    }

    @Test
    void rejectsAParentThatIsACell() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit(NEW_UNIT, "Chi bộ Bơi lội", UnitKind.CELL, CELL), OFFICE)
                .expectException(UnitRules.ParentNotSubCommittee.class);
    }

    @Test
    void rejectsAnUnknownParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit(NEW_UNIT, "Chi bộ Bơi lội", UnitKind.CELL, UUID.randomUUID()), OFFICE)
                .expectException(Rules.UnitNotFound.class);
    }

    @Test
    void rejectsANameAnotherActiveUnitHas() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit(NEW_UNIT, "chi bộ thư viện", UnitKind.CELL, null), OFFICE)
                .expectException(UnitRules.UnitNameTaken.class);
    }

    @Test
    void onlyTheOfficeKeepsTheRoster() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit(NEW_UNIT, "Chi bộ Bơi lội", UnitKind.CELL, null), SECRETARY)
                .expectException(Rules.ForbiddenRole.class);
    }

    @Test
    void renamesAUnitAndKeepsThePreviousName() {
        fixture.given(cellRegistered())
                .when(new RenameUnit(CELL, "Chi bộ Nhà hát", null), OFFICE)
                .expectEvents(new UnitRenamed(CELL, "Chi bộ Nhà hát", "Chi bộ Trung tâm Văn hóa Nghệ thuật"));
    }

    @Test
    void renamingToTheSameNameIsANoOp() {
        fixture.given(cellRegistered())
                .when(new RenameUnit(CELL, "Chi bộ Trung tâm Văn hóa Nghệ thuật", null), OFFICE)
                .expectNoEvents();
    }

    @Test
    void rejectsARenameForAnOlderVersion() {
        fixture.given(cellRegistered(), new UnitRenamed(CELL, "Chi bộ Nhà hát", "Chi bộ Trung tâm Văn hóa Nghệ thuật"))
                .when(new RenameUnit(CELL, "Chi bộ Sân khấu", 0L), OFFICE)
                .expectException(Rules.VersionMismatch.class);
    }

    @Test
    void mergesAUnitAndItsMembersMoveWithIt() {
        fixture.given(cellRegistered())
                .when(new MergeUnit(CELL, OTHER_CELL, LocalDate.parse("2023-01-01"), null), OFFICE)
                .expectEvents(new UnitMerged(CELL, OTHER_CELL, LocalDate.parse("2023-01-01"), List.of(MEMBER)));
    }

    @Test
    void rejectsAMergeIntoItself() {
        fixture.given(cellRegistered())
                .when(new MergeUnit(CELL, CELL, LocalDate.parse("2023-01-01"), null), OFFICE)
                .expectException(UnitRules.MergeIntoItself.class);
    }

    @Test
    void rejectsAMergeOfACellIntoASubCommittee() {
        fixture.given(cellRegistered())
                .when(new MergeUnit(CELL, SUB_COMMITTEE, LocalDate.parse("2023-01-01"), null), OFFICE)
                .expectException(UnitRules.MergeKindMismatch.class);
    }

    @Test
    void rejectsRenamingAMergedUnit() {
        fixture.given(cellRegistered(), new UnitMerged(CELL, OTHER_CELL, LocalDate.parse("2023-01-01"), List.of()))
                .when(new RenameUnit(CELL, "Chi bộ Nhà hát", null), OFFICE)
                .expectException(Rules.UnitMergedAway.class);
    }

    @Test
    void aReviewerCommendsAUnit() {
        UUID commendation = UUID.randomUUID();
        fixture.given(cellRegistered())
                .when(new CommendUnit(CELL, commendation, CommendationKind.PRAISE, "Mô hình hay", null, null),
                        REVIEWER)
                .expectEvents(new UnitCommended(CELL, commendation, CommendationKind.PRAISE, "Mô hình hay", null));
    }

    @Test
    void rejectsACommendationWithoutReason() {
        fixture.given(cellRegistered())
                .when(new CommendUnit(CELL, UUID.randomUUID(), CommendationKind.REWARD, " ", null, null), REVIEWER)
                .expectException(Rules.ReasonRequired.class);
    }
}
