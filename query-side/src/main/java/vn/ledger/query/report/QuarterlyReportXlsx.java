package vn.ledger.query.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Position;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.ledger.query.stats.PerformanceStatsView;
import vn.ledger.query.stats.UnitStatsView;

/**
 * Writes the quarterly report as an XLSX workbook with fastexcel, one worksheet per part: the committee's totals with
 * the heading and the signatures, the units' table, the performances. Every count is a number cell (the attendance
 * rate a number formatted as a percentage), each table's header rows are styled, frozen, and repeated on every printed
 * page; A4 landscape fitted to the page's width, page numbers in the footer.
 */
final class QuarterlyReportXlsx {

    private static final String HEADER_FILL = "E8E8E8";
    private static final String SUM_FILL = "F4F4F4";
    private static final String COUNT = "#,##0";
    private static final String RATE = "0.0%";

    private final QuarterlyReport report;
    private final ReportText text;

    private QuarterlyReportXlsx(QuarterlyReport report) {
        this.report = report;
        this.text = report.text();
    }

    static void write(QuarterlyReport report, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Thematic-session ledger", "1.0");
        workbook.setGlobalDefaultFont("Arial", 10);
        workbook.properties().setTitle(report.text().fileTitle(report.figures()));
        workbook.properties().setSubject(report.asOf());
        QuarterlyReportXlsx writer = new QuarterlyReportXlsx(report);
        writer.totals(workbook.newWorksheet(report.text().text("sheet.totals")));
        writer.units(workbook.newWorksheet(report.text().text("sheet.units")));
        writer.performances(workbook.newWorksheet(report.text().text("sheet.performances")));
        workbook.finish();
    }

    /** The heading, I. the committee's totals, and the printing date and signatures. */
    private void totals(Worksheet sheet) {
        page(sheet);
        sheet.width(0, 50);
        sheet.width(1, 14);
        sheet.width(2, 14);
        sheet.width(3, 6);
        sheet.width(4, 40);
        sheet.value(0, 0, report.committeeName().toUpperCase(text.locale()));
        sheet.style(0, 0).bold().set();
        sheet.value(0, 4, text.text("party"));
        sheet.style(0, 4).bold().horizontalAlignment("center").set();
        int row = 2;
        merged(sheet, row, 0, 4, report.title());
        sheet.style(row, 0).bold().fontSize(13).horizontalAlignment("center").set();
        row++;
        for (String line : report.subtitle()) {
            merged(sheet, row, 0, 4, line);
            sheet.style(row, 0).italic().horizontalAlignment("center").set();
            row++;
        }
        row++;
        sheet.value(row, 0, text.text("totals.heading"));
        sheet.style(row, 0).bold().fontSize(11).set();
        row++;
        header(sheet, row, List.of(text.text("col.item"), text.text("col.measure"), text.text("col.value")));
        row++;
        List<QuarterlyReport.Total> totals = report.totals();
        for (int i = 0; i < totals.size(); i++) {
            QuarterlyReport.Total total = totals.get(i);
            sheet.value(row, 0, total.label());
            sheet.value(row, 1, total.measure());
            sheet.value(row, 2, total.value());
            sheet.range(row, 0, row, 2).style().borderStyle(BorderStyle.THIN).set();
            sheet.style(row, 1).horizontalAlignment("center").borderStyle(BorderStyle.THIN).set();
            sheet.style(row, 2).format(COUNT).borderStyle(BorderStyle.THIN).set();
            if (i == totals.size() - 1) {
                sheet.range(row, 0, row, 1).style().bold().borderStyle(BorderStyle.THIN).set();
                sheet.style(row, 2).bold().format(COUNT).borderStyle(BorderStyle.THIN).set();
            }
            row++;
        }
        row++;
        sheet.value(row, 4, text.printed(report.printedAt()));
        sheet.style(row, 4).italic().horizontalAlignment("center").set();
        row++;
        sheet.value(row, 0, text.text("signature.office"));
        sheet.style(row, 0).bold().horizontalAlignment("center").set();
        sheet.value(row, 4, text.text("signature.committee"));
        sheet.style(row, 4).bold().horizontalAlignment("center").set();
        row++;
        sheet.value(row, 0, text.text("signature.officeHint"));
        sheet.style(row, 0).italic().horizontalAlignment("center").set();
        sheet.value(row, 4, text.text("signature.committeeHint"));
        sheet.style(row, 4).italic().horizontalAlignment("center").set();
    }

