package vn.ledger.query.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.ledger.query.stats.PerformanceStatsView;
import vn.ledger.query.stats.UnitStatsView;

/**
 * Writes the quarterly report as CSV for a spreadsheet: UTF-8 with a byte order mark (so Excel reads the diacritics),
 * RFC 4180 (commas, fields quoted where needed, CRLF). The parts come one after another as in the PDF, each a table
 * with one header row, set apart by an empty line: the heading lines (title, committee, the position the figures
 * reflect), I. the committee's totals, II. the units' table with its row summing the units, III. the performances.
 * Counts are plain integers (no thousands separator); the attendance rate is a percentage with one decimal and a dot
 * as decimal separator (95.8), empty when nobody was expected.
 */
final class QuarterlyReportCsv {

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private QuarterlyReportCsv() {}

    static void write(QuarterlyReport report, OutputStream out) throws IOException {
        ReportText text = report.text();
        out.write(BYTE_ORDER_MARK);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, FORMAT);
        csv.printRecord(report.title());
        csv.printRecord(report.committeeName());
        for (String line : report.subtitle()) {
            csv.printRecord(line);
        }

        csv.println();
        csv.printRecord(text.text("totals.heading"));
        csv.printRecord(text.text("col.item"), text.text("col.measure"), text.text("col.value"));
        for (QuarterlyReport.Total total : report.totals()) {
            csv.printRecord(total.label(), total.measure(), total.value());
        }

        csv.println();
        csv.printRecord(text.text("units.heading"));
        List<UnitTable.Column> columns = UnitTable.columns(text);
        List<Object> header = new ArrayList<>(List.of(text.text("col.number"), text.text("col.unit"),
                text.text("col.currentName")));
        columns.forEach(column -> header.add(column.group() + ": " + column.label()));
        csv.printRecord(header);
        List<UnitStatsView> units = report.figures().units();
        int index = 0;
        for (UnitStatsView unit : units) {
            index++;
            List<Object> record = new ArrayList<>(List.of(index, ReportText.nameThen(unit),
                    ReportText.currentNameIfDifferent(unit)));
            for (UnitTable.Column column : columns) {
                record.add(column.rate() ? percent(unit.attendanceRate()) : column.count().applyAsLong(unit));
            }
            csv.printRecord(record);
        }
        List<Object> sum = new ArrayList<>(List.of("", text.text("units.sum"), ""));
        for (UnitTable.Column column : columns) {
            sum.add(column.rate() ? percent(UnitTable.rate(units)) : UnitTable.sum(column, units));
        }
        csv.printRecord(sum);
        csv.printRecord(text.text("units.note"));

        csv.println();
        csv.printRecord(text.text("performances.heading"));
        csv.printRecord(text.text("col.number"), text.text("col.title"), text.text("col.genre"),
                text.text("col.performer"), text.text("col.showings"), text.text("col.audience"),
                text.text("col.venues"));
        index = 0;
        long showings = 0;
        long audience = 0;
        for (PerformanceStatsView piece : report.figures().performances()) {
            index++;
            showings += piece.showings();
            audience += piece.audience();
            csv.printRecord(index, ReportText.nfc(piece.title()), ReportText.nfc(piece.genre()),
                    text.performer(report.figures(), piece), piece.showings(), piece.audience(),
                    String.join("; ", text.venues(piece)));
        }
        csv.printRecord("", text.text("performances.sum"), "", "", showings, audience, "");

        csv.println();
        csv.printRecord(text.printed(report.printedAt()));
        csv.flush();
    }

    /** 95.8 for a rate of 0.958; "" when there is none. */
    static String percent(Double rate) {
        return rate == null ? "" : BigDecimal.valueOf(rate * 100).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
