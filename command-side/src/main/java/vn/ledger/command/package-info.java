/**
 * The command side: HTTP commands are validated by aggregates and stored as events in PostgreSQL. It never reads
 * read-model tables.
 */
package vn.ledger.command;
