package vn.ledger.query.session;

import java.util.List;

/**
 * A page of the session list, newest first.
 *
 * @param total sessions that match the filters, on every page together
 * @param position the last event-log position the list reflects; {@code null} before the first event
 */
record SessionPageView(int page, int size, long total, Long position, List<SessionSummaryView> items) {}
