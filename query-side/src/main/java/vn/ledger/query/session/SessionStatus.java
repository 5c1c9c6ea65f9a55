package vn.ledger.query.session;

/**
 * Where a session stands, as the list and the detail show it and as {@code ?status=} filters it. Cancellation and
 * the review are final; the other states follow each other as the record moves on.
 */
enum SessionStatus {
    /** Scheduled (and maybe rescheduled), not cancelled, and no attendance on record yet. */
    PLANNED,
    /** Attendance is on record (at least one {@code AttendanceRecorded}); the record is open, not yet submitted. */
    HELD,
    /** Cancelled while its record was open (the command side allows nothing after it); final. */
    CANCELLED,
    /** The record was submitted, the first time or again after it was returned, and awaits its review. */
    SUBMITTED,
    /** The committee returned the latest submission for correction; corrections and a new submission follow. */
    RETURNED,
    /** The committee acknowledged the latest submission; final. */
    ACKNOWLEDGED;

    /** Answers {@code null} when the text names no status. */
    static SessionStatus parseOrNull(String text) {
        for (SessionStatus status : values()) {
            if (status.name().equals(text)) {
                return status;
            }
        }
        return null;
    }
}
