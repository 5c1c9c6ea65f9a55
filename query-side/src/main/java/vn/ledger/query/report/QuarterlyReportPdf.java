package vn.ledger.query.report;

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
import java.util.List;
import vn.ledger.query.document.PdfFonts;
import vn.ledger.query.document.PdfPageNumbers;
import vn.ledger.query.stats.PerformanceStatsView;
import vn.ledger.query.stats.UnitStatsView;

/**
 * Writes the quarterly report as an A4 landscape PDF with OpenPDF: the heading with the committee's name, the title
 * and the position the figures reflect; I. the committee's totals; II. the units' table (two header rows repeated on
 * every page, a row summing the units); III. the performances; the printing date and the signatures. Every page is
 * numbered "Trang n/N". The text is set in the embedded Liberation Sans ({@link PdfFonts}), which has every Vietnamese
 * letter.
 */
final class QuarterlyReportPdf {

    private static final float BODY = 10f;
    private static final float TABLE = 8f;
    /** The units' table has 17 columns across the page: its headers are set smaller than its numbers. */
    private static final float HEADING = 7f;
    private static final float SMALL = 8.5f;
    /** A heading, a table's header and two rows: less room than that at the foot of a page starts a new one. */
    private static final float SECTION_START = 120f;
    private static final Color HEADER_FILL = new Color(0xE8, 0xE8, 0xE8);
    private static final Color SUM_FILL = new Color(0xF4, 0xF4, 0xF4);

    private final Document document;
    private final PdfWriter writer;
    private final QuarterlyReport report;
    private final ReportText text;
    private final PdfFonts fonts;

    private QuarterlyReportPdf(Document document, PdfWriter writer, QuarterlyReport report, PdfFonts fonts) {
        this.document = document;
        this.writer = writer;
        this.report = report;
        this.text = report.text();
        this.fonts = fonts;
    }

