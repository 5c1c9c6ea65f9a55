/**
 * The roster as the command side needs it to check rules: units, members, memberships over time and exemptions,
 * kept in the {@code command_model} schema by a subscribing processor in the same transaction as the events.
 */
package vn.ledger.command.roster;
