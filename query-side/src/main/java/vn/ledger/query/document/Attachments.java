package vn.ledger.query.document;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} for a download: an ASCII name for every client ({@code filename}) and the
 * readable one in UTF-8 ({@code filename*}, RFC 6266 and RFC 8187).
 */
public final class Attachments {

    private Attachments() {}

    /**
     * @param ascii the file name for clients that do not read {@code filename*}: ASCII letters, digits, dots, dashes
     * @param readable the file name in any script; control characters, slashes and quotes become dashes
     */
    public static String disposition(String ascii, String readable) {
        String safe = readable.replaceAll("[\\p{Cntrl}/\\\\\"]", "-");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncoded(safe);
    }

    /**
     * Lower-case ASCII letters and digits joined by single dashes, at most {@code limit} characters; Vietnamese letters
     * lose their marks (đ reads d); {@code fallback} when nothing is left.
     */
    public static String slug(String text, int limit, String fallback) {
        String slug = VietnameseText.fold(text).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > limit) {
            slug = slug.substring(0, limit).replaceAll("-$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }

    /** RFC 8187 {@code value-chars}: attr-chars as they are, every other UTF-8 byte as %XX. */
    public static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }
}
