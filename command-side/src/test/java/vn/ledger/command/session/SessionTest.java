package vn.ledger.command.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.ledger.command.api.CommandOutcome;
import vn.ledger.command.roster.PaperRoster;
import vn.ledger.command.rule.Rules;
import vn.ledger.command.session.SessionCommands.AudienceCorrection;
import vn.ledger.command.session.SessionCommands.CancelSession;
import vn.ledger.command.session.SessionCommands.CorrectRecord;
import vn.ledger.command.session.SessionCommands.CountGuests;
import vn.ledger.command.session.SessionCommands.LogPerformance;
import vn.ledger.command.session.SessionCommands.NoteDiscussion;
import vn.ledger.command.session.SessionCommands.RecordAttendance;
import vn.ledger.command.session.SessionCommands.RescheduleSession;
import vn.ledger.command.session.SessionCommands.ReviewRecord;
import vn.ledger.command.session.SessionCommands.ScheduleSession;
import vn.ledger.command.session.SessionCommands.SubmitRecord;
import vn.ledger.command.session.SessionRules.AttendanceMissing;
import vn.ledger.command.session.SessionRules.CorrectionEmpty;
import vn.ledger.command.session.SessionRules.MemberExempt;
import vn.ledger.command.session.SessionRules.MemberNotYetAdmitted;
import vn.ledger.command.session.SessionRules.MemberOutsideSessionUnits;
import vn.ledger.command.session.SessionRules.OnlineUrlRequired;
import vn.ledger.command.session.SessionRules.PerformanceAlreadyLogged;
import vn.ledger.command.session.SessionRules.PerformanceNotFound;
import vn.ledger.command.session.SessionRules.RecordAlreadyReviewed;
import vn.ledger.command.session.SessionRules.RecordAlreadySubmitted;
import vn.ledger.command.session.SessionRules.RecordNotSubmitted;
import vn.ledger.command.session.SessionRules.SessionAlreadyCancelled;
import vn.ledger.command.session.SessionRules.SessionIsCancelled;
import vn.ledger.command.session.SessionRules.UnitsRequired;
import vn.ledger.command.session.SessionRules.VenueRequired;
import vn.ledger.events.AttendanceCorrected;
import vn.ledger.events.AttendanceEntry;
import vn.ledger.events.AttendanceMode;
import vn.ledger.events.AttendanceRecorded;
import vn.ledger.events.AttendanceStatus;
import vn.ledger.events.DiscussionNoted;
import vn.ledger.events.GuestCategory;
import vn.ledger.events.GuestsCorrected;
import vn.ledger.events.GuestsCounted;
import vn.ledger.events.PerformanceCorrected;
import vn.ledger.events.PerformanceLogged;
import vn.ledger.events.RecordReviewed;
import vn.ledger.events.RecordSubmitted;
import vn.ledger.events.ReviewDecision;
import vn.ledger.events.SessionCancelled;
import vn.ledger.events.SessionFormat;
import vn.ledger.events.SessionRescheduled;
import vn.ledger.events.SessionScheduled;
import vn.ledger.events.UnitKind;

/** Given earlier facts, when a command arrives, then these facts follow, or this rule rejects it. */
class SessionTest {

    static final UUID SESSION = UUID.fromString("5e55a0b0-0000-4000-8000-000000000001");
    static final UUID CELL = UUID.fromString("0a170000-0000-4000-8000-000000000001");
    static final UUID OTHER_CELL = UUID.fromString("0a170000-0000-4000-8000-000000000002");
    static final UUID MERGED_CELL = UUID.fromString("0a170000-0000-4000-8000-000000000003");
    static final UUID MEMBER_A = UUID.fromString("3e3be000-0000-4000-8000-00000000000a");
    static final UUID MEMBER_B = UUID.fromString("3e3be000-0000-4000-8000-00000000000b");
    static final UUID EXEMPT_MEMBER = UUID.fromString("3e3be000-0000-4000-8000-00000000000e");
    static final UUID NEWCOMER = UUID.fromString("3e3be000-0000-4000-8000-00000000000f");
    static final UUID OTHER_CELLS_MEMBER = UUID.fromString("3e3be000-0000-4000-8000-0000000000c0");
    static final UUID PERFORMANCE = UUID.fromString("9e4f0000-0000-4000-8000-000000000007");
    static final Instant SEPT_15_2022 = Instant.parse("2022-09-15T01:00:00Z");
    static final String REASON = "Ghi nhầm khi nhập";

