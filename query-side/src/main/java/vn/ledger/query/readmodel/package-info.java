/** The read-model schema (Flyway), the processors' token table, how the processors are tuned and measured. */
package vn.ledger.query.readmodel;
