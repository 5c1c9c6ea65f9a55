package vn.ledger.query.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Position;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.ledger.events.GuestCategory;

/**
 * Writes an attendance sheet as one XLSX worksheet with fastexcel, laid out like the PDF: five columns (number, full
 * name, unit or organisation, signature, note), the member table's header row repeated on every printed page, A4
 * portrait fitted to the page's width, and page numbers in the footer.
 *
 * <p>Rows are flushed to the stream every {@link #SLICE} members, so a sheet of thousands holds one slice in memory.
 */
final class AttendanceSheetXlsx {

    static final int SLICE = 500;

    private static final int NUMBER = 0;
    private static final int NAME = 1;
    private static final int UNIT = 2;
    private static final int SIGNATURE = 3;
    private static final int NOTE = 4;
    private static final int LAST = NOTE;
    private static final String HEADER_FILL = "E8E8E8";
    private static final String SECTION_FILL = "F4F4F4";
    private static final double SIGNING_ROW = 24;

    private final Worksheet sheet;
    private final SheetLanguage language;
    private int row;

    private AttendanceSheetXlsx(Worksheet sheet, SheetLanguage language) {
        this.sheet = sheet;
        this.language = language;
    }

    static void write(SessionRoster roster, SheetLanguage language, OffsetDateTime printedAt, OutputStream out)
            throws IOException {
        Workbook workbook = new Workbook(out, "Thematic-session ledger", "1.0");
        workbook.setGlobalDefaultFont("Arial", 11);
        workbook.properties().setTitle(language.text("file.title"));
        Worksheet sheet = workbook.newWorksheet(language.text("sheet.name"));
        // column widths and page setup come before the first flush: they precede the rows in the file
        sheet.width(NUMBER, 6);
        sheet.width(NAME, 30);
        sheet.width(UNIT, 30);
        sheet.width(SIGNATURE, 18);
        sheet.width(NOTE, 18);
        sheet.paperSize(PaperSize.A4_PAPER);
        sheet.pageOrientation("portrait");
        sheet.setFitToPage(true);
        sheet.fitToWidth((short) 1);
        sheet.fitToHeight((short) 0);
        sheet.footer(language.text("page", "&P") + "&N", Position.CENTER);
        AttendanceSheetXlsx writer = new AttendanceSheetXlsx(sheet, language);
        writer.heading(roster);
        writer.expected(roster);
        writer.exempt(roster);
        writer.guests(roster);
        writer.signatures(printedAt);
        workbook.finish();
    }

    private void heading(SessionRoster roster) {
        String units = roster.session().units().stream()
                .map(unit -> unit.name() == null ? unit.unitId().toString() : unit.name())
                .map(name -> name.toUpperCase(language.locale()))
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
        merged(NUMBER, UNIT, units);
        sheet.style(row, NUMBER).bold().horizontalAlignment("center").wrapText(true).set();
        merged(SIGNATURE, NOTE, language.text("party"));
        sheet.style(row, SIGNATURE).bold().horizontalAlignment("center").set();
        if (roster.session().units().size() > 1) {
            sheet.rowHeight(row, 15 * roster.session().units().size());
        }
        row += 2;
        merged(NUMBER, LAST, language.text("title"));
        sheet.style(row, NUMBER).bold().fontSize(14).horizontalAlignment("center").set();
        row += 2;
        for (SheetText.Detail detail : SheetText.details(roster.session(), language)) {
            merged(NUMBER, NAME, detail.label());
            sheet.style(row, NUMBER).bold().verticalAlignment("top").set();
            merged(UNIT, LAST, detail.value());
            sheet.style(row, UNIT).wrapText(true).verticalAlignment("top").set();
            row++;
        }
        String cancelled = SheetText.cancelled(roster.session(), language);
        if (cancelled != null) {
            merged(NUMBER, LAST, cancelled);
            sheet.style(row, NUMBER).bold().set();
            row++;
        }
    }

    private void expected(SessionRoster roster) throws IOException {
        section(language.text("expected.heading", roster.expected().size()));
        sheet.repeatRows(row);
        header(language.text("col.number"), language.text("col.fullName"), language.text("col.unit"),
                language.text("col.signature"), language.text("col.note"));
        if (roster.expected().isEmpty()) {
            none();
        }
        int number = 0;
        for (SessionRoster.Member member : roster.expected()) {
            number++;
            sheet.value(row, NUMBER, number);
            sheet.value(row, NAME, member.fullName());
            sheet.value(row, UNIT, Objects.requireNonNullElse(member.unitName(), ""));
            bordered(NUMBER, NOTE);
            sheet.style(row, NUMBER).horizontalAlignment("center").verticalAlignment("center")
                    .borderStyle(BorderStyle.THIN).set();
            sheet.rowHeight(row, SIGNING_ROW);
            row++;
            if (number % SLICE == 0) {
                sheet.flush();
            }
        }
    }

