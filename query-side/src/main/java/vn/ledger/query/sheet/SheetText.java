package vn.ledger.query.sheet;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.ledger.events.GuestCategory;

/** What both formats of a sheet say, in its language: the session's details and the dates as people write them. */
final class SheetText {

    /** Empty rows to fill in by hand for each guest category. */
    static final int GUEST_ROWS = 5;

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** One line of the session's details: a label and its value; a blank to fill in where the value is unknown. */
    record Detail(String label, String value) {}

    private SheetText() {}

    /** Units, topic, date and time, format, venue, online link, presenter and host, in the sheet's order. */
    static List<Detail> details(SessionRoster.Session session, SheetLanguage language) {
        List<Detail> details = new ArrayList<>();
        details.add(new Detail(language.text("units"), unitNames(session, language)));
        details.add(new Detail(language.text("topic"), orBlank(session.topic(), language)));
        details.add(new Detail(language.text("time"), session.scheduledAt().format(DATE_TIME)));
        if (session.format() != null) {
            details.add(new Detail(language.text("format"), formatName(session.format(), language)));
        }
        if (present(session.venue()) || !present(session.onlineUrl())) {
            details.add(new Detail(language.text("venue"), orBlank(session.venue(), language)));
        }
        if (present(session.onlineUrl())) {
            details.add(new Detail(language.text("onlineUrl"), session.onlineUrl().strip()));
        }
        details.add(new Detail(language.text("presenter"), orBlank(session.presenter(), language)));
        details.add(new Detail(language.text("host"), orBlank(session.host(), language)));
        return details;
    }

    /** The line saying the session was cancelled, with the reason; {@code null} unless it was. */
    static String cancelled(SessionRoster.Session session, SheetLanguage language) {
        if (!session.cancelled()) {
            return null;
        }
        return present(session.cancelReason())
                ? language.text("cancelled") + ": " + VietnameseNames.nfc(session.cancelReason())
                : language.text("cancelled") + ".";
    }

    static String unitNames(SessionRoster.Session session, SheetLanguage language) {
        List<String> names = session.units().stream()
                .map(unit -> unit.name() == null ? unit.unitId().toString() : unit.name())
                .toList();
        return names.isEmpty() ? language.text("blank") : String.join("; ", names);
    }

    static String guestCategory(GuestCategory category, SheetLanguage language) {
        return language.text("guest." + category.name());
    }

    static String period(LocalDate from, LocalDate to) {
        return from.format(DATE) + " – " + (to == null ? "" : to.format(DATE));
    }

    static String printed(OffsetDateTime printedAt, SheetLanguage language) {
        return language.text("printed", printedAt.format(DATE_TIME));
    }

    private static String formatName(String format, SheetLanguage language) {
        return switch (format) {
            case "IN_PERSON", "ONLINE", "HYBRID" -> language.text("format." + format);
            default -> format;
        };
    }

    private static String orBlank(String value, SheetLanguage language) {
        return present(value) ? VietnameseNames.nfc(value) : language.text("blank");
    }

    private static boolean present(String value) {
        return !Objects.requireNonNullElse(value, "").isBlank();
    }
}
