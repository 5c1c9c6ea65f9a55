package vn.ledger.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A fact that a member is exempt from Party activities (miễn sinh hoạt) from {@code from} to {@code to}, both
 * inclusive: not expected at sessions in that period.
 */
@Revision("1")
public record ExemptionGranted(UUID memberId, LocalDate from, LocalDate to, String reason) {}
