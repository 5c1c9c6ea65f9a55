/**
 * The statistics views: per unit and quarter, and per quarter for the whole committee, computed from the facts the
 * {@code stats-v1} projection keeps, one row per natural key.
 */
package vn.ledger.query.stats;
