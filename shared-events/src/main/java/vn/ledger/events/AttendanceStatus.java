package vn.ledger.events;

/** A member's attendance at one session: present, absent with excuse, absent without excuse. */
public enum AttendanceStatus {
    PRESENT,
    ABSENT_EXCUSED,
    ABSENT_UNEXCUSED
}
