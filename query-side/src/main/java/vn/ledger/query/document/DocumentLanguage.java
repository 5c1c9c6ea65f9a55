package vn.ledger.query.document;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import vn.ledger.query.web.InvalidParameter;

/**
 * The language of a printable document: Vietnamese, the users' language, unless English is asked for by a
 * {@code lang} parameter or an {@code Accept-Language} header that prefers it.
 */
public enum DocumentLanguage {

    VI(Locale.forLanguageTag("vi")),
    EN(Locale.ENGLISH);

    private static final List<String> TAGS = List.of("vi", "en");

    private final Locale locale;

    DocumentLanguage(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * The document's text: {@code baseName}.properties is Vietnamese, {@code baseName}_en.properties English, read
     * without falling back to the server's own locale, so a server in any locale answers alike.
     */
    public ResourceBundle bundle(String baseName) {
        return ResourceBundle.getBundle(baseName, this == VI ? Locale.ROOT : locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A {@code lang} parameter ("vi", "en", "en-US", "vi_VN", ...); {@code null} when it names neither language. */
    public static DocumentLanguage parseOrNull(String tag) {
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return switch (language) {
            case "vi" -> VI;
            case "en" -> EN;
            default -> null;
        };
    }

    /** The language an {@code Accept-Language} header prefers of the two; Vietnamese when it names neither. */
    public static DocumentLanguage fromAcceptLanguage(String header) {
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

    /**
     * {@code lang} when given (400 {@code invalid-parameter} on {@code lang} when it names neither language), else
     * what {@code Accept-Language} prefers.
     *
     * @param document what the language is of, for the problem's message ("the sheet")
     */
    public static DocumentLanguage choose(String lang, String acceptLanguage, String document) {
        if (lang != null && !lang.isBlank()) {
            DocumentLanguage language = parseOrNull(lang);
            if (language == null) {
                throw new InvalidParameter("invalid-parameter", "lang",
                        "'" + lang + "' is not a language of " + document + "; vi or en.");
            }
            return language;
        }
        return fromAcceptLanguage(acceptLanguage);
    }
}
