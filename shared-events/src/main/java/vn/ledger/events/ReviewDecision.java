package vn.ledger.events;

/** The committee's answer to a submitted record: acknowledged, or returned for correction. */
public enum ReviewDecision {
    ACKNOWLEDGED,
    RETURNED
}
