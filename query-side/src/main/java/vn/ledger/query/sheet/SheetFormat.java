package vn.ledger.query.sheet;

import java.util.Locale;

/** The file formats of an attendance sheet, as the {@code format} parameter names them. */
enum SheetFormat {

    PDF("pdf", "application/pdf"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String mediaType;

    SheetFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    String extension() {
        return extension;
    }

    String mediaType() {
        return mediaType;
    }

    /** {@code pdf} or {@code xlsx}, in any case; {@code null} for anything else. */
    static SheetFormat parseOrNull(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (SheetFormat format : values()) {
            if (format.extension.equals(wanted)) {
                return format;
            }
        }
        return null;
    }
}
