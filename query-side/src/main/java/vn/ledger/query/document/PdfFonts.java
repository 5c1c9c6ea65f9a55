package vn.ledger.query.document;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The three faces of Liberation Sans 2.00.5 (SIL Open Font License 1.1, from {@code openpdf-fonts-extra}) for one PDF,
 * embedded as subsets with Identity-H encoding: they have every precomposed Vietnamese letter (ă â đ ê ô ơ ư with
 * their tones, ễ ặ ở ự, ...), so text put in NFC is one glyph per letter and reads back as it was put in.
 *
 * <p>The font files are read once; each document parses its own {@link BaseFont}s, because a font being subset into
 * one PDF is not safe to share with another being written at the same time.
 */
public final class PdfFonts {

    private static final byte[] REGULAR = read("liberation/LiberationSans-Regular.ttf");
    private static final byte[] BOLD = read("liberation/LiberationSans-Bold.ttf");
    private static final byte[] ITALIC = read("liberation/LiberationSans-Italic.ttf");

    private final BaseFont regularBase;
    private final BaseFont boldBase;
    private final BaseFont italicBase;

    private PdfFonts(BaseFont regularBase, BaseFont boldBase, BaseFont italicBase) {
        this.regularBase = regularBase;
        this.boldBase = boldBase;
        this.italicBase = italicBase;
    }

    /** The faces for one new document. */
    public static PdfFonts create() throws IOException {
        try {
            return new PdfFonts(base("LiberationSans-Regular.ttf", REGULAR), base("LiberationSans-Bold.ttf", BOLD),
                    base("LiberationSans-Italic.ttf", ITALIC));
        } catch (DocumentException e) {
            throw new IOException("Liberation Sans could not be loaded", e);
        }
    }

    public BaseFont regularBase() {
        return regularBase;
    }

    public Font regular(float size) {
        return new Font(regularBase, size);
    }

    public Font bold(float size) {
        return new Font(boldBase, size);
    }

    public Font italic(float size) {
        return new Font(italicBase, size);
    }

    private static BaseFont base(String name, byte[] bytes) throws IOException, DocumentException {
        return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
    }

    private static byte[] read(String resource) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path (openpdf-fonts-extra)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
