package vn.ledger.command.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.ledger.events.SessionFormat;

/** The body of {@code POST /api/v1/sessions}. */
record ScheduleSessionRequest(
        @NotEmpty @Size(max = 50) List<@NotNull UUID> unitIds,
        @NotBlank @Size(max = 500) String topic,
        @NotNull OffsetDateTime scheduledAt,
        @NotNull SessionFormat format,
        @Size(max = 50) List<@NotBlank @Size(max = 500) String> basisDocuments,
        @Size(max = 500) String venue,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https link") String onlineUrl,
        @Size(max = 200) String presenter,
        @Size(max = 200) String host,
        UUID sessionId) {

    ScheduleSession toCommand() {
        return new ScheduleSession(
                sessionId == null ? UUID.randomUUID() : sessionId,
                unitIds,
                topic.strip(),
                scheduledAt.toInstant(),
                format,
                basisDocuments == null ? List.of() : basisDocuments.stream().map(String::strip).toList(),
                blankToNull(venue),
                blankToNull(onlineUrl),
                blankToNull(presenter),
                blankToNull(host));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
