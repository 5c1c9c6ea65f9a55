/**
 * The event log as both services see it: Axon's JDBC storage engine over the {@code event_store} schema, with its
 * snake_case names and JSON serializer settings. The command side appends through it and owns the schema (Flyway);
 * the query service only reads through it (its database role may not write the log).
 */
package vn.ledger.eventlog;
