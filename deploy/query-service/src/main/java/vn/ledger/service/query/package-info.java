/**
 * The query service's launcher: the query side, the event log's reader and the sign-in, against an external
 * PostgreSQL.
 */
package vn.ledger.service.query;
