package vn.ledger.query.session;

import java.util.List;
import java.util.UUID;

/** Every event of a session, in the order of its stream. */
record SessionHistoryView(UUID sessionId, List<SessionEventView> items) {}
