package vn.ledger.query.document;

import java.util.Arrays;
import java.util.Locale;
import vn.ledger.query.web.InvalidParameter;

/** The file formats of the printable documents (attendance sheet, quarterly report), as {@code format=} names them. */
public enum DocumentFormat {

    CSV("csv", "text/csv;charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PDF("pdf", "application/pdf");

    private final String extension;
    private final String mediaType;

    DocumentFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The format {@code text} names (in any case), if it is one of {@code offered}.
     *
     * @param document what the file is, for the problem: "sheet", "report"
     * @throws InvalidParameter 400 {@code invalid-parameter} on {@code format}, listing the offered formats
     */
    public static DocumentFormat parse(String text, String document, DocumentFormat... offered) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (DocumentFormat format : offered) {
            if (format.extension.equals(wanted)) {
                return format;
            }
        }
        throw new InvalidParameter("invalid-parameter", "format", "'" + text + "' is not a " + document
                + " format; one of " + Arrays.stream(offered).map(DocumentFormat::extension).toList() + ".");
    }
}
