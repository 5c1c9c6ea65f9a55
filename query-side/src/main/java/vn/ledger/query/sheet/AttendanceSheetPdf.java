package vn.ledger.query.sheet;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.ExceptionConverter;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.List;
import vn.ledger.events.GuestCategory;
import vn.ledger.query.document.PdfFonts;
import vn.ledger.query.document.PdfPageNumbers;

/**
 * Writes an attendance sheet as an A4 PDF with OpenPDF: the session's details, the expected members with a column to
 * sign, the exempt members apart, numbered blank rows for guests by category, and the signatures; every table's
 * header repeats on each page and each page is numbered "n/N".
 *
 * <p>The text is set in Liberation Sans, embedded ({@link PdfFonts}): it has every precomposed Vietnamese letter, and
 * the names come in NFC, so each letter is one glyph and the text extracted from the PDF is the text put in.
 *
 * <p>The member table is added to the document in slices ({@link #SLICE} rows): OpenPDF writes out and forgets the
 * rows of an incomplete table at each slice, so a sheet of thousands of members holds only one slice in memory.
 */
final class AttendanceSheetPdf {

    /** Rows kept in memory before they are written out. */
    static final int SLICE = 200;

    private static final float BODY = 10.5f;
    private static final float SMALL = 9f;
    private static final float DETAIL_LEADING = 16f;
    /** A heading, a table's header and two rows: less room than that at the foot of a page starts a new one. */
    private static final float SECTION_START = 110f;
    /** Tall enough to sign in. */
    private static final float SIGNING_ROW = 26f;
    private static final Color HEADER_FILL = new Color(0xE8, 0xE8, 0xE8);
    private static final Color SECTION_FILL = new Color(0xF4, 0xF4, 0xF4);

    private AttendanceSheetPdf() {}

