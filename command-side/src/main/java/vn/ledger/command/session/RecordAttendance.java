package vn.ledger.command.session;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.events.AttendanceEntry;

/** Record whether members attended a session; an entry replaces the member's earlier one. */
record RecordAttendance(@TargetAggregateIdentifier UUID sessionId, List<AttendanceEntry> entries) {}