    static final Map<String, String> OFFICE = Map.of("userId", "van-phong", "role", "OFFICE");
    static final Map<String, String> SECRETARY = Map.of("userId", "bi-thu", "role", "SECRETARY",
            "scopeUnitIds", CELL.toString());
    static final Map<String, String> OTHER_SECRETARY = Map.of("userId", "bi-thu-khac", "role", "SECRETARY",
            "scopeUnitIds", OTHER_CELL.toString());
    static final Map<String, String> REVIEWER = Map.of("userId", "ban-thuong-vu", "role", "REVIEWER");

    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void setUp() {
        PaperRoster roster = new PaperRoster()
                .unit(CELL, "Chi bộ Trung tâm Văn hóa Nghệ thuật", UnitKind.CELL, null)
                .unit(OTHER_CELL, "Chi bộ Thư viện", UnitKind.CELL, null)
                .unit(MERGED_CELL, "Chi bộ Bảo tàng", UnitKind.CELL, null)
                .merged(MERGED_CELL, OTHER_CELL, LocalDate.parse("2022-01-01"))
                .member(MEMBER_A, CELL, LocalDate.parse("2010-05-19"))
                .member(MEMBER_B, CELL, LocalDate.parse("2015-02-03"))
                .member(EXEMPT_MEMBER, CELL, LocalDate.parse("2001-01-01"))
                .exempt(EXEMPT_MEMBER, LocalDate.parse("2022-07-01"), LocalDate.parse("2022-12-31"))
                .member(NEWCOMER, CELL, LocalDate.parse("2022-10-01"))
                .member(OTHER_CELLS_MEMBER, OTHER_CELL, LocalDate.parse("2012-01-01"));
        fixture = new AggregateTestFixture<>(Session.class);
        fixture.registerInjectableResource(roster);
    }

    static ScheduleSession schedule(List<UUID> units, Instant at, SessionFormat format, String venue, String url) {
        return new ScheduleSession(SESSION, units, false, "Học tập và làm theo tư tưởng Hồ Chí Minh", at, format,
                List.of("Kết luận số 01-KL/TW"), venue, url, "Báo cáo viên", "Người dẫn");
    }

    static SessionScheduled scheduled() {
        return new SessionScheduled(SESSION, List.of(CELL), "Học tập và làm theo tư tưởng Hồ Chí Minh", SEPT_15_2022,
                SessionFormat.IN_PERSON, List.of("Kết luận số 01-KL/TW"), "Hội trường", null, "Báo cáo viên",
                "Người dẫn");
    }

    static AttendanceEntry present(UUID member) {
        return new AttendanceEntry(member, AttendanceStatus.PRESENT, AttendanceMode.IN_PERSON, null);
    }

    static AttendanceRecorded attendanceOfA() {
        return new AttendanceRecorded(SESSION, List.of(present(MEMBER_A)));
    }

    static RecordAttendance record(AttendanceEntry... entries) {
        return new RecordAttendance(SESSION, List.of(entries), null, null, null);
    }

    static Map<GuestCategory, Integer> guests(int publicCount, int civilServants) {
        return Map.of(GuestCategory.PUBLIC, publicCount, GuestCategory.CIVIL_SERVANTS, civilServants,
                GuestCategory.CULTURE_OFFICIALS, 0, GuestCategory.CLUB_REPRESENTATIVES, 0, GuestCategory.OTHER, 0);
    }

    static PerformanceLogged logged(int audience) {
        return new PerformanceLogged(SESSION, PERFORMANCE, "Nghĩa gia đình, tình làng xóm", "cải lương", CELL,
                "Thành phố Bến Tre", LocalDate.parse("2022-08-20"), audience);
    }

    static LogPerformance showing(int audience) {
        return new LogPerformance(SESSION, PERFORMANCE, "Nghĩa gia đình, tình làng xóm", "cải lương", CELL,
                "Thành phố Bến Tre", LocalDate.parse("2022-08-20"), audience, null);
    }

    static RecordSubmitted submitted() {
        return new RecordSubmitted(SESSION, "Biên bản");
    }

    @Nested
    class Scheduling {

