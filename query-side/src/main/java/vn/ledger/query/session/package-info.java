/**
 * The session views: the list of sessions and each session as it stands, kept by the {@code sessions-v1}
 * projection in its active generation's tables (rebuilt blue/green, see {@code docs/views.md}), and each session's
 * history, read event by event from the event log with every correction shown beside what it corrects.
 */
package vn.ledger.query.session;
