/**
 * The query side: streaming processors build read-model tables in the {@code read_model} schema from the event
 * log, and the REST query API answers from them. It never sends commands.
 */
package vn.ledger.query;
