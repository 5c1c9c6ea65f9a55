/**
 * Starts and stops the embedded PostgreSQL: a durable server over a persistent data directory for the standalone
 * service, and one throw-away server per test JVM that hands each test context a fresh database.
 */
package vn.ledger.embedded;
