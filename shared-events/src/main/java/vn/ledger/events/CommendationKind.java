package vn.ledger.events;

/** Praise (biểu dương) or reward (khen thưởng). */
public enum CommendationKind {
    PRAISE,
    REWARD
}
