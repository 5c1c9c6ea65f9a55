package vn.ledger.events;

/** A unit directly under the committee or under a sub-committee: a cell (chi bộ) or a sub-committee (đảng bộ bộ phận). */
public enum UnitKind {
    CELL,
    SUB_COMMITTEE
}