        @Test
        void schedulesASessionForItsUnits() {
            fixture.givenNoPriorActivity()
                    .when(schedule(List.of(CELL, OTHER_CELL), SEPT_15_2022, SessionFormat.HYBRID, "Hội trường",
                            "https://meet.example/x"), OFFICE)
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SessionScheduled(SESSION, List.of(CELL, OTHER_CELL),
                            "Học tập và làm theo tư tưởng Hồ Chí Minh", SEPT_15_2022, SessionFormat.HYBRID,
                            List.of("Kết luận số 01-KL/TW"), "Hội trường", "https://meet.example/x",
                            "Báo cáo viên", "Người dẫn"));
        }

        @Test
        void schedulesForTheWholeCommitteeWithEveryActiveUnit() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleSession(SESSION, List.of(), true, "Chuyên đề toàn Đảng bộ", SEPT_15_2022,
                            SessionFormat.ONLINE, List.of(), null, "https://meet.example/all", null, null), OFFICE)
                    .expectEvents(new SessionScheduled(SESSION, List.of(CELL, OTHER_CELL), "Chuyên đề toàn Đảng bộ",
                            SEPT_15_2022, SessionFormat.ONLINE, List.of(), null, "https://meet.example/all", null,
                            null));
        }

        @Test
        void rejectsASessionWithoutUnits() {
            fixture.givenNoPriorActivity()
                    .when(schedule(List.of(), SEPT_15_2022, SessionFormat.IN_PERSON, "Hội trường", null), OFFICE)
                    .expectException(UnitsRequired.class);
        }

        @Test
        void rejectsAUnitListedTwice() {
            fixture.givenNoPriorActivity()
                    .when(schedule(List.of(CELL, CELL), SEPT_15_2022, SessionFormat.IN_PERSON, "Hội trường", null),
                            OFFICE)
                    .expectException(Rules.DuplicateEntry.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAnUnknownUnit() {
            fixture.givenNoPriorActivity()
                    .when(schedule(List.of(UUID.randomUUID()), SEPT_15_2022, SessionFormat.IN_PERSON, "Hội trường",
                            null), OFFICE)
                    .expectException(Rules.UnitNotFound.class);
        }

        @Test
        void rejectsAUnitMergedAwayBeforeTheSessionDate() {
            fixture.givenNoPriorActivity()
                    .when(schedule(List.of(MERGED_CELL), SEPT_15_2022, SessionFormat.IN_PERSON, "Hội trường", null),
                            OFFICE)
                    .expectException(Rules.UnitMergedAway.class);
        }

        @Test
        void rejectsADateOutsideTheSaneRange() {
            fixture.givenNoPriorActivity()
                    .when(schedule(List.of(CELL), Instant.parse("1999-12-31T00:00:00Z"), SessionFormat.IN_PERSON,
                            "Hội trường", null), OFFICE)
                    .expectException(Rules.DateOutOfRange.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAnInPersonSessionWithoutVenue() {
            fixture.givenNoPriorActivity()
                    .when(schedule(List.of(CELL), SEPT_15_2022, SessionFormat.IN_PERSON, null, null), OFFICE)
                    .expectException(VenueRequired.class);
        }

        @Test
        void rejectsAnOnlineSessionWithoutLink() {
            fixture.givenNoPriorActivity()
                    .when(schedule(List.of(CELL), SEPT_15_2022, SessionFormat.ONLINE, null, " "), OFFICE)
                    .expectException(OnlineUrlRequired.class);
        }

        @Test
        void letsASecretaryScheduleForTheirOwnCell() {
            fixture.givenNoPriorActivity()
                    .when(schedule(List.of(CELL), SEPT_15_2022, SessionFormat.IN_PERSON, "Hội trường", null),
                            SECRETARY)
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void forbidsASecretaryToScheduleForAnotherCell() {
            fixture.givenNoPriorActivity()
                    .when(schedule(List.of(CELL, OTHER_CELL), SEPT_15_2022, SessionFormat.IN_PERSON, "Hội trường",
                            null), SECRETARY)
                    .expectException(Rules.ForbiddenForUnit.class);
        }
    }

    @Nested
    class Rescheduling {

        private final Instant later = Instant.parse("2022-09-20T01:00:00Z");

        @Test
        void movesTheSessionWithTheReason() {
            fixture.given(scheduled())
                    .when(new RescheduleSession(SESSION, later, "Trùng lịch", null), SECRETARY)
                    .expectEvents(new SessionRescheduled(SESSION, later, SEPT_15_2022, "Trùng lịch"))
                    .expectResultMessagePayload(new CommandOutcome(1, List.of("SessionRescheduled")));
        }

        @Test
        void rescheduleToTheSameTimeIsANoOp() {
            fixture.given(scheduled())
                    .when(new RescheduleSession(SESSION, SEPT_15_2022, "Trùng lịch", null), SECRETARY)
                    .expectNoEvents();
        }

        @Test
        void rejectsARescheduleWithoutReason() {
            fixture.given(scheduled())
                    .when(new RescheduleSession(SESSION, later, " ", null), SECRETARY)
                    .expectException(Rules.ReasonRequired.class);
        }

        @Test
        void rejectsARescheduleOfACancelledSession() {
            fixture.given(scheduled(), new SessionCancelled(SESSION, "Bão"))
                    .when(new RescheduleSession(SESSION, later, "Trùng lịch", null), SECRETARY)
                    .expectException(SessionIsCancelled.class);
        }

        @Test
        void rejectsARescheduleAfterSubmission() {
            fixture.given(scheduled(), attendanceOfA(), submitted())
                    .when(new RescheduleSession(SESSION, later, "Trùng lịch", null), SECRETARY)
                    .expectException(RecordAlreadySubmitted.class);
        }
    }

    @Nested
    class Cancelling {

        @Test
        void cancelsWithTheReason() {
            fixture.given(scheduled())
                    .when(new CancelSession(SESSION, "Bão số 4", null), SECRETARY)
                    .expectEvents(new SessionCancelled(SESSION, "Bão số 4"));
        }

        @Test
        void rejectsCancellingTwice() {
            fixture.given(scheduled(), new SessionCancelled(SESSION, "Bão"))
                    .when(new CancelSession(SESSION, "Bão", null), SECRETARY)
                    .expectException(SessionAlreadyCancelled.class);
        }

        @Test
        void rejectsCancellingASubmittedRecord() {
            fixture.given(scheduled(), attendanceOfA(), submitted())
                    .when(new CancelSession(SESSION, "Bão", null), SECRETARY)
                    .expectException(RecordAlreadySubmitted.class);
        }

        @Test
        void forbidsTheSecretaryOfAnotherCell() {
            fixture.given(scheduled())
                    .when(new CancelSession(SESSION, "Bão", null), OTHER_SECRETARY)
                    .expectException(Rules.ForbiddenForUnit.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Attendance {

        @Test
        void recordsAttendanceAndTakesPresentAsInPersonByDefault() {
            fixture.given(scheduled())
                    .when(record(new AttendanceEntry(MEMBER_A, AttendanceStatus.PRESENT, null, "  "),
                            new AttendanceEntry(MEMBER_B, AttendanceStatus.ABSENT_EXCUSED, AttendanceMode.ONLINE,
                                    "ốm")), SECRETARY)
                    .expectEvents(new AttendanceRecorded(SESSION, List.of(
                            present(MEMBER_A),
                            new AttendanceEntry(MEMBER_B, AttendanceStatus.ABSENT_EXCUSED, null, "ốm"))))
                    .expectResultMessagePayload(new CommandOutcome(1, List.of("AttendanceRecorded")));
        }

        @Test
        void aDefaultStatusCoversEveryExpectedMemberNotListedButNotTheExemptOrNewcomers() {
            fixture.given(scheduled())
                    .when(new RecordAttendance(SESSION, List.of(
                            new AttendanceEntry(MEMBER_B, AttendanceStatus.ABSENT_UNEXCUSED, null, null)),
                            AttendanceStatus.PRESENT, AttendanceMode.ONLINE, null), SECRETARY)
                    .expectEvents(new AttendanceRecorded(SESSION, List.of(
                            new AttendanceEntry(MEMBER_B, AttendanceStatus.ABSENT_UNEXCUSED, null, null),
                            new AttendanceEntry(MEMBER_A, AttendanceStatus.PRESENT, AttendanceMode.ONLINE, null))));
        }

        @Test
        void rejectsAMemberListedTwiceInOneCommand() {
            fixture.given(scheduled())
                    .when(record(present(MEMBER_A),
                            new AttendanceEntry(MEMBER_A, AttendanceStatus.ABSENT_UNEXCUSED, null, null)), SECRETARY)
                    .expectException(Rules.DuplicateEntry.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAnUnknownMember() {
            fixture.given(scheduled())
                    .when(record(present(UUID.randomUUID())), SECRETARY)
                    .expectException(Rules.MemberNotFound.class);
        }

        @Test
        void rejectsAMemberOutsideTheSessionsUnits() {
            fixture.given(scheduled())
                    .when(record(present(OTHER_CELLS_MEMBER)), SECRETARY)
                    .expectException(MemberOutsideSessionUnits.class);
        }

        @Test
        void rejectsAMemberNotYetAdmittedOnTheSessionDate() {
            fixture.given(scheduled())
                    .when(record(present(NEWCOMER)), SECRETARY)
                    .expectException(MemberNotYetAdmitted.class);
        }

        @Test
        void rejectsAMemberExemptOnTheSessionDate() {
            fixture.given(scheduled())
                    .when(record(present(EXEMPT_MEMBER)), SECRETARY)
                    .expectException(MemberExempt.class);
        }

        @Test
        void recordingTheSameAttendanceAgainIsANoOp() {
            fixture.given(scheduled(), attendanceOfA())
                    .when(record(new AttendanceEntry(MEMBER_A, AttendanceStatus.PRESENT, null, null)), SECRETARY)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandOutcome(1, List.of()));
        }

        @Test
        void recordsOnlyTheEntriesThatChanged() {
            fixture.given(scheduled(), attendanceOfA())
                    .when(record(present(MEMBER_A),
                            new AttendanceEntry(MEMBER_B, AttendanceStatus.ABSENT_UNEXCUSED, null, null)), SECRETARY)
                    .expectEvents(new AttendanceRecorded(SESSION, List.of(
                            new AttendanceEntry(MEMBER_B, AttendanceStatus.ABSENT_UNEXCUSED, null, null))));
        }

        @Test
        void rejectsAttendanceForACancelledSession() {
            fixture.given(scheduled(), new SessionCancelled(SESSION, "Bão"))
                    .when(record(present(MEMBER_A)), SECRETARY)
                    .expectException(SessionIsCancelled.class);
        }

        @Test
        void rejectsAttendanceAfterSubmission() {
            fixture.given(scheduled(), attendanceOfA(), submitted())
                    .when(record(present(MEMBER_B)), SECRETARY)
                    .expectException(RecordAlreadySubmitted.class);
        }

        @Test
        void forbidsTheSecretaryOfAnotherCellEvenWithTheSessionsId() {
            fixture.given(scheduled())
                    .when(record(present(MEMBER_A)), OTHER_SECRETARY)
                    .expectException(Rules.ForbiddenForUnit.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsACommandMadeForAnOlderVersion() {
            fixture.given(scheduled(), attendanceOfA())
                    .when(new RecordAttendance(SESSION, List.of(present(MEMBER_B)), null, null, 0L), SECRETARY)
                    .expectException(Rules.VersionMismatch.class);
        }

        @Test
        void acceptsACommandMadeForTheCurrentVersion() {
            fixture.given(scheduled(), attendanceOfA())
                    .when(new RecordAttendance(SESSION, List.of(present(MEMBER_B)), null, null, 1L), SECRETARY)
                    .expectResultMessagePayload(new CommandOutcome(2, List.of("AttendanceRecorded")));
        }
    }

    @Nested
    class GuestsAndDiscussion {

        @Test
        void countsGuestsWithZeroForTheCategoriesNotGiven() {
            fixture.given(scheduled())
                    .when(new CountGuests(SESSION, Map.of(GuestCategory.PUBLIC, 120, GuestCategory.CIVIL_SERVANTS, 45),
                            null), SECRETARY)
                    .expectEvents(new GuestsCounted(SESSION, guests(120, 45)));
        }

        @Test
        void countingTheSameGuestsAgainIsANoOp() {
            fixture.given(scheduled(), new GuestsCounted(SESSION, guests(120, 45)))
                    .when(new CountGuests(SESSION, guests(120, 45), null), SECRETARY)
                    .expectNoEvents();
        }

        @Test
        void rejectsANegativeGuestCount() {
            fixture.given(scheduled())
                    .when(new CountGuests(SESSION, Map.of(GuestCategory.OTHER, -1), null), SECRETARY)
                    .expectException(Rules.NegativeCount.class);
        }

        @Test
        void notesTheDiscussion() {
            fixture.given(scheduled())
                    .when(new NoteDiscussion(SESSION, 7, "Thống nhất", null), SECRETARY)
                    .expectEvents(new DiscussionNoted(SESSION, 7, "Thống nhất"));
        }

        @Test
        void rejectsANegativeNumberOfContributions() {
            fixture.given(scheduled())
                    .when(new NoteDiscussion(SESSION, -2, null, null), SECRETARY)
                    .expectException(Rules.NegativeCount.class);
        }
    }

    @Nested
    class Performances {

        @Test
        void logsAShowingWithItsAudience() {
            fixture.given(scheduled())
                    .when(showing(1200), SECRETARY)
                    .expectEvents(logged(1200))
                    .expectResultMessagePayload(new CommandOutcome(1, List.of("PerformanceLogged")));
        }

        @Test
        void rejectsANegativeAudience() {
            fixture.given(scheduled())
                    .when(showing(-1), SECRETARY)
                    .expectException(Rules.NegativeCount.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAShowingDateOutsideTheSaneRange() {
            fixture.given(scheduled())
                    .when(new LogPerformance(SESSION, PERFORMANCE, "Nghĩa gia đình, tình làng xóm", "cải lương", CELL,
                            "Thành phố Bến Tre", LocalDate.parse("2202-08-20"), 10, null), SECRETARY)
                    .expectException(Rules.DateOutOfRange.class);
        }

        @Test
        void rejectsAnUnknownPerformingUnit() {
            fixture.given(scheduled())
                    .when(new LogPerformance(SESSION, PERFORMANCE, "Nghĩa gia đình, tình làng xóm", "cải lương",
                            UUID.randomUUID(), "Thành phố Bến Tre", LocalDate.parse("2022-08-20"), 10, null),
                            SECRETARY)
                    .expectException(Rules.UnitNotFound.class);
        }

        @Test
        void loggingTheSameShowingAgainIsANoOp() {
            fixture.given(scheduled(), logged(1200))
                    .when(showing(1200), SECRETARY)
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandOutcome(1, List.of()));
        }

        @Test
        void rejectsTheSamePerformanceIdWithOtherDetails() {
            fixture.given(scheduled(), logged(1200))
                    .when(showing(1300), SECRETARY)
                    .expectException(PerformanceAlreadyLogged.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Submission {

        @Test
        void submitsARecordWithAttendance() {
            fixture.given(scheduled(), attendanceOfA())
                    .when(new SubmitRecord(SESSION, "Biên bản", null), SECRETARY)
                    .expectEvents(submitted());
        }

        @Test
        void rejectsARecordWithoutAttendance() {
            fixture.given(scheduled())
                    .when(new SubmitRecord(SESSION, "Biên bản", null), SECRETARY)
                    .expectException(AttendanceMissing.class);
        }

        @Test
        void rejectsSubmittingTwice() {
            fixture.given(scheduled(), attendanceOfA(), submitted())
                    .when(new SubmitRecord(SESSION, "Biên bản", null), SECRETARY)
                    .expectException(RecordAlreadySubmitted.class);
        }

        @Test
        void rejectsSubmittingACancelledSession() {
            fixture.given(scheduled(), attendanceOfA(), new SessionCancelled(SESSION, "Bão"))
                    .when(new SubmitRecord(SESSION, "Biên bản", null), SECRETARY)
                    .expectException(SessionIsCancelled.class);
        }
    }

    @Nested
    class Corrections {

        private CorrectRecord correction(List<AttendanceEntry> attendance, Map<GuestCategory, Integer> guests,
                                         List<AudienceCorrection> performances) {
            return new CorrectRecord(SESSION, REASON, attendance, guests, performances, null);
        }

        @Test
        void correctsAttendanceAndKeepsWhatItReplaces() {
            AttendanceEntry excused = new AttendanceEntry(MEMBER_A, AttendanceStatus.ABSENT_EXCUSED, null, "công tác");
            fixture.given(scheduled(), attendanceOfA(), submitted())
                    .when(correction(List.of(excused, present(MEMBER_B)), null, null), SECRETARY)
                    .expectEvents(new AttendanceCorrected(SESSION, List.of(excused, present(MEMBER_B)),
                            java.util.Arrays.asList(present(MEMBER_A), null), REASON));
        }

        @Test
        void correctsGuestsAndAudiencesInOneCorrection() {
            fixture.given(scheduled(), attendanceOfA(), new GuestsCounted(SESSION, guests(120, 45)), logged(1200),
                            submitted())
                    .when(correction(null, guests(130, 45), List.of(new AudienceCorrection(PERFORMANCE, 1250))),
                            SECRETARY)
                    .expectEvents(new GuestsCorrected(SESSION, guests(130, 45), guests(120, 45), REASON),
                            new PerformanceCorrected(SESSION, PERFORMANCE, 1250, 1200, REASON));
        }

        @Test
        void aCorrectionThatChangesNothingWritesNothing() {
            fixture.given(scheduled(), attendanceOfA(), submitted())
                    .when(correction(List.of(present(MEMBER_A)), null, null), SECRETARY)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void rejectsACorrectionBeforeSubmission() {
            fixture.given(scheduled(), attendanceOfA())
                    .when(correction(List.of(present(MEMBER_B)), null, null), SECRETARY)
                    .expectException(RecordNotSubmitted.class);
        }

        @Test
        void rejectsACorrectionWithoutReason() {
            fixture.given(scheduled(), attendanceOfA(), submitted())
                    .when(new CorrectRecord(SESSION, "", List.of(present(MEMBER_B)), null, null, null), SECRETARY)
                    .expectException(Rules.ReasonRequired.class);
        }

        @Test
        void rejectsACorrectionThatSaysNothing() {
            fixture.given(scheduled(), attendanceOfA(), submitted())
                    .when(correction(List.of(), null, List.of()), SECRETARY)
                    .expectException(CorrectionEmpty.class);
        }

        @Test
        void rejectsACorrectionOfAnUnknownPerformance() {
            fixture.given(scheduled(), attendanceOfA(), submitted())
                    .when(correction(null, null, List.of(new AudienceCorrection(UUID.randomUUID(), 10))), SECRETARY)
                    .expectException(PerformanceNotFound.class);
        }

        @Test
        void rejectsACorrectedAttendanceOfAMemberOutsideTheUnits() {
            fixture.given(scheduled(), attendanceOfA(), submitted())
                    .when(correction(List.of(present(OTHER_CELLS_MEMBER)), null, null), SECRETARY)
                    .expectException(MemberOutsideSessionUnits.class);
        }
    }

    @Nested
    class Review {

        @Test
        void aReviewerAcknowledgesASubmittedRecord() {
            fixture.given(scheduled(), attendanceOfA(), submitted())
                    .when(new ReviewRecord(SESSION, ReviewDecision.ACKNOWLEDGED, "Đạt", null), REVIEWER)
                    .expectEvents(new RecordReviewed(SESSION, ReviewDecision.ACKNOWLEDGED, "Đạt"));
        }

        @Test
        void aReturnedRecordIsCorrectedAndSubmittedAgain() {
            fixture.given(scheduled(), attendanceOfA(), submitted(),
                            new RecordReviewed(SESSION, ReviewDecision.RETURNED, "Bổ sung"),
                            new AttendanceCorrected(SESSION, List.of(present(MEMBER_B)),
                                    java.util.Arrays.asList((AttendanceEntry) null), REASON))
                    .when(new SubmitRecord(SESSION, "Biên bản đã bổ sung", null), SECRETARY)
                    .expectEvents(new RecordSubmitted(SESSION, "Biên bản đã bổ sung"));
        }

        @Test
        void rejectsAReviewOfARecordNotSubmitted() {
            fixture.given(scheduled(), attendanceOfA())
                    .when(new ReviewRecord(SESSION, ReviewDecision.ACKNOWLEDGED, null, null), REVIEWER)
                    .expectException(RecordNotSubmitted.class);
        }

        @Test
        void rejectsASecondReviewOfAnAcknowledgedRecord() {
            fixture.given(scheduled(), attendanceOfA(), submitted(),
                            new RecordReviewed(SESSION, ReviewDecision.ACKNOWLEDGED, null))
                    .when(new ReviewRecord(SESSION, ReviewDecision.RETURNED, null, null), REVIEWER)
                    .expectException(RecordAlreadyReviewed.class);
        }

        @Test
        void forbidsASecretaryToReview() {
            fixture.given(scheduled(), attendanceOfA(), submitted())
                    .when(new ReviewRecord(SESSION, ReviewDecision.ACKNOWLEDGED, null, null), SECRETARY)
                    .expectException(Rules.ForbiddenRole.class);
        }
    }
}
