package vn.ledger.query.sheet;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A session as it stands and the members of its units on its date: the expected ones and, apart, the exempt ones.
 * Names are NFC and both lists are in Vietnamese order (see {@link VietnameseNames}).
 */
record SessionRoster(Session session, List<Member> expected, List<ExemptMember> exempt) {

    SessionRoster {
        expected = List.copyOf(expected);
        exempt = List.copyOf(exempt);
    }

    /** Whether the members belong to more than one unit, so that each row has to say which. */
    boolean severalUnits() {
        return session.units().size() > 1;
    }

    /** @param name {@code null} when the roster has no name for it */
    record Unit(UUID unitId, String name) {}

    /**
     * The session's facts the sheet prints.
     *
     * @param scheduledAt in Asia/Ho_Chi_Minh
     * @param status one of the session statuses of the session views (PLANNED, HELD, CANCELLED, ...)
     * @param format IN_PERSON, ONLINE or HYBRID; {@code null} if unknown
     */
    record Session(
            UUID sessionId,
            String topic,
            OffsetDateTime scheduledAt,
            LocalDate scheduledOn,
            String status,
            String format,
            String venue,
            String onlineUrl,
            String presenter,
            String host,
            String cancelReason,
            List<Unit> units) {

        Session {
            units = List.copyOf(units);
        }

        boolean cancelled() {
            return "CANCELLED".equals(status);
        }
    }

    /**
     * A member expected at the session, with what has been recorded for them so far.
     *
     * @param status PRESENT, ABSENT_EXCUSED or ABSENT_UNEXCUSED; {@code null} until recorded
     * @param mode IN_PERSON or ONLINE for a present member; else {@code null}
     */
    record Member(UUID memberId, String fullName, UUID unitId, String unitName, String status, String mode,
                  String note) {}

    /** A member of the session's units who is exempt on its date, from {@code from} to {@code to} inclusive. */
    record ExemptMember(UUID memberId, String fullName, UUID unitId, String unitName, LocalDate from,
                        LocalDate to) {}
}