    private void exempt(SessionRoster roster) throws IOException {
        row++;
        section(language.text("exempt.heading", roster.exempt().size()));
        merged(NUMBER, LAST, language.text("exempt.hint"));
        sheet.style(row, NUMBER).italic().set();
        row++;
        header(language.text("col.number"), language.text("col.fullName"), language.text("col.unit"),
                language.text("col.exemptPeriod"), language.text("col.note"));
        if (roster.exempt().isEmpty()) {
            none();
        }
        int number = 0;
        for (SessionRoster.ExemptMember member : roster.exempt()) {
            number++;
            sheet.value(row, NUMBER, number);
            sheet.value(row, NAME, member.fullName());
            sheet.value(row, UNIT, Objects.requireNonNullElse(member.unitName(), ""));
            sheet.value(row, SIGNATURE, SheetText.period(member.from(), member.to()));
            bordered(NUMBER, NOTE);
            sheet.style(row, NUMBER).horizontalAlignment("center").borderStyle(BorderStyle.THIN).set();
            row++;
            if (number % SLICE == 0) {
                sheet.flush();
            }
        }
    }

    private void guests(SessionRoster roster) {
        row++;
        section(language.text("guests.heading"));
        int index = 0;
        for (GuestCategory category : GuestCategory.values()) {
            index++;
            merged(NUMBER, LAST, index + ". " + SheetText.guestCategory(category, language));
            sheet.range(row, NUMBER, row, LAST).style().bold().fillColor(SECTION_FILL)
                    .borderStyle(BorderStyle.THIN).set();
            row++;
            header(language.text("col.number"), language.text("col.fullName"), language.text("col.organisation"),
                    language.text("col.signature"), language.text("col.note"));
            for (int blank = 1; blank <= SheetText.GUEST_ROWS; blank++) {
                sheet.value(row, NUMBER, blank);
                bordered(NUMBER, NOTE);
                sheet.style(row, NUMBER).horizontalAlignment("center").verticalAlignment("center")
                        .borderStyle(BorderStyle.THIN).set();
                sheet.rowHeight(row, SIGNING_ROW);
                row++;
            }
            merged(NUMBER, LAST, language.text("guests.subtotal"));
            sheet.style(row, NUMBER).italic().horizontalAlignment("right").set();
            row += 2;
        }
        merged(NUMBER, LAST, language.text("total", roster.expected().size()));
        sheet.style(row, NUMBER).bold().set();
        row += 2;
    }

    private void signatures(OffsetDateTime printedAt) {
        merged(UNIT, LAST, SheetText.printed(printedAt, language));
        sheet.style(row, UNIT).italic().horizontalAlignment("right").set();
        row++;
        List<String> roles = List.of("signature.minuteTaker", "signature.secretary");
        merged(NUMBER, NAME, language.text(roles.get(0)));
        sheet.style(row, NUMBER).bold().horizontalAlignment("center").set();
        merged(UNIT, LAST, language.text(roles.get(1)));
        sheet.style(row, UNIT).bold().horizontalAlignment("center").set();
        row++;
        merged(NUMBER, NAME, language.text("signature.hint"));
        sheet.style(row, NUMBER).italic().horizontalAlignment("center").set();
        merged(UNIT, LAST, language.text("signature.hint"));
        sheet.style(row, UNIT).italic().horizontalAlignment("center").set();
        row++;
    }

    private void section(String heading) {
        merged(NUMBER, LAST, heading);
        sheet.style(row, NUMBER).bold().fontSize(12).set();
        row++;
    }

    private void header(String... columns) {
        for (int column = 0; column < columns.length; column++) {
            sheet.value(row, column, columns[column]);
        }
        sheet.range(row, NUMBER, row, columns.length - 1).style().bold().fillColor(HEADER_FILL)
                .horizontalAlignment("center").verticalAlignment("center").wrapText(true)
                .borderStyle(BorderStyle.THIN).set();
        row++;
    }

    private void none() {
        merged(NUMBER, LAST, language.text("none"));
        sheet.range(row, NUMBER, row, LAST).style().italic().borderStyle(BorderStyle.THIN).set();
        row++;
    }

    private void bordered(int from, int to) {
        sheet.range(row, from, row, to).style().verticalAlignment("center").wrapText(true)
                .borderStyle(BorderStyle.THIN).set();
    }

    /** The text in the first cell of a merged range of this row. */
    private void merged(int from, int to, String text) {
        sheet.value(row, from, text);
        sheet.range(row, from, row, to).merge();
    }
}
