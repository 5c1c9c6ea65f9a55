package vn.ledger.query.report;

import java.util.Locale;

/** The file formats of the quarterly report, as the {@code format} parameter names them. */
enum ReportFormat {

    CSV("csv", "text/csv;charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PDF("pdf", "application/pdf");

    private final String extension;
    private final String mediaType;

    ReportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    String extension() {
        return extension;
    }

    String mediaType() {
        return mediaType;
    }

    /** {@code csv}, {@code xlsx} or {@code pdf}, in any case; {@code null} for anything else. */
    static ReportFormat parseOrNull(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (ReportFormat format : values()) {
            if (format.extension.equals(wanted)) {
                return format;
            }
        }
        return null;
    }
}
