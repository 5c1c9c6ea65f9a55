/**
 * The statistics views: per unit and quarter, and per quarter for the whole committee, computed from the facts the
 * {@code stats-v1} projection keeps, one row per natural key. {@link vn.ledger.query.stats.QuarterlyStatistics} is the
 * entry point for other features (the quarterly report): a quarter's three views at one position, read with the
 * endpoints' parameters, problems and scope.
 */
package vn.ledger.query.stats;
