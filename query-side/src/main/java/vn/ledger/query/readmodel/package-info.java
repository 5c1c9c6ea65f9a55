/** The read-model schema (Flyway), the processors' token table, and how the processors are tuned. */
package vn.ledger.query.readmodel;
