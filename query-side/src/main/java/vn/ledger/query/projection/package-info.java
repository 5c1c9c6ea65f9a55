/**
 * Projections that can be rebuilt without a reader noticing: each keeps its tables in a schema per generation; a
 * rebuild replays the log into the next generation beside the active one, then switches readers and the live
 * processor to it in one transaction. Also their status, lag and progress, as an API, metrics and health.
 */
package vn.ledger.query.projection;
