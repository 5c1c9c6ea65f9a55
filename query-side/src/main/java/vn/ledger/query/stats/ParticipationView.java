package vn.ledger.query.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A member's participation in a year, for the yearly assessment: the held sessions they were expected at (in one
 * of the session's units that day, admitted, not exempt) and what was recorded for each.
 *
 * @param unrecorded expected sessions whose record has no entry for the member
 */
record ParticipationView(UUID memberId, int year, long expected, long attended, long excused, long unexcused,
                         long unrecorded, List<Session> sessions) {

    /** One expected session and the member's attendance there ({@code NOT_RECORDED} when there is none). */
    record Session(UUID sessionId, LocalDate scheduledOn, UUID unitId, String status, String mode) {}

    static ParticipationView of(UUID memberId, int year, List<Session> sessions) {
        long attended = count(sessions, "PRESENT");
        long excused = count(sessions, "ABSENT_EXCUSED");
        long unexcused = count(sessions, "ABSENT_UNEXCUSED");
        return new ParticipationView(memberId, year, sessions.size(), attended, excused, unexcused,
                sessions.size() - attended - excused - unexcused, sessions);
    }

    private static long count(List<Session> sessions, String status) {
        return sessions.stream().filter(session -> session.status().equals(status)).count();
    }
}
