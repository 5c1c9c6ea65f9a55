package vn.ledger.command.rosterimport;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text as people type it in spreadsheets, made comparable. */
final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Folding() {}

    /** NFC with runs of white space (including non-breaking spaces) made one space and the ends stripped. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text.replace('\u00a0', ' '), Normalizer.Form.NFC);
        return SPACES.matcher(nfc).replaceAll(" ").strip();
    }

    /** Without case and diacritics ("Đảng bộ bộ phận" and "dang bo bo phan" fold alike): for matching, not display. */
    static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(clean(text), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }

    /** The key a unit is known by: its name without case (names of active units are unique that way). */
    static String unitKey(String name) {
        return clean(name).toLowerCase(Locale.ROOT);
    }
}
