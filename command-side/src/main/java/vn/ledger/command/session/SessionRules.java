package vn.ledger.command.session;

import java.util.UUID;
import vn.ledger.command.rule.RuleViolation;

/** The rules a session record obeys, each a rejection with its own problem code. */
final class SessionRules {

    private SessionRules() {}

    static final class SessionNotFound extends RuleViolation {
        SessionNotFound(UUID sessionId) {
            super("session-not-found", Kind.NOT_FOUND, "No session has the id " + sessionId + ".");
        }
    }

    static final class SessionAlreadyExists extends RuleViolation {
        SessionAlreadyExists(UUID sessionId) {
            super("session-already-exists", Kind.CONFLICT, "sessionId",
                    "A session with the id " + sessionId + " already exists.");
        }
    }

    static final class UnitsRequired extends RuleViolation {
        UnitsRequired() {
            super("units-required", Kind.INVALID, "unitIds",
                    "Name the units of the session, or schedule it for the whole committee.");
        }
    }

    static final class VenueRequired extends RuleViolation {
        VenueRequired() {
            super("venue-required", Kind.INVALID, "venue", "A session held in person needs a venue.");
        }
    }

    static final class OnlineUrlRequired extends RuleViolation {
        OnlineUrlRequired() {
            super("online-url-required", Kind.INVALID, "onlineUrl", "A session held online needs a link.");
        }
    }

    static final class SessionIsCancelled extends RuleViolation {
        SessionIsCancelled(UUID sessionId) {
            super("session-cancelled", Kind.CONFLICT, "The session " + sessionId + " is cancelled; nothing more is"
                    + " recorded for it.");
        }
    }

    static final class SessionAlreadyCancelled extends RuleViolation {
        SessionAlreadyCancelled(UUID sessionId) {
            super("session-already-cancelled", Kind.CONFLICT, "The session " + sessionId + " is already cancelled.");
        }
    }

    static final class RecordAlreadySubmitted extends RuleViolation {
        RecordAlreadySubmitted(UUID sessionId) {
            super("record-submitted", Kind.CONFLICT, "The record of " + sessionId + " is submitted; change it with"
                    + " a correction (POST /api/v1/sessions/{id}/corrections) and a reason.");
        }
    }

    static final class RecordNotSubmitted extends RuleViolation {
        RecordNotSubmitted(UUID sessionId) {
            super("record-not-submitted", Kind.CONFLICT, "The record of " + sessionId + " is not submitted (or was"
                    + " returned and not yet resubmitted).");
        }
    }

    static final class RecordAlreadyReviewed extends RuleViolation {
        RecordAlreadyReviewed(UUID sessionId) {
            super("record-already-reviewed", Kind.CONFLICT, "The record of " + sessionId + " is already"
                    + " acknowledged.");
        }
    }

    static final class AttendanceMissing extends RuleViolation {
        AttendanceMissing() {
            super("attendance-missing", Kind.CONFLICT, "Record the attendance before submitting the record.");
        }
    }

    static final class MemberNotYetAdmitted extends RuleViolation {
        MemberNotYetAdmitted(UUID memberId) {
            super("member-not-yet-admitted", Kind.CONFLICT, "entries",
                    "The member " + memberId + " was not yet admitted on the session's date.");
        }
    }

    static final class MemberOutsideSessionUnits extends RuleViolation {
        MemberOutsideSessionUnits(UUID memberId) {
            super("member-not-in-session-units", Kind.CONFLICT, "entries",
                    "The member " + memberId + " did not belong to the session's units on its date.");
        }
    }

    static final class MemberExempt extends RuleViolation {
        MemberExempt(UUID memberId) {
            super("member-exempt", Kind.CONFLICT, "entries",
                    "The member " + memberId + " was exempt from activities on the session's date.");
        }
    }

    static final class PerformanceAlreadyLogged extends RuleViolation {
        PerformanceAlreadyLogged(UUID performanceId) {
            super("performance-already-logged", Kind.CONFLICT, "performanceId",
                    "The performance " + performanceId + " is already logged with other details;"
                            + " a change to it is a correction.");
        }
    }

    static final class PerformanceNotFound extends RuleViolation {
        PerformanceNotFound(UUID performanceId) {
            super("performance-not-found", Kind.NOT_FOUND, "performances",
                    "The session has no performance " + performanceId + ".");
        }
    }

    static final class CorrectionEmpty extends RuleViolation {
        CorrectionEmpty() {
            super("correction-empty", Kind.INVALID, "Say what the correction changes: attendance, guests or"
                    + " performances.");
        }
    }
}