    static void write(SessionRoster roster, SheetLanguage language, OffsetDateTime printedAt, OutputStream out)
            throws IOException {
        PdfFonts fonts = PdfFonts.create();
        Document document = new Document(PageSize.A4, 42, 36, 40, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            writer.setPageEvent(new PdfPageNumbers(fonts, page -> language.text("page", page), SMALL));
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language.locale().toLanguageTag()));
            document.addTitle(language.text("file.title") + " – " + SheetText.unitNames(roster.session(), language)
                    + " – " + roster.session().scheduledAt().format(SheetText.DATE));
            if (roster.session().topic() != null) {
                document.addSubject(VietnameseNames.nfc(roster.session().topic()));
            }
            document.addCreator("Thematic-session ledger");
            document.open();
            heading(document, roster, language, fonts);
            expected(document, writer, roster, language, fonts);
            exempt(document, writer, roster, language, fonts);
            guests(document, writer, roster, language, fonts);
            signatures(document, language, fonts, printedAt);
            document.close();
        } catch (DocumentException e) {
            throw new IOException("The attendance sheet could not be laid out", e);
        } catch (ExceptionConverter e) {
            // OpenPDF wraps a failing write (the client went away) in an unchecked exception: give it back as it was
            if (e.getException() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    /** The party's name beside the units', the title, and the session's details. */
    private static void heading(Document document, SessionRoster roster, SheetLanguage language, PdfFonts fonts) {
        PdfPTable top = new PdfPTable(new float[] {1, 1});
        top.setWidthPercentage(100);
        String units = roster.session().units().stream()
                .map(unit -> unit.name() == null ? unit.unitId().toString() : unit.name())
                .map(name -> name.toUpperCase(language.locale()))
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
        top.addCell(plain(new Phrase(units, fonts.bold(BODY)), Element.ALIGN_CENTER));
        top.addCell(plain(new Phrase(language.text("party"), fonts.bold(BODY)), Element.ALIGN_CENTER));
        document.add(top);

        Paragraph title = new Paragraph(language.text("title"), fonts.bold(14));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingBefore(14);
        document.add(title);

        float leading = DETAIL_LEADING + 10;
        for (SheetText.Detail detail : SheetText.details(roster.session(), language)) {
            // built from its first chunk, so that the paragraph's own font is ours too (else Helvetica, unembedded);
            // lines set apart by their leading: OpenPDF writes spacing before or after as a line holding a space
            Paragraph line = new Paragraph(leading, new Chunk(detail.label() + ": ", fonts.bold(BODY)));
            leading = DETAIL_LEADING;
            line.add(new Chunk(detail.value(), fonts.regular(BODY)));
            document.add(line);
        }
        String cancelled = SheetText.cancelled(roster.session(), language);
        if (cancelled != null) {
            Paragraph line = new Paragraph(cancelled, fonts.bold(BODY));
            line.setSpacingBefore(4);
            document.add(line);
        }
    }

    /** The expected members, one signing row each, written out slice by slice. */
    private static void expected(Document document, PdfWriter writer, SessionRoster roster, SheetLanguage language,
                                 PdfFonts fonts) {
        section(document, writer, language.text("expected.heading", roster.expected().size()), fonts,
                SECTION_START);
        boolean units = roster.severalUnits();
        PdfPTable table = new PdfPTable(units ? new float[] {7, 32, 23, 22, 16} : new float[] {8, 42, 28, 22});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        table.setComplete(false);
        header(table, fonts, language.text("col.number"), language.text("col.fullName"),
                units ? language.text("col.unit") : null, language.text("col.signature"), language.text("col.note"));
        if (roster.expected().isEmpty()) {
            table.addCell(spanning(language.text("none"), fonts.italic(BODY), units ? 5 : 4));
        }
        int number = 0;
        for (SessionRoster.Member member : roster.expected()) {
            number++;
            table.addCell(cell(String.valueOf(number), fonts.regular(BODY), Element.ALIGN_CENTER, SIGNING_ROW));
            table.addCell(cell(member.fullName(), fonts.regular(BODY), Element.ALIGN_LEFT, SIGNING_ROW));
            if (units) {
                table.addCell(cell(member.unitName(), fonts.regular(SMALL), Element.ALIGN_LEFT, SIGNING_ROW));
            }
            table.addCell(cell("", fonts.regular(BODY), Element.ALIGN_LEFT, SIGNING_ROW));
            table.addCell(cell("", fonts.regular(BODY), Element.ALIGN_LEFT, SIGNING_ROW));
            if (number % SLICE == 0) {
                document.add(table);
            }
        }
        table.setComplete(true);
        document.add(table);
    }

    /** The members exempt on the session's date, apart from the expected ones, with their exemption's period. */
    private static void exempt(Document document, PdfWriter writer, SessionRoster roster, SheetLanguage language,
                               PdfFonts fonts) {
        section(document, writer, language.text("exempt.heading", roster.exempt().size()), fonts, SECTION_START);
        document.add(new Paragraph(language.text("exempt.hint"), fonts.italic(SMALL)));
        boolean units = roster.severalUnits();
        PdfPTable table = new PdfPTable(units ? new float[] {7, 35, 28, 30} : new float[] {8, 50, 42});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        table.setComplete(false);
        header(table, fonts, language.text("col.number"), language.text("col.fullName"),
                units ? language.text("col.unit") : null, language.text("col.exemptPeriod"));
        if (roster.exempt().isEmpty()) {
            table.addCell(spanning(language.text("none"), fonts.italic(BODY), units ? 4 : 3));
        }
        int number = 0;
        for (SessionRoster.ExemptMember member : roster.exempt()) {
            number++;
            table.addCell(cell(String.valueOf(number), fonts.regular(BODY), Element.ALIGN_CENTER, 0));
            table.addCell(cell(member.fullName(), fonts.regular(BODY), Element.ALIGN_LEFT, 0));
            if (units) {
                table.addCell(cell(member.unitName(), fonts.regular(SMALL), Element.ALIGN_LEFT, 0));
            }
            table.addCell(cell(SheetText.period(member.from(), member.to()), fonts.regular(BODY),
                    Element.ALIGN_CENTER, 0));
            if (number % SLICE == 0) {
                document.add(table);
            }
        }
        table.setComplete(true);
        document.add(table);
    }

    /** For each guest category of {@code api.md}: its name, numbered blank rows and a subtotal; then the total. */
    private static void guests(Document document, PdfWriter writer, SessionRoster roster, SheetLanguage language,
                               PdfFonts fonts) {
        // the heading and the first category's whole table (which is kept together) on one page
        section(document, writer, language.text("guests.heading"), fonts, SECTION_START + SheetText.GUEST_ROWS
                * SIGNING_ROW + 40);
        int index = 0;
        for (GuestCategory category : GuestCategory.values()) {
            index++;
            PdfPTable table = new PdfPTable(new float[] {8, 36, 34, 22});
            table.setWidthPercentage(100);
            table.setSpacingBefore(6);
            table.setHeaderRows(2);
            table.setKeepTogether(true);
            PdfPCell title = spanning(index + ". " + SheetText.guestCategory(category, language), fonts.bold(BODY), 4);
            title.setBackgroundColor(SECTION_FILL);
            table.addCell(title);
            header(table, fonts, language.text("col.number"), language.text("col.fullName"),
                    language.text("col.organisation"), language.text("col.signature"));
            for (int row = 1; row <= SheetText.GUEST_ROWS; row++) {
                table.addCell(cell(String.valueOf(row), fonts.regular(BODY), Element.ALIGN_CENTER, SIGNING_ROW));
                for (int column = 0; column < 3; column++) {
                    table.addCell(cell("", fonts.regular(BODY), Element.ALIGN_LEFT, SIGNING_ROW));
                }
            }
            PdfPCell subtotal = spanning(language.text("guests.subtotal"), fonts.italic(BODY), 4);
            subtotal.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(subtotal);
            document.add(table);
        }
        Paragraph total = new Paragraph(language.text("total", roster.expected().size()), fonts.bold(BODY));
        total.setSpacingBefore(10);
        document.add(total);
    }

    /** The printing date, and the minute-taker's and the secretary's signatures side by side. */
    private static void signatures(Document document, SheetLanguage language, PdfFonts fonts,
                                   OffsetDateTime printedAt) {
        PdfPTable table = new PdfPTable(new float[] {1, 1});
        table.setWidthPercentage(100);
        table.setSpacingBefore(14);
        table.setKeepTogether(true);
        PdfPCell printed = plain(new Phrase(SheetText.printed(printedAt, language), fonts.italic(SMALL)),
                Element.ALIGN_RIGHT);
        printed.setColspan(2);
        table.addCell(printed);
        for (String role : List.of("signature.minuteTaker", "signature.secretary")) {
            Phrase phrase = new Phrase(new Chunk(language.text(role) + "\n", fonts.bold(BODY)));
            phrase.add(new Chunk(language.text("signature.hint"), fonts.italic(SMALL)));
            PdfPCell cell = plain(phrase, Element.ALIGN_CENTER);
            cell.setPaddingTop(8);
            cell.setMinimumHeight(90);
            table.addCell(cell);
        }
        document.add(table);
    }

    /**
     * A section's heading, on a new page unless {@code room} points are left below it: a heading is never the last line
     * of a page, apart from what it heads.
     */
    private static void section(Document document, PdfWriter writer, String heading, PdfFonts fonts, float room) {
        if (writer.getVerticalPosition(false) - document.bottom() < room) {
            document.newPage();
        }
        Paragraph paragraph = new Paragraph(heading, fonts.bold(11.5f));
        paragraph.setSpacingBefore(12);
        paragraph.setKeepTogether(true);
        document.add(paragraph);
    }

    /** A header row; a {@code null} column is left out. */
    private static void header(PdfPTable table, PdfFonts fonts, String... columns) {
        for (String column : columns) {
            if (column != null) {
                PdfPCell cell = cell(column, fonts.bold(BODY), Element.ALIGN_CENTER, 0);
                cell.setBackgroundColor(HEADER_FILL);
                table.addCell(cell);
            }
        }
    }

    private static PdfPCell cell(String text, Font font, int alignment, float minimumHeight) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(4);
        cell.setUseAscender(true);
        if (minimumHeight > 0) {
            cell.setMinimumHeight(minimumHeight);
        }
        return cell;
    }

    private static PdfPCell spanning(String text, Font font, int columns) {
        PdfPCell cell = cell(text, font, Element.ALIGN_LEFT, 0);
        cell.setColspan(columns);
        return cell;
    }

    private static PdfPCell plain(Phrase phrase, int alignment) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(alignment);
        return cell;
    }
}
