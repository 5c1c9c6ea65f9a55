package vn.ledger.events;

/** A member's standing: official (chính thức) or probationary (dự bị). */
public enum MemberStatus {
    OFFICIAL,
    PROBATIONARY
}
