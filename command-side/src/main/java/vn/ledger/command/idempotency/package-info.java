/**
 * {@code Idempotency-Key}: the same key with the same body answers the first response and writes nothing new; with
 * another body it is a 409. The first answer is stored in the transaction that wrote the command's events.
 */
package vn.ledger.command.idempotency;