    static void write(QuarterlyReport report, OutputStream out) throws IOException {
        PdfFonts fonts = PdfFonts.create();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 48);
        ReportText text = report.text();
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            writer.setPageEvent(new PdfPageNumbers(fonts, page -> text.text("page", page), SMALL));
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(text.locale().toLanguageTag()));
            document.addTitle(text.fileTitle(report.figures()));
            document.addSubject(report.asOf());
            document.addCreator("Thematic-session ledger");
            document.open();
            QuarterlyReportPdf pdf = new QuarterlyReportPdf(document, writer, report, fonts);
            pdf.heading();
            pdf.totals();
            pdf.units();
            pdf.performances();
            pdf.signatures();
            document.close();
        } catch (DocumentException e) {
            throw new IOException("The quarterly report could not be laid out", e);
        } catch (ExceptionConverter e) {
            // OpenPDF wraps a failing write (the client went away) in an unchecked exception: give it back as it was
            if (e.getException() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    /** The committee's name beside the party's, the title, and when the figures stand. */
    private void heading() {
        PdfPTable top = new PdfPTable(new float[] {1, 1});
        top.setWidthPercentage(100);
        top.addCell(plain(new Phrase(report.committeeName().toUpperCase(text.locale()), fonts.bold(BODY)),
                Element.ALIGN_CENTER));
        top.addCell(plain(new Phrase(text.text("party"), fonts.bold(BODY)), Element.ALIGN_CENTER));
        document.add(top);

        Paragraph title = new Paragraph(report.title(), fonts.bold(14));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingBefore(12);
        document.add(title);
        for (String line : report.subtitle()) {
            Paragraph paragraph = new Paragraph(line, fonts.italic(BODY));
            paragraph.setAlignment(Element.ALIGN_CENTER);
            document.add(paragraph);
        }
    }

    /** I. The committee's totals: what, counted in what, how many. */
    private void totals() {
        section(text.text("totals.heading"));
        PdfPTable table = new PdfPTable(new float[] {60, 20, 20});
        table.setWidthPercentage(70);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        table.setKeepTogether(true);
        header(table, text.text("col.item"), text.text("col.measure"), text.text("col.value"));
        List<QuarterlyReport.Total> totals = report.totals();
        for (int i = 0; i < totals.size(); i++) {
            QuarterlyReport.Total total = totals.get(i);
            boolean last = i == totals.size() - 1;
            Font font = last ? fonts.bold(BODY) : fonts.regular(BODY);
            table.addCell(cell(total.label(), font, Element.ALIGN_LEFT));
            table.addCell(cell(total.measure(), font, Element.ALIGN_CENTER));
            table.addCell(cell(text.count(total.value()), font, Element.ALIGN_RIGHT));
        }
        document.add(table);
    }

    /** II. One row per unit under two header rows, and the row summing the units. */
    private void units() {
        section(text.text("units.heading"));
        Paragraph note = new Paragraph(text.text("units.note"), fonts.italic(SMALL));
        document.add(note);
        List<UnitTable.Column> columns = UnitTable.columns(text);
        // in points of the 770 across the page: the guests' columns are wider for their categories' long names
        float[] widths = new float[columns.size() + 2];
        widths[0] = 22;
        widths[1] = 154;
        for (int i = 0; i < columns.size(); i++) {
            UnitTable.Column column = columns.get(i);
            widths[i + 2] = column.group().equals(text.text("group.guests")) ? 42 : 38;
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setHeaderRows(2);
        PdfPCell number = headerCell(text.text("col.number"), HEADING);
        number.setRowspan(2);
        table.addCell(number);
        PdfPCell unit = headerCell(text.text("col.unit"), HEADING);
        unit.setRowspan(2);
        table.addCell(unit);
        for (UnitTable.Group group : UnitTable.groups(columns)) {
            PdfPCell cell = headerCell(group.label(), HEADING);
            cell.setColspan(group.size());
            table.addCell(cell);
        }
        for (UnitTable.Column column : columns) {
            PdfPCell cell = headerCell(column.label(), HEADING);
            cell.setPaddingLeft(2);
            cell.setPaddingRight(2);
            table.addCell(cell);
        }
        List<UnitStatsView> units = report.figures().units();
        if (units.isEmpty()) {
            PdfPCell none = cell(text.text("none"), fonts.italic(TABLE), Element.ALIGN_LEFT);
            none.setColspan(widths.length);
            table.addCell(none);
        }
        int index = 0;
        for (UnitStatsView row : units) {
            index++;
            table.addCell(cell(String.valueOf(index), fonts.regular(TABLE), Element.ALIGN_CENTER));
            table.addCell(cell(text.unitName(row), fonts.regular(TABLE), Element.ALIGN_LEFT));
            for (UnitTable.Column column : columns) {
                String value = column.rate() ? text.percent(row.attendanceRate())
                        : text.count(column.count().applyAsLong(row));
                table.addCell(cell(value, fonts.regular(TABLE), Element.ALIGN_RIGHT));
            }
        }
        PdfPCell label = cell(text.text("units.sum"), fonts.bold(TABLE), Element.ALIGN_LEFT);
        label.setColspan(2);
        label.setBackgroundColor(SUM_FILL);
        table.addCell(label);
        for (UnitTable.Column column : columns) {
            String value = column.rate() ? text.percent(UnitTable.rate(units))
                    : text.count(UnitTable.sum(column, units));
            PdfPCell cell = cell(value, fonts.bold(TABLE), Element.ALIGN_RIGHT);
            cell.setBackgroundColor(SUM_FILL);
            table.addCell(cell);
        }
        document.add(table);
    }

    /** III. One row per piece with its showings, audience and each venue, and the total. */
    private void performances() {
        section(text.text("performances.heading"));
        PdfPTable table = new PdfPTable(new float[] {3, 20, 9, 18, 6, 8, 36});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        for (String column : List.of("col.number", "col.title", "col.genre", "col.performer", "col.showings",
                "col.audience", "col.venues")) {
            table.addCell(headerCell(text.text(column)));
        }
        List<PerformanceStatsView> pieces = report.figures().performances();
        if (pieces.isEmpty()) {
            PdfPCell none = cell(text.text("none"), fonts.italic(TABLE), Element.ALIGN_LEFT);
            none.setColspan(7);
            table.addCell(none);
        }
        int index = 0;
        long showings = 0;
        long audience = 0;
        for (PerformanceStatsView piece : pieces) {
            index++;
            showings += piece.showings();
            audience += piece.audience();
            table.addCell(cell(String.valueOf(index), fonts.regular(TABLE), Element.ALIGN_CENTER));
            table.addCell(cell(ReportText.nfc(piece.title()), fonts.regular(TABLE), Element.ALIGN_LEFT));
            table.addCell(cell(ReportText.nfc(piece.genre()), fonts.regular(TABLE), Element.ALIGN_LEFT));
            table.addCell(cell(text.performer(report.figures(), piece), fonts.regular(TABLE), Element.ALIGN_LEFT));
            table.addCell(cell(text.count(piece.showings()), fonts.regular(TABLE), Element.ALIGN_RIGHT));
            table.addCell(cell(text.count(piece.audience()), fonts.regular(TABLE), Element.ALIGN_RIGHT));
            table.addCell(cell(String.join("\n", text.venues(piece)), fonts.regular(TABLE), Element.ALIGN_LEFT));
        }
        PdfPCell label = cell(text.text("performances.sum"), fonts.bold(TABLE), Element.ALIGN_LEFT);
        label.setColspan(4);
        label.setBackgroundColor(SUM_FILL);
        table.addCell(label);
        for (long value : new long[] {showings, audience}) {
            PdfPCell cell = cell(text.count(value), fonts.bold(TABLE), Element.ALIGN_RIGHT);
            cell.setBackgroundColor(SUM_FILL);
            table.addCell(cell);
        }
        PdfPCell rest = cell("", fonts.regular(TABLE), Element.ALIGN_LEFT);
        rest.setBackgroundColor(SUM_FILL);
        table.addCell(rest);
        document.add(table);
    }

    /** The printing date, the office's signature (who prepared it) and the committee's, side by side. */
    private void signatures() {
        PdfPTable table = new PdfPTable(new float[] {1, 1});
        table.setWidthPercentage(100);
        table.setSpacingBefore(14);
        table.setKeepTogether(true);
        PdfPCell printed = plain(new Phrase(text.printed(report.printedAt()), fonts.italic(SMALL)),
                Element.ALIGN_RIGHT);
        printed.setColspan(2);
        table.addCell(printed);
        for (String role : List.of("signature.office", "signature.committee")) {
            Phrase phrase = new Phrase(new Chunk(text.text(role) + "\n", fonts.bold(BODY)));
            phrase.add(new Chunk(text.text(role + "Hint"), fonts.italic(SMALL)));
            PdfPCell cell = plain(phrase, Element.ALIGN_CENTER);
            cell.setPaddingTop(8);
            cell.setMinimumHeight(90);
            table.addCell(cell);
        }
        document.add(table);
    }

    /** A section's heading, on a new page unless there is room below it for the start of what it heads. */
    private void section(String heading) {
        if (writer.getVerticalPosition(false) - document.bottom() < SECTION_START) {
            document.newPage();
        }
        Paragraph paragraph = new Paragraph(heading, fonts.bold(11));
        paragraph.setSpacingBefore(12);
        paragraph.setKeepTogether(true);
        document.add(paragraph);
    }

    private void header(PdfPTable table, String... columns) {
        for (String column : columns) {
            table.addCell(headerCell(column));
        }
    }

    private PdfPCell headerCell(String text) {
        return headerCell(text, TABLE);
    }

    private PdfPCell headerCell(String text, float size) {
        PdfPCell cell = cell(text, fonts.bold(size), Element.ALIGN_CENTER);
        cell.setBackgroundColor(HEADER_FILL);
        return cell;
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(3);
        cell.setUseAscender(true);
        return cell;
    }

    private static PdfPCell plain(Phrase phrase, int alignment) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(alignment);
        return cell;
    }
}
