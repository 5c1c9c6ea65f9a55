package vn.ledger.command.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.ledger.command.session.SessionRules.DateOutOfRange;
import vn.ledger.command.session.SessionRules.DuplicateMember;
import vn.ledger.command.session.SessionRules.DuplicateUnit;
import vn.ledger.command.session.SessionRules.NegativeCount;
import vn.ledger.command.session.SessionRules.OnlineUrlRequired;
import vn.ledger.command.session.SessionRules.PerformanceAlreadyLogged;
import vn.ledger.command.session.SessionRules.VenueRequired;
import vn.ledger.events.AttendanceEntry;
import vn.ledger.events.AttendanceMode;
import vn.ledger.events.AttendanceRecorded;
import vn.ledger.events.AttendanceStatus;
import vn.ledger.events.PerformanceLogged;
import vn.ledger.events.SessionFormat;
import vn.ledger.events.SessionScheduled;

/** Given earlier facts, when a command arrives, then these facts follow, or this rule rejects it. */
class SessionTest {

    private static final UUID SESSION = UUID.fromString("5e55a0b0-0000-4000-8000-000000000001");
    private static final UUID CELL = UUID.fromString("0a170000-0000-4000-8000-000000000001");
    private static final UUID OTHER_CELL = UUID.fromString("0a170000-0000-4000-8000-000000000002");
    private static final UUID MEMBER_A = UUID.fromString("3e3be000-0000-4000-8000-00000000000a");
    private static final UUID MEMBER_B = UUID.fromString("3e3be000-0000-4000-8000-00000000000b");
    private static final UUID PERFORMANCE = UUID.fromString("9e4f0000-0000-4000-8000-000000000007");
    private static final Instant SEPT_15_2022 = Instant.parse("2022-09-15T01:00:00Z");

    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Session.class);
    }

    private static ScheduleSession schedule(List<UUID> units, Instant at, SessionFormat format, String venue,
                                            String onlineUrl) {
        return new ScheduleSession(SESSION, units, "Học tập và làm theo tư tưởng Hồ Chí Minh", at, format,
                List.of("Kết luận số 01-KL/TW"), venue, onlineUrl, "Báo cáo viên", "Người dẫn");
    }

    private static SessionScheduled scheduled() {
        return new SessionScheduled(SESSION, List.of(CELL), "Học tập và làm theo tư tưởng Hồ Chí Minh", SEPT_15_2022,
                SessionFormat.IN_PERSON, List.of("Kết luận số 01-KL/TW"), "Hội trường", null, "Báo cáo viên",
                "Người dẫn");
    }

    @Nested
    class Scheduling {

        @Test
        void schedulesASessionForItsUnits() {
            fixture.givenNoPriorActivity()
                    .when(schedule(List.of(CELL, OTHER_CELL), SEPT_15_2022, SessionFormat.HYBRID, "Hội trường",
                            "https://meet.example/x"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SessionScheduled(SESSION, List.of(CELL, OTHER_CELL),
                            "Học tập và làm theo tư tưởng Hồ Chí Minh", SEPT_15_2022, SessionFormat.HYBRID,
                            List.of("Kết luận số 01-KL/TW"), "Hội trường", "https://meet.example/x",
                            "Báo cáo viên", "Người dẫn"));
        }

        @Test
        void rejectsAUnitListedTwice() {
            fixture.givenNoPriorActivity()
                    .when(schedule(List.of(CELL, CELL), SEPT_15_2022, SessionFormat.IN_PERSON, "Hội trường", null))
                    .expectException(DuplicateUnit.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsADateOutsideTheSaneRange() {
            fixture.givenNoPriorActivity()
                    .when(schedule(List.of(CELL), Instant.parse("1999-12-31T00:00:00Z"), SessionFormat.IN_PERSON,
                            "Hội trường", null))
                    .expectException(DateOutOfRange.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAnInPersonSessionWithoutVenue() {
            fixture.givenNoPriorActivity()
                    .when(schedule(List.of(CELL), SEPT_15_2022, SessionFormat.IN_PERSON, null, null))
                    .expectException(VenueRequired.class);
        }

        @Test
        void rejectsAnOnlineSessionWithoutLink() {
            fixture.givenNoPriorActivity()
                    .when(schedule(List.of(CELL), SEPT_15_2022, SessionFormat.ONLINE, null, " "))
                    .expectException(OnlineUrlRequired.class);
        }
    }

    @Nested
    class Attendance {

        @Test
        void recordsAttendanceAndTakesPresentAsInPersonByDefault() {
            fixture.given(scheduled())
                    .when(new RecordAttendance(SESSION, List.of(
                            new AttendanceEntry(MEMBER_A, AttendanceStatus.PRESENT, null, "  "),
                            new AttendanceEntry(MEMBER_B, AttendanceStatus.ABSENT_EXCUSED, AttendanceMode.ONLINE,
                                    "ốm"))))
                    .expectEvents(new AttendanceRecorded(SESSION, List.of(
                            new AttendanceEntry(MEMBER_A, AttendanceStatus.PRESENT, AttendanceMode.IN_PERSON, null),
                            new AttendanceEntry(MEMBER_B, AttendanceStatus.ABSENT_EXCUSED, null, "ốm"))))
                    .expectResultMessagePayload(new CommandOutcome(1, List.of("AttendanceRecorded")));
        }

        @Test
        void rejectsAMemberListedTwiceInOneCommand() {
            fixture.given(scheduled())
                    .when(new RecordAttendance(SESSION, List.of(
                            new AttendanceEntry(MEMBER_A, AttendanceStatus.PRESENT, null, null),
                            new AttendanceEntry(MEMBER_A, AttendanceStatus.ABSENT_UNEXCUSED, null, null))))
                    .expectException(DuplicateMember.class)
                    .expectNoEvents();
        }

        @Test
        void recordingTheSameAttendanceAgainIsANoOp() {
            fixture.given(scheduled(), new AttendanceRecorded(SESSION, List.of(
                            new AttendanceEntry(MEMBER_A, AttendanceStatus.PRESENT, AttendanceMode.IN_PERSON, null))))
                    .when(new RecordAttendance(SESSION, List.of(
                            new AttendanceEntry(MEMBER_A, AttendanceStatus.PRESENT, null, null))))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandOutcome(1, List.of()));
        }

        @Test
        void recordsOnlyTheEntriesThatChanged() {
            fixture.given(scheduled(), new AttendanceRecorded(SESSION, List.of(
                            new AttendanceEntry(MEMBER_A, AttendanceStatus.PRESENT, AttendanceMode.IN_PERSON, null))))
                    .when(new RecordAttendance(SESSION, List.of(
                            new AttendanceEntry(MEMBER_A, AttendanceStatus.PRESENT, AttendanceMode.IN_PERSON, null),
                            new AttendanceEntry(MEMBER_B, AttendanceStatus.ABSENT_UNEXCUSED, null, null))))
                    .expectEvents(new AttendanceRecorded(SESSION, List.of(
                            new AttendanceEntry(MEMBER_B, AttendanceStatus.ABSENT_UNEXCUSED, null, null))));
        }
    }

    @Nested
    class Performances {

        private LogPerformance showing(int audience, String venue) {
            return new LogPerformance(SESSION, PERFORMANCE, "Nghĩa gia đình, tình làng xóm", "cải lương", CELL, venue,
                    LocalDate.parse("2022-08-20"), audience);
        }

        private PerformanceLogged logged(int audience, String venue) {
            return new PerformanceLogged(SESSION, PERFORMANCE, "Nghĩa gia đình, tình làng xóm", "cải lương", CELL,
                    venue, LocalDate.parse("2022-08-20"), audience);
        }

        @Test
        void logsAShowingWithItsAudience() {
            fixture.given(scheduled())
                    .when(showing(1200, "Thành phố Bến Tre"))
                    .expectEvents(logged(1200, "Thành phố Bến Tre"))
                    .expectResultMessagePayload(new CommandOutcome(1, List.of("PerformanceLogged")));
        }

        @Test
        void rejectsANegativeAudience() {
            fixture.given(scheduled())
                    .when(showing(-1, "Thành phố Bến Tre"))
                    .expectException(NegativeCount.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAShowingDateOutsideTheSaneRange() {
            fixture.given(scheduled())
                    .when(new LogPerformance(SESSION, PERFORMANCE, "Nghĩa gia đình, tình làng xóm", "cải lương", CELL,
                            "Thành phố Bến Tre", LocalDate.parse("2202-08-20"), 10))
                    .expectException(DateOutOfRange.class);
        }

        @Test
        void loggingTheSameShowingAgainIsANoOp() {
            fixture.given(scheduled(), logged(1200, "Thành phố Bến Tre"))
                    .when(showing(1200, "Thành phố Bến Tre"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandOutcome(1, List.of()));
        }

        @Test
        void rejectsTheSamePerformanceIdWithOtherDetails() {
            fixture.given(scheduled(), logged(1200, "Thành phố Bến Tre"))
                    .when(showing(1300, "Thành phố Bến Tre"))
                    .expectException(PerformanceAlreadyLogged.class)
                    .expectNoEvents();
        }
    }
}
