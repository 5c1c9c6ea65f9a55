package vn.ledger.query.sheet;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The language of a sheet: Vietnamese, the users' language, unless English is asked for. Its text is in
 * {@code attendance-sheet.properties} (Vietnamese) and {@code attendance-sheet_en.properties}, read without falling
 * back to the server's own locale.
 */
enum SheetLanguage {

    VI(VietnameseNames.VIETNAMESE),
    EN(Locale.ENGLISH);

    static final String BUNDLE = "vn.ledger.query.sheet.attendance-sheet";
    private static final List<String> TAGS = List.of("vi", "en");

    private final Locale locale;
    private final ResourceBundle text;

    SheetLanguage(Locale locale) {
        this.locale = locale;
        // Vietnamese is the base bundle; no fallback to the JVM's default locale: a server in any locale answers alike
        this.text = ResourceBundle.getBundle(BUNDLE, locale.getLanguage().equals("vi") ? Locale.ROOT : locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    Locale locale() {
        return locale;
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

    /** A {@code lang} parameter ("vi", "en", "en-US", ...); {@code null} when it names neither language. */
    static SheetLanguage parseOrNull(String tag) {
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return switch (language) {
            case "vi" -> VI;
            case "en" -> EN;
            default -> null;
        };
    }

    /** The language an {@code Accept-Language} header prefers of the two; Vietnamese when it names neither. */
    static SheetLanguage fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return VI;
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(header), TAGS);
            return "en".equals(tag) ? EN : VI;
        } catch (IllegalArgumentException malformed) {
            return VI;
        }
    }
}
