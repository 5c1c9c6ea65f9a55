package vn.ledger.query.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import vn.ledger.events.GuestCategory;
import vn.ledger.query.document.DocumentLanguage;
import vn.ledger.query.stats.PerformanceStatsView;
import vn.ledger.query.stats.QuarterlyFigures;
import vn.ledger.query.stats.UnitStatsView;

/**
 * What every format of the report says, in its language: the text of {@code quarterly-report.properties}
 * (Vietnamese) or {@code quarterly-report_en.properties}, and numbers and dates as the language writes them (5.300
 * and 95,8 % in Vietnamese; 5,300 and 95.8% in English; dates dd/MM/yyyy, times in Asia/Ho_Chi_Minh).
 */
final class ReportText {

    static final String BUNDLE = "vn.ledger.query.report.quarterly-report";
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final List<String> ROMAN = List.of("I", "II", "III", "IV");

    private final DocumentLanguage language;
    private final ResourceBundle text;
    private final DateTimeFormatter asOfTime;

    ReportText(DocumentLanguage language) {
        this.language = language;
        this.text = language.bundle(BUNDLE);
        this.asOfTime = DateTimeFormatter.ofPattern(text.getString("asOf.time"));
    }

    DocumentLanguage language() {
        return language;
    }

    Locale locale() {
        return language.locale();
    }

    String text(String key) {
        return text.getString(key);
    }

    /** The text with {@code {0}}, {@code {1}}, ... replaced by the values, as they are (no number formatting). */
    String text(String key, Object... values) {
        String result = text(key);
        for (int i = 0; i < values.length; i++) {
            result = result.replace("{" + i + "}", String.valueOf(values[i]));
        }
        return result;
    }

    /** A count as the language writes it: 5.300 in Vietnamese, 5,300 in English. */
    String count(long value) {
        return NumberFormat.getIntegerInstance(locale()).format(value);
    }

    /** A rate (0..1) as a percentage with one decimal, "95,8 %" or "95.8%"; a dash when there is none. */
    String percent(Double rate) {
        if (rate == null) {
            return "–";
        }
        DecimalFormat format = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(locale()));
        return text("percent", format.format(rate * 100));
    }

    static String roman(int quarter) {
        return ROMAN.get(quarter - 1);
    }

    /** BÁO CÁO KẾT QUẢ SINH HOẠT CHUYÊN ĐỀ QUÝ III NĂM 2022. */
    String title(QuarterlyFigures figures) {
        return text("title", roman(figures.quarter()), figures.year());
    }

    /** The file's readable name, without its extension. */
    String fileTitle(QuarterlyFigures figures) {
        return text("file.title", roman(figures.quarter()), figures.year());
    }

    /**
     * Which position of the log the figures reflect, and when: the instant asked for when one was, else when the event
     * at that position was recorded; before the first event, that the ledger held nothing yet.
     */
    String asOf(QuarterlyFigures figures, OffsetDateTime printedAt) {
        if (figures.position() == null) {
            Instant at = figures.asOf() != null ? figures.asOf() : printedAt.toInstant();
            return text("asOf.empty", time(at));
        }
        Instant at = figures.asOf() != null ? figures.asOf() : figures.recordedAt();
        return text("asOf", figures.position(), at == null ? "–" : time(at));
    }

    String time(Instant instant) {
        return instant.atZone(ZONE).format(asOfTime);
    }

    String printed(OffsetDateTime printedAt) {
        return text("printed", printedAt.atZoneSameInstant(ZONE).format(DATE_TIME));
    }

    String guestCategory(GuestCategory category) {
        return text("guest." + category.name());
    }

    /** The unit's name when its sessions were scheduled; its id when the roster does not know it. */
    static String nameThen(UnitStatsView unit) {
        String name = unit.unitNameThen() != null ? unit.unitNameThen() : unit.unitName();
        return name == null ? unit.unitId().toString() : nfc(name);
    }

    /** The unit's current name when it differs from its name then; {@code ""} when it does not. */
    static String currentNameIfDifferent(UnitStatsView unit) {
        if (unit.unitName() == null || nfc(unit.unitName()).equals(nameThen(unit))) {
            return "";
        }
        return nfc(unit.unitName());
    }

    /** "Chi bộ A (nay là Chi bộ B)" after a rename, else the name. */
    String unitName(UnitStatsView unit) {
        String now = currentNameIfDifferent(unit);
        return now.isEmpty() ? nameThen(unit) : text("unit.now", nameThen(unit), now);
    }

    String performer(QuarterlyFigures figures, PerformanceStatsView piece) {
        String name = figures.performerNames().get(piece.performerUnitId());
        return name == null ? String.valueOf(piece.performerUnitId()) : nfc(name);
    }

    /** "Thành phố Cao Lãnh, 15/07/2022: 1.200" for each showing. */
    List<String> venues(PerformanceStatsView piece) {
        return piece.venues().stream()
                .map(showing -> text("venue", nfc(showing.venue()), date(showing.performedOn()),
                        count(showing.audience())))
                .toList();
    }

    static String date(LocalDate date) {
        return date == null ? "" : date.format(DATE);
    }

    static String nfc(String text) {
        return Normalizer.normalize(Objects.requireNonNullElse(text, ""), Normalizer.Form.NFC).strip();
    }
}
