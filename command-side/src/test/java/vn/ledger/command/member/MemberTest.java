package vn.ledger.command.member;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ledger.command.member.MemberCommands.AdmitMember;
import vn.ledger.command.member.MemberCommands.GrantExemption;
import vn.ledger.command.member.MemberCommands.TransferMember;
import vn.ledger.command.roster.PaperRoster;
import vn.ledger.command.rule.Rules;
import vn.ledger.events.ExemptionGranted;
import vn.ledger.events.MemberAdmitted;
import vn.ledger.events.MemberStatus;
import vn.ledger.events.MemberTransferred;
import vn.ledger.events.UnitKind;

/** Members: admitted to a cell, transferred, exempt for a period. */
class MemberTest {

    static final UUID CELL = UUID.fromString("0a170000-0000-4000-8000-000000000001");
    static final UUID OTHER_CELL = UUID.fromString("0a170000-0000-4000-8000-000000000002");
    static final UUID SUB_COMMITTEE = UUID.fromString("0a170000-0000-4000-8000-0000000000aa");
    static final UUID MERGED_CELL = UUID.fromString("0a170000-0000-4000-8000-000000000003");
    static final UUID MEMBER = UUID.fromString("3e3be000-0000-4000-8000-00000000000a");
    static final LocalDate JOINED = LocalDate.parse("2010-05-19");
    static final Map<String, String> OFFICE = Map.of("userId", "van-phong", "role", "OFFICE");
    static final Map<String, String> AUDITOR = Map.of("userId", "kiem-tra", "role", "AUDITOR");

    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(new PaperRoster()
                .unit(CELL, "Chi bộ Trung tâm Văn hóa Nghệ thuật", UnitKind.CELL, null)
                .unit(OTHER_CELL, "Chi bộ Thư viện", UnitKind.CELL, null)
                .unit(SUB_COMMITTEE, "Đảng bộ bộ phận Thể thao", UnitKind.SUB_COMMITTEE, null)
                .unit(MERGED_CELL, "Chi bộ Bảo tàng", UnitKind.CELL, null)
                .merged(MERGED_CELL, OTHER_CELL, LocalDate.parse("2020-01-01"))
                .member(MEMBER, CELL, JOINED)
                .card(MEMBER, "93.000001"));
    }

    @Test
    void admitsAMemberWithCardNumberBirthDateAndPhone() {
        UUID newcomer = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new AdmitMember(newcomer, "Lê Thị Hường", CELL, MemberStatus.OFFICIAL,
                        LocalDate.parse("2015-02-03"), "93.000002", LocalDate.parse("1985-11-30"), "0912 345 678"),
                        OFFICE)
                .expectEvents(new MemberAdmitted(newcomer, "Lê Thị Hường", CELL, MemberStatus.OFFICIAL,
                        LocalDate.parse("2015-02-03"), "93.000002", LocalDate.parse("1985-11-30"), "0912 345 678"));
    }

    @Test
    void aCardNumberBelongsToOneMember() {
        fixture.givenNoPriorActivity()
                .when(new AdmitMember(UUID.randomUUID(), "Lê Thị Hường", CELL, MemberStatus.OFFICIAL,
                        LocalDate.parse("2015-02-03"), "93.000001", null, null), OFFICE)
                .expectException(MemberRules.CardNumberTaken.class)
                .expectNoEvents();
    }

    @Test
    void aMemberIsBornBeforeJoining() {
        fixture.givenNoPriorActivity()
                .when(new AdmitMember(UUID.randomUUID(), "Lê Thị Hường", CELL, MemberStatus.OFFICIAL,
                        LocalDate.parse("2015-02-03"), null, LocalDate.parse("2015-02-03"), null), OFFICE)
                .expectException(MemberRules.BornAfterJoining.class)
                .expectNoEvents();
    }

    static MemberAdmitted admitted() {
        return new MemberAdmitted(MEMBER, "Nguyễn Văn An", CELL, MemberStatus.OFFICIAL, JOINED);
    }

    @Test
    void admitsAMemberToACell() {
        UUID newcomer = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new AdmitMember(newcomer, "Trần Thị Bình", CELL, MemberStatus.PROBATIONARY,
                        LocalDate.parse("2022-03-26")), OFFICE)
                .expectEvents(new MemberAdmitted(newcomer, "Trần Thị Bình", CELL, MemberStatus.PROBATIONARY,
                        LocalDate.parse("2022-03-26")));
    }

    @Test
    void rejectsAdmissionToASubCommittee() {
        fixture.givenNoPriorActivity()
                .when(new AdmitMember(UUID.randomUUID(), "Trần Thị Bình", SUB_COMMITTEE, MemberStatus.OFFICIAL,
                        JOINED), OFFICE)
                .expectException(MemberRules.UnitNotACell.class);
    }

    @Test
    void rejectsAdmissionToAUnitMergedAwayByThen() {
        fixture.givenNoPriorActivity()
                .when(new AdmitMember(UUID.randomUUID(), "Trần Thị Bình", MERGED_CELL, MemberStatus.OFFICIAL,
                        LocalDate.parse("2022-01-01")), OFFICE)
                .expectException(Rules.UnitMergedAway.class);
    }

    @Test
    void rejectsAJoiningDateBeforeThePartyWasFounded() {
        fixture.givenNoPriorActivity()
                .when(new AdmitMember(UUID.randomUUID(), "Trần Thị Bình", CELL, MemberStatus.OFFICIAL,
                        LocalDate.parse("1930-02-02")), OFFICE)
                .expectException(Rules.DateOutOfRange.class);
    }

    @Test
    void admitsAMemberWhoJoinedDecadesAgo() {
        UUID veteran = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new AdmitMember(veteran, "Phạm Văn Đồng", CELL, MemberStatus.OFFICIAL,
                        LocalDate.parse("1975-04-30")), OFFICE)
                .expectEvents(new MemberAdmitted(veteran, "Phạm Văn Đồng", CELL, MemberStatus.OFFICIAL,
                        LocalDate.parse("1975-04-30")));
    }

    @Test
    void anAuditorCannotAdmit() {
        fixture.givenNoPriorActivity()
                .when(new AdmitMember(UUID.randomUUID(), "Trần Thị Bình", CELL, MemberStatus.OFFICIAL, JOINED),
                        AUDITOR)
                .expectException(Rules.ForbiddenRole.class);
    }

    @Test
    void transfersAMemberToAnotherCell() {
        fixture.given(admitted())
                .when(new TransferMember(MEMBER, OTHER_CELL, LocalDate.parse("2022-10-01"), null), OFFICE)
                .expectEvents(new MemberTransferred(MEMBER, CELL, OTHER_CELL, LocalDate.parse("2022-10-01")));
    }

    @Test
    void rejectsATransferToTheUnitTheMemberIsIn() {
        fixture.given(admitted())
                .when(new TransferMember(MEMBER, CELL, LocalDate.parse("2022-10-01"), null), OFFICE)
                .expectException(MemberRules.AlreadyInUnit.class);
    }

    @Test
    void rejectsATransferDatedBeforeTheCurrentMembership() {
        fixture.given(admitted())
                .when(new TransferMember(MEMBER, OTHER_CELL, LocalDate.parse("2009-01-01"), null), OFFICE)
                .expectException(MemberRules.TransferBeforeCurrentMembership.class);
    }

    @Test
    void grantsAnExemptionForAPeriod() {
        fixture.given(admitted())
                .when(new GrantExemption(MEMBER, LocalDate.parse("2022-07-01"), LocalDate.parse("2022-12-31"),
                        "Sức khỏe", null), OFFICE)
                .expectEvents(new ExemptionGranted(MEMBER, LocalDate.parse("2022-07-01"),
                        LocalDate.parse("2022-12-31"), "Sức khỏe"));
    }

    @Test
    void rejectsAPeriodThatEndsBeforeItStarts() {
        fixture.given(admitted())
                .when(new GrantExemption(MEMBER, LocalDate.parse("2022-07-01"), LocalDate.parse("2022-06-30"),
                        "Sức khỏe", null), OFFICE)
                .expectException(MemberRules.InvalidPeriod.class);
    }

    @Test
    void rejectsAnOverlappingExemption() {
        fixture.given(admitted(), new ExemptionGranted(MEMBER, LocalDate.parse("2022-07-01"),
                        LocalDate.parse("2022-12-31"), "Sức khỏe"))
                .when(new GrantExemption(MEMBER, LocalDate.parse("2022-12-01"), LocalDate.parse("2023-03-31"),
                        "Đi học", null), OFFICE)
                .expectException(MemberRules.ExemptionOverlaps.class);
    }

    @Test
    void rejectsAnExemptionBeforeAdmission() {
        fixture.given(admitted())
                .when(new GrantExemption(MEMBER, LocalDate.parse("2009-07-01"), LocalDate.parse("2010-12-31"),
                        "Sức khỏe", null), OFFICE)
                .expectException(MemberRules.ExemptionBeforeAdmission.class);
    }
}
