package vn.ledger.query.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/** Business dates and quarters of sessions, taken in the committee's time zone. */
final class SessionTime {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");

    private SessionTime() {}

    static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** The quarter as {@code api.md} writes it, e.g. {@code 2022-Q3}. */
    static String quarterOf(LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    static boolean isQuarter(String text) {
        return QUARTER.matcher(text).matches();
    }

    /** The instant as the committee's clocks show it, with their offset (+07:00). */
    static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }

    static OffsetDateTime local(OffsetDateTime dateTime) {
        return dateTime == null ? null : local(dateTime.toInstant());
    }

    /** For a {@code timestamptz} parameter: PostgreSQL keeps the instant, not the offset. */
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
