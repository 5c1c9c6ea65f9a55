/**
 * Calendar feeds: the sessions as iCalendar (RFC 5545) feeds that phone calendars subscribe to, the committee's and
 * each unit's, read from the {@code sessions-v1} view as it stands, and the per-user feed tokens that open them
 * (kept as SHA-256 hashes in {@code read_model.calendar_token}, revocable). See {@code docs/calendar.md}.
 */
package vn.ledger.query.calendar;