    /** II. The units' table: two header rows (frozen, with the number and the names), a row per unit, the sum. */
    private void units(Worksheet sheet) {
        List<UnitTable.Column> columns = UnitTable.columns(text);
        int last = columns.size() + 2;
        page(sheet);
        sheet.width(0, 5);
        sheet.width(1, 36);
        sheet.width(2, 24);
        for (int i = 0; i < columns.size(); i++) {
            sheet.width(i + 3, columns.get(i).group().equals(text.text("group.guests")) ? 14 : 10);
        }
        merged(sheet, 0, 0, last, text.text("units.heading") + " – " + report.title());
        sheet.style(0, 0).bold().fontSize(11).set();
        merged(sheet, 1, 0, last, report.asOf());
        sheet.style(1, 0).italic().set();

        int top = 2;
        sheet.value(top, 0, text.text("col.number"));
        sheet.range(top, 0, top + 1, 0).merge();
        sheet.value(top, 1, text.text("col.unit"));
        sheet.range(top, 1, top + 1, 1).merge();
        sheet.value(top, 2, text.text("col.currentName"));
        sheet.range(top, 2, top + 1, 2).merge();
        for (UnitTable.Group group : UnitTable.groups(columns)) {
            sheet.value(top, group.first() + 3, group.label());
            if (group.size() > 1) {
                sheet.range(top, group.first() + 3, top, group.first() + 2 + group.size()).merge();
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            sheet.value(top + 1, i + 3, columns.get(i).label());
        }
        sheet.range(top, 0, top + 1, last).style().bold().fillColor(HEADER_FILL).horizontalAlignment("center")
                .verticalAlignment("center").wrapText(true).borderStyle(BorderStyle.THIN).set();
        sheet.rowHeight(top + 1, 54);
        sheet.freezePane(3, top + 2);
        sheet.repeatRows(top, top + 1);

        int row = top + 2;
        List<UnitStatsView> units = report.figures().units();
        int index = 0;
        for (UnitStatsView unit : units) {
            index++;
            sheet.value(row, 0, index);
            sheet.value(row, 1, ReportText.nameThen(unit));
            sheet.value(row, 2, ReportText.currentNameIfDifferent(unit));
            for (int i = 0; i < columns.size(); i++) {
                UnitTable.Column column = columns.get(i);
                if (column.rate()) {
                    if (unit.attendanceRate() != null) {
                        sheet.value(row, i + 3, unit.attendanceRate());
                    }
                } else {
                    sheet.value(row, i + 3, column.count().applyAsLong(unit));
                }
            }
            numbers(sheet, row, columns, false);
            row++;
        }
        sheet.value(row, 1, text.text("units.sum"));
        for (int i = 0; i < columns.size(); i++) {
            UnitTable.Column column = columns.get(i);
            if (column.rate()) {
                Double rate = UnitTable.rate(units);
                if (rate != null) {
                    sheet.value(row, i + 3, rate);
                }
            } else {
                sheet.value(row, i + 3, UnitTable.sum(column, units));
            }
        }
        numbers(sheet, row, columns, true);
        row += 2;
        merged(sheet, row, 0, last, text.text("units.note"));
        sheet.style(row, 0).italic().wrapText(true).verticalAlignment("top").set();
        sheet.rowHeight(row, 28);
        if (report.figures().unitsRestricted()) {
            row++;
            merged(sheet, row, 0, last, text.text("restricted"));
            sheet.style(row, 0).italic().set();
        }
    }

    /** III. A row per piece: its showings, audience and each venue; then the total. */
    private void performances(Worksheet sheet) {
        page(sheet);
        sheet.width(0, 5);
        sheet.width(1, 32);
        sheet.width(2, 14);
        sheet.width(3, 32);
        sheet.width(4, 10);
        sheet.width(5, 12);
        sheet.width(6, 48);
        merged(sheet, 0, 0, 6, text.text("performances.heading") + " – " + report.title());
        sheet.style(0, 0).bold().fontSize(11).set();
        merged(sheet, 1, 0, 6, report.asOf());
        sheet.style(1, 0).italic().set();
        int top = 2;
        header(sheet, top, List.of(text.text("col.number"), text.text("col.title"), text.text("col.genre"),
                text.text("col.performer"), text.text("col.showings"), text.text("col.audience"),
                text.text("col.venues")));
        sheet.freezePane(0, top + 1);
        sheet.repeatRows(top);
        int row = top + 1;
        long showings = 0;
        long audience = 0;
        int index = 0;
        for (PerformanceStatsView piece : report.figures().performances()) {
            index++;
            showings += piece.showings();
            audience += piece.audience();
            List<String> venues = text.venues(piece);
            sheet.value(row, 0, index);
            sheet.value(row, 1, ReportText.nfc(piece.title()));
            sheet.value(row, 2, ReportText.nfc(piece.genre()));
            sheet.value(row, 3, text.performer(report.figures(), piece));
            sheet.value(row, 4, piece.showings());
            sheet.value(row, 5, piece.audience());
            sheet.value(row, 6, String.join("\n", venues));
            sheet.range(row, 0, row, 6).style().verticalAlignment("top").wrapText(true)
                    .borderStyle(BorderStyle.THIN).set();
            sheet.range(row, 4, row, 5).style().verticalAlignment("top").format(COUNT)
                    .borderStyle(BorderStyle.THIN).set();
            sheet.rowHeight(row, Math.max(15, 13 * venues.size()));
            row++;
        }
        sheet.value(row, 1, text.text("performances.sum"));
        sheet.value(row, 4, showings);
        sheet.value(row, 5, audience);
        sheet.range(row, 0, row, 6).style().bold().fillColor(SUM_FILL).borderStyle(BorderStyle.THIN).set();
        sheet.range(row, 4, row, 5).style().bold().fillColor(SUM_FILL).format(COUNT)
                .borderStyle(BorderStyle.THIN).set();
    }

    /** The styles of a row of the units' table: bordered, counts grouped, the rate as a percentage. */
    private static void numbers(Worksheet sheet, int row, List<UnitTable.Column> columns, boolean sum) {
        int last = columns.size() + 2;
        sheet.range(row, 0, row, last).style().verticalAlignment("center").borderStyle(BorderStyle.THIN).set();
        sheet.range(row, 1, row, 2).style().wrapText(true).set();
        sheet.range(row, 3, row, last).style().format(COUNT).set();
        sheet.style(row, 0).horizontalAlignment("center").set();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).rate()) {
                sheet.style(row, i + 3).format(RATE).set();
            }
        }
        if (sum) {
            sheet.range(row, 0, row, last).style().bold().fillColor(SUM_FILL).set();
        }
    }

    /** A4 landscape, fitted to the page's width, "Trang n/N" in the footer. */
    private void page(Worksheet sheet) {
        sheet.paperSize(PaperSize.A4_PAPER);
        sheet.pageOrientation("landscape");
        sheet.setFitToPage(true);
        sheet.fitToWidth((short) 1);
        sheet.fitToHeight((short) 0);
        sheet.footer(text.text("page", "&P") + "&N", Position.CENTER);
    }

    private void header(Worksheet sheet, int row, List<String> columns) {
        for (int column = 0; column < columns.size(); column++) {
            sheet.value(row, column, columns.get(column));
        }
        sheet.range(row, 0, row, columns.size() - 1).style().bold().fillColor(HEADER_FILL)
                .horizontalAlignment("center").verticalAlignment("center").wrapText(true)
                .borderStyle(BorderStyle.THIN).set();
    }

    private static void merged(Worksheet sheet, int row, int from, int to, String value) {
        sheet.value(row, from, value);
        sheet.range(row, from, row, to).merge();
    }
}
