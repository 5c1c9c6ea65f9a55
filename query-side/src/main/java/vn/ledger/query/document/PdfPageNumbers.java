package vn.ledger.query.document;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.util.function.IntFunction;

/**
 * "Trang n/N" at the foot of every page, centred: the page's own label ("Trang n/") is written with the page, N into
 * a template once the last page is known.
 */
public final class PdfPageNumbers extends PdfPageEventHelper {

    private final PdfFonts fonts;
    private final IntFunction<String> label;
    private final float size;
    private PdfTemplate total;

    /**
     * @param label the text before the number of pages, for a page number ("Trang 3/")
     * @param size the font size
     */
    public PdfPageNumbers(PdfFonts fonts, IntFunction<String> label, float size) {
        this.fonts = fonts;
        this.label = label;
        this.size = size;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(40, 12);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        String text = label.apply(writer.getPageNumber());
        BaseFont font = fonts.regularBase();
        float width = font.getWidthPoint(text, size);
        float x = (document.left() + document.right()) / 2 - width / 2;
        float y = document.bottom() - 24;
        PdfContentByte content = writer.getDirectContent();
        content.beginText();
        content.setFontAndSize(font, size);
        content.setTextMatrix(x, y);
        content.showText(text);
        content.endText();
        content.addTemplate(total, x + width, y);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setFontAndSize(fonts.regularBase(), size);
        total.setTextMatrix(0, 0);
        total.showText(String.valueOf(writer.getPageNumber() - 1));
        total.endText();
    }
}
