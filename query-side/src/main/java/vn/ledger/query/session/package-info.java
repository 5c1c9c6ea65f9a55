/**
 * The session views: the list of sessions and each session as it stands, kept by the {@code sessions-v1}
 * projection in the read model, and each session's history, read event by event from the event log with every
 * correction shown beside what it corrects.
 */
package vn.ledger.query.session;
