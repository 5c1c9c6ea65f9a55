/**
 * The roster as it stands, for people and pages that manage it: the active units and the members with their current
 * unit, read from the current rows of {@code stats-v1}. A secretary sees only their units.
 */
package vn.ledger.query.roster;
