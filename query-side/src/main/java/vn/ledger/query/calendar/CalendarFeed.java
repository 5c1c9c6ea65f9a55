package vn.ledger.query.calendar;

import biweekly.Biweekly;
import biweekly.ICalDataType;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes sessions as an iCalendar (RFC 5545) feed with biweekly, UTF-8, every date-time in UTC. Each session is one
 * {@code VEVENT} that keeps its {@code UID} ({@code <sessionId>@ledger}) through reschedules and a cancellation, so a
 * subscribed calendar updates the event it has rather than adding another: a reschedule moves {@code DTSTART}, a
 * cancellation turns {@code STATUS} to {@code CANCELLED}, and both raise {@code SEQUENCE}.
 *
 * <p>{@code SEQUENCE} is the session view's version, the number of the session's latest event: it rises with every
 * event of the session, not only with a reschedule or a cancellation, and never falls (a rebuild of the view gives
 * the same numbers), which RFC 5545 allows: a client only needs it to grow when the event changes. The texts a
 * person reads (the description, the calendar's name) are in Vietnamese.
 */
final class CalendarFeed {

    /** The domain records when a session starts, not when it ends; a calendar event needs an end. */
    static final Duration SESSION_LENGTH = Duration.ofHours(2);
    /** How often a subscribed calendar is asked to fetch the feed again (a hint; clients choose). */
    static final Duration REFRESH = Duration.ofHours(1);
    static final String PRODUCT_ID = "-//vn.ledger//Thematic-session ledger//VI";
    static final String UID_SUFFIX = "@ledger";
    static final String MEDIA_TYPE = "text/calendar; charset=utf-8";
    /** RFC 5545 3.1: a content line should not be longer than this, line break excluded. */
    static final int MAX_LINE_OCTETS = 75;

    private static final Map<String, String> FORMATS = Map.of(
            "IN_PERSON", "Trực tiếp",
            "ONLINE", "Trực tuyến",
            "HYBRID", "Trực tiếp kết hợp trực tuyến");
    private static final Map<String, String> STATUSES = Map.of(
            "PLANNED", "Đã lên lịch",
            "HELD", "Đã tổ chức",
            FeedSession.CANCELLED, "Đã hủy",
            "SUBMITTED", "Đã nộp biên bản, chờ xem xét",
            "RETURNED", "Biên bản được trả lại để bổ sung",
            "ACKNOWLEDGED", "Biên bản đã được ghi nhận");
    private static final String DEFAULT_SUMMARY = "Sinh hoạt chuyên đề";
    /** The links the command side accepts; anything else stays in the description's text. */
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}+");

    private CalendarFeed() {}

    /**
     * @param name the calendar's name, as {@code NAME} and {@code X-WR-CALNAME}
     * @param description what the calendar holds, as {@code DESCRIPTION} and {@code X-WR-CALDESC}
     * @param now the moment of writing: every event's {@code DTSTAMP}
     */
    static byte[] write(String name, String description, List<FeedSession> sessions, Instant now) {
        ICalendar calendar = new ICalendar();
        calendar.setVersion(ICalVersion.V2_0);
        calendar.setProductId(PRODUCT_ID);
        calendar.setMethod("PUBLISH");
        calendar.setName(name);
        calendar.setDescription(description);
        // the names most calendar apps read, besides RFC 7986's NAME and DESCRIPTION; raw values, so one line each
        calendar.setExperimentalProperty("X-WR-CALNAME", oneLine(name));
        calendar.setExperimentalProperty("X-WR-CALDESC", oneLine(description));
        // RFC 7986 requires VALUE=DURATION, which biweekly leaves out as the property's default type
        calendar.setRefreshInterval(new biweekly.util.Duration.Builder().hours((int) REFRESH.toHours()).build())
                .getParameters().setValue(ICalDataType.DURATION);
        calendar.setExperimentalProperty("X-PUBLISHED-TTL", REFRESH.toString());
        Date stamp = Date.from(now);
        for (FeedSession session : sessions) {
            calendar.addEvent(event(session, stamp));
        }
        return fold(Biweekly.write(calendar).foldLines(false).go()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Folds the lines to at most {@value #MAX_LINE_OCTETS} octets of UTF-8 each, continued on lines that start with a
     * space (RFC 5545, 3.1), never inside a character. biweekly folds by characters, and a Vietnamese character is two
     * or three octets.
     */
    static String fold(String lines) {
        StringBuilder folded = new StringBuilder(lines.length() + lines.length() / 32);
        for (String line : lines.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int character = line.codePointAt(i);
                int size = utf8Length(character);
                if (octets + size > MAX_LINE_OCTETS) {
                    folded.append("\r\n ");
                    octets = 1;
                }
                folded.appendCodePoint(character);
                octets += size;
                i += Character.charCount(character);
            }
            folded.append("\r\n");
        }
        return folded.toString();
    }

    private static int utf8Length(int character) {
        return character < 0x80 ? 1 : character < 0x800 ? 2 : character < 0x10000 ? 3 : 4;
    }

    static String uid(FeedSession session) {
        return session.sessionId() + UID_SUFFIX;
    }

    private static VEvent event(FeedSession session, Date stamp) {
        VEvent event = new VEvent();
        event.setUid(uid(session));
        event.setDateTimeStamp(stamp);
        event.setSequence((int) Math.min(Integer.MAX_VALUE, session.version()));
        if (session.lastModified() != null) {
            event.setLastModified(Date.from(session.lastModified()));
        }
        event.setDateStart(Date.from(session.scheduledAt()), true);
        event.setDateEnd(Date.from(session.scheduledAt().plus(SESSION_LENGTH)), true);
        event.setSummary(blank(session.topic()) ? DEFAULT_SUMMARY : session.topic());
        if (!blank(session.venue())) {
            event.setLocation(session.venue());
        }
        if (session.onlineUrl() != null && LINK.matcher(session.onlineUrl()).matches()) {
            event.setUrl(session.onlineUrl());
        }
        event.setDescription(description(session));
        event.setStatus(session.cancelled() ? Status.cancelled() : Status.confirmed());
        return event;
    }

    /** One labelled line per fact the session has. */
    static String description(FeedSession session) {
        List<String> lines = new ArrayList<>();
        if (session.cancelled()) {
            lines.add("ĐÃ HỦY" + (blank(session.cancelReason()) ? "" : ". Lý do: " + session.cancelReason()));
        } else if (session.status() != null) {
            lines.add("Trạng thái: " + STATUSES.getOrDefault(session.status(), session.status()));
        }
        if (!session.unitNames().isEmpty()) {
            lines.add("Đơn vị: " + String.join(", ", session.unitNames()));
        }
        if (session.format() != null) {
            lines.add("Hình thức: " + FORMATS.getOrDefault(session.format(), session.format()));
        }
        if (!blank(session.venue())) {
            lines.add("Địa điểm: " + session.venue());
        }
        if (!blank(session.onlineUrl())) {
            lines.add("Đường dẫn trực tuyến: " + session.onlineUrl());
        }
        if (!blank(session.presenter())) {
            lines.add("Báo cáo viên: " + session.presenter());
        }
        if (!blank(session.host())) {
            lines.add("Chủ trì: " + session.host());
        }
        if (!session.basisDocuments().isEmpty()) {
            lines.add("Văn bản căn cứ: " + String.join("; ", session.basisDocuments()));
        }
        return String.join("\n", lines);
    }

    private static String oneLine(String text) {
        return CONTROL.matcher(text).replaceAll(" ").strip();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
