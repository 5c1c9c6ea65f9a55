/** What every command endpoint shares: sending with audit metadata, the outcome, the answer and its ETag. */
package vn.ledger.command.api;
