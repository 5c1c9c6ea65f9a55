/**
 * The event log on PostgreSQL as the command side owns it: its Flyway schema, and the metadata every event carries.
 * Axon's storage engine and table names are shared with the query service ({@code vn.ledger.eventlog}).
 */
package vn.ledger.command.eventstore;
