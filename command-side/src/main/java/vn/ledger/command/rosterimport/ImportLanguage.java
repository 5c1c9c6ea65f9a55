package vn.ledger.command.rosterimport;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/** The language of an import's messages: Vietnamese unless the client's Accept-Language prefers English. */
enum ImportLanguage {
    VI, EN;

    static ImportLanguage of(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return VI;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("vi")) {
                    return VI;
                }
                if (tag.startsWith("en")) {
                    return EN;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return VI;
        }
        return VI;
    }
}
