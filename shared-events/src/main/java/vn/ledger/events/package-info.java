/**
 * The facts of the ledger: one record per event, past-tense names, JDK value types only, each with a
 * {@code @Revision}. Both sides depend on this package; nothing else is shared between them. Evolve an event by
 * adding nullable fields; anything structural gets an upcaster and a fixture test.
 */
package vn.ledger.events;
