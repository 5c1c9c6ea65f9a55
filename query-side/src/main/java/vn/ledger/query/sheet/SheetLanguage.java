package vn.ledger.query.sheet;

import java.util.Locale;
import java.util.ResourceBundle;
import vn.ledger.query.document.DocumentLanguage;

/**
 * The language of a sheet: Vietnamese, the users' language, unless English is asked for. Its text is in
 * {@code attendance-sheet.properties} (Vietnamese) and {@code attendance-sheet_en.properties}, read without falling
 * back to the server's own locale.
 */
enum SheetLanguage {

    VI(DocumentLanguage.VI),
    EN(DocumentLanguage.EN);

    static final String BUNDLE = "vn.ledger.query.sheet.attendance-sheet";

    private final DocumentLanguage language;
    private final ResourceBundle text;

    SheetLanguage(DocumentLanguage language) {
        this.language = language;
        this.text = language.bundle(BUNDLE);
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

    /** A {@code lang} parameter ("vi", "en", "en-US", ...); {@code null} when it names neither language. */
    static SheetLanguage parseOrNull(String tag) {
        return of(DocumentLanguage.parseOrNull(tag));
    }

    /** The language an {@code Accept-Language} header prefers of the two; Vietnamese when it names neither. */
    static SheetLanguage fromAcceptLanguage(String header) {
        return of(DocumentLanguage.fromAcceptLanguage(header));
    }

    /** {@code lang} when given (else 400 {@code invalid-parameter}), else what {@code Accept-Language} prefers. */
    static SheetLanguage choose(String lang, String acceptLanguage) {
        return of(DocumentLanguage.choose(lang, acceptLanguage, "the sheet"));
    }

    private static SheetLanguage of(DocumentLanguage language) {
        return language == null ? null : language == DocumentLanguage.VI ? VI : EN;
    }
}
