package vn.ledger.query;

import java.util.UUID;
import vn.ledger.events.AttendanceCorrected;
import vn.ledger.events.AttendanceRecorded;
import vn.ledger.events.DiscussionNoted;
import vn.ledger.events.ExemptionGranted;
import vn.ledger.events.GuestsCorrected;
import vn.ledger.events.GuestsCounted;
import vn.ledger.events.MemberAdmitted;
import vn.ledger.events.MemberTransferred;
import vn.ledger.events.PerformanceCorrected;
import vn.ledger.events.PerformanceLogged;
import vn.ledger.events.RecordReviewed;
import vn.ledger.events.RecordSubmitted;
import vn.ledger.events.SessionCancelled;
import vn.ledger.events.SessionRescheduled;
import vn.ledger.events.SessionScheduled;
import vn.ledger.events.UnitCommended;
import vn.ledger.events.UnitMerged;
import vn.ledger.events.UnitRegistered;
import vn.ledger.events.UnitRenamed;

/** For tests that publish events as the command side stores them: the aggregate stream each event belongs to. */
public final class EventStreams {

    /** An aggregate's stream: its type, as the command side names it, and its identifier. */
    public record Stream(String type, UUID id) {}

    private EventStreams() {}

    public static Stream of(Object event) {
        if (event instanceof UnitRegistered e) {
            return new Stream("Unit", e.unitId());
        } else if (event instanceof UnitRenamed e) {
            return new Stream("Unit", e.unitId());
        } else if (event instanceof UnitMerged e) {
            return new Stream("Unit", e.unitId());
        } else if (event instanceof UnitCommended e) {
            return new Stream("Unit", e.unitId());
        } else if (event instanceof MemberAdmitted e) {
            return new Stream("Member", e.memberId());
        } else if (event instanceof MemberTransferred e) {
            return new Stream("Member", e.memberId());
        } else if (event instanceof ExemptionGranted e) {
            return new Stream("Member", e.memberId());
        }
        return new Stream("Session", sessionOf(event));
    }

    public static UUID sessionOf(Object event) {
        if (event instanceof SessionScheduled e) {
            return e.sessionId();
        } else if (event instanceof SessionRescheduled e) {
            return e.sessionId();
        } else if (event instanceof SessionCancelled e) {
            return e.sessionId();
        } else if (event instanceof AttendanceRecorded e) {
            return e.sessionId();
        } else if (event instanceof AttendanceCorrected e) {
            return e.sessionId();
        } else if (event instanceof GuestsCounted e) {
            return e.sessionId();
        } else if (event instanceof GuestsCorrected e) {
            return e.sessionId();
        } else if (event instanceof PerformanceLogged e) {
            return e.sessionId();
        } else if (event instanceof PerformanceCorrected e) {
            return e.sessionId();
        } else if (event instanceof DiscussionNoted e) {
            return e.sessionId();
        } else if (event instanceof RecordSubmitted e) {
            return e.sessionId();
        } else if (event instanceof RecordReviewed e) {
            return e.sessionId();
        }
        throw new IllegalArgumentException("not an event of a unit, member or session: " + event);
    }
}
