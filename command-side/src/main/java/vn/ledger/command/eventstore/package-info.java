/** The event log on PostgreSQL: its Flyway schema, Axon's table names, and the metadata every event carries. */
package vn.ledger.command.eventstore;
