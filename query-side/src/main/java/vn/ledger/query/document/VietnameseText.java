package vn.ledger.query.document;

import java.text.Normalizer;
import java.util.Locale;

/** Vietnamese text as a search or a file name compares it. */
public final class VietnameseText {

    private VietnameseText() {}

    /**
     * The text as a search or a file name compares it: lower case, without diacritics (decomposed, combining marks
     * dropped, and đ, which has no decomposition, as d), each run of white space one space. "Nguyễn Văn A" folds to
     * "nguyen van a".
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = !folded.isEmpty();
                continue;
            }
            if (space) {
                folded.append(' ');
                space = false;
            }
            // đ/Đ, and the look-alike Ð (eth) that keyboards sometimes give for Đ
            if (c == 'đ' || c == 'Đ' || c == 'Ð' || c == 'ð') {
                folded.append('d');
            } else {
                folded.append(new String(Character.toChars(c)).toLowerCase(Locale.ROOT));
            }
        }
        return folded.toString();
    }
}
