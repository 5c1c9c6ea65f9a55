package vn.ledger.command.rosterimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads a roster file, XLSX or CSV (told apart by their first bytes, not by the name), into rows of cells by
 * column. The first non-empty row is the header; empty rows are skipped; row numbers are the spreadsheet's.
 */
final class RosterFiles {

    /** A cell as the file holds it. */
    sealed interface Value {
        /** Text (every CSV cell, and XLSX text cells), cleaned of extra white space. */
        record Text(String text) implements Value {}

        /** An XLSX number, and whether its display format is a date's. */
        record Number(BigDecimal number, LocalDate asDate) implements Value {}

        /** An XLSX formula. */
        record Formula(String formula) implements Value {}

        /** An XLSX error value such as #REF!. */
        record Error(String error) implements Value {}
    }

    /** One data row: its spreadsheet number and its non-empty cells by column. */
    record SourceRow(int number, Map<RosterColumn, Value> cells) {}

    /** The rows of a file, and what was wrong with its header (row 1 errors). */
    record RosterFile(List<SourceRow> rows, List<ImportIssue> headerErrors) {}

    private static final int HEADER_SCAN_CELLS = 50;

    private final int maxRows;
    private final ImportLanguage language;

    RosterFiles(int maxRows, ImportLanguage language) {
        this.maxRows = maxRows;
        this.language = language;
    }

    RosterFile read(byte[] content) {
        if (content.length == 0) {
            throw new ImportRejected(400, "file-empty", language == ImportLanguage.EN
                    ? "The file is empty." : "Tệp rỗng.");
        }
        byte[] head = java.util.Arrays.copyOf(content, 8); // zero-padded: the checks need 8 bytes
        if (ReadableWorkbook.isOLE2Header(head)) {
            throw new ImportRejected(400, "workbook-encrypted", language == ImportLanguage.EN
                    ? "The workbook is password-protected or in the old .xls format: remove the password and save it "
                            + "as .xlsx (or CSV UTF-8)."
                    : "Sổ tính có mật khẩu hoặc ở dạng .xls cũ: hãy bỏ mật khẩu và lưu lại dạng .xlsx (hoặc CSV UTF-8).");
        }
        if (ReadableWorkbook.isOOXMLZipHeader(head)) {
            return readXlsx(content);
        }
        return readCsv(content);
    }

    // ---- XLSX

    private RosterFile readXlsx(byte[] content) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content),
                new ReadingOptions(true, false));
             Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            Rows rows = new Rows();
            Iterator<Row> iterator = stream.iterator();
            while (iterator.hasNext()) {
                Row row = iterator.next();
                List<Value> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(value(row.getCell(i)));
                }
                rows.add(row.getRowNum(), cells);
            }
            return rows.file();
        } catch (ImportRejected rejected) {
            throw rejected;
        } catch (IOException | RuntimeException unreadable) {
            throw new ImportRejected(400, "workbook-unreadable", language == ImportLanguage.EN
                    ? "The workbook could not be read; it may be damaged. Open it, save it again as .xlsx and retry."
                    : "Không đọc được sổ tính; tệp có thể bị hỏng. Hãy mở, lưu lại dạng .xlsx rồi thử lại.");
        }
    }

    private static Value value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getType();
        return switch (type) {
            case EMPTY -> null;
            case FORMULA -> new Value.Formula(cell.getFormula());
            case ERROR -> new Value.Error(cell.getRawValue());
            case NUMBER -> {
                BigDecimal number = cell.asNumber();
                LocalDate date = null;
                if (isDateFormat(cell.getDataFormatString())) {
                    try {
                        date = cell.asDate().toLocalDate();
                    } catch (RuntimeException notADate) {
                        // a date-formatted number no calendar has: the row's date error says so
                    }
                }
                yield new Value.Number(number, date);
            }
            case BOOLEAN -> new Value.Text(String.valueOf(cell.asBoolean()));
            case STRING -> text(cell.asString());
        };
    }

    /** Whether an Excel number format shows a date: it has a day, month or year part outside quotes. */
    static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase(Locale.ROOT);
        return bare.contains("d") || bare.contains("y") || (bare.contains("m") && !bare.contains("h"));
    }

    private static Value text(String text) {
        String clean = Folding.clean(text);
        return clean == null || clean.isEmpty() ? null : new Value.Text(clean);
    }

    // ---- CSV

    private RosterFile readCsv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new ImportRejected(400, "not-utf8", language == ImportLanguage.EN
                    ? "The file is neither an .xlsx workbook nor CSV in UTF-8. In Excel, save it as "
                            + "“CSV UTF-8 (Comma delimited)” or as .xlsx."
                    : "Tệp không phải sổ tính .xlsx cũng không phải CSV mã UTF-8. Trong Excel, hãy lưu dạng "
                            + "“CSV UTF-8 (Comma delimited)” hoặc .xlsx.");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiterOf(text))
                .setIgnoreSurroundingSpaces(true)
                .get();
        Rows rows = new Rows();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<Value> cells = new ArrayList<>(record.size());
                for (String cell : record) {
                    cells.add(text(cell));
                }
                rows.add(Math.toIntExact(record.getRecordNumber()), cells);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            throw new ImportRejected(400, "csv-malformed", language == ImportLanguage.EN
                    ? "The CSV file could not be read (a quote is not closed?): " + malformed.getMessage()
                    : "Không đọc được tệp CSV (có dấu ngoặc kép chưa đóng?): " + malformed.getMessage());
        }
        return rows.file();
    }

    /** Comma unless the header line has more semicolons or tabs (Excel's CSV in some locales). */
    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long commas = header.chars().filter(c -> c == ',').count();
        long semicolons = header.chars().filter(c -> c == ';').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    // ---- both

    /** Gathers rows: the first non-empty one is the header, the rest are data rows by column. */
    private final class Rows {
        private Map<Integer, RosterColumn> columns;
        private final List<ImportIssue> headerErrors = new ArrayList<>();
        private final List<SourceRow> rows = new ArrayList<>();

        void add(int number, List<Value> cells) {
            if (cells.stream().allMatch(java.util.Objects::isNull)) {
                return;
            }
            if (columns == null) {
                header(number, cells);
                return;
            }
            if (rows.size() == maxRows) {
                throw new ImportRejected(413, "too-many-rows", language == ImportLanguage.EN
                        ? "The file has more than " + maxRows + " rows; split it into several files."
                        : "Tệp có hơn " + maxRows + " dòng; hãy chia thành nhiều tệp.");
            }
            Map<RosterColumn, Value> byColumn = new EnumMap<>(RosterColumn.class);
            for (int i = 0; i < cells.size(); i++) {
                Value value = cells.get(i);
                RosterColumn column = columns.get(i);
                if (value != null && column != null) {
                    byColumn.put(column, value);
                }
            }
            rows.add(new SourceRow(number, byColumn));
        }

        private void header(int number, List<Value> cells) {
            columns = new HashMap<>();
            Map<RosterColumn, Integer> seen = new EnumMap<>(RosterColumn.class);
            for (int i = 0; i < Math.min(cells.size(), HEADER_SCAN_CELLS); i++) {
                if (!(cells.get(i) instanceof Value.Text text)) {
                    if (cells.get(i) != null) {
                        headerErrors.add(new ImportIssue(number, null, ImportText.UNKNOWN_COLUMN.code(),
                                ImportText.UNKNOWN_COLUMN.format(language, String.valueOf(cells.get(i)))));
                    }
                    continue;
                }
                String name = text.text();
                var column = RosterColumn.named(name);
                if (column.isEmpty()) {
                    headerErrors.add(new ImportIssue(number, name, ImportText.UNKNOWN_COLUMN.code(),
                            ImportText.UNKNOWN_COLUMN.format(language, name)));
                } else if (seen.putIfAbsent(column.get(), i) != null) {
                    headerErrors.add(new ImportIssue(number, name, ImportText.DUPLICATE_COLUMN.code(),
                            ImportText.DUPLICATE_COLUMN.format(language, name)));
                } else {
                    columns.put(i, column.get());
                }
            }
            for (RosterColumn required : RosterColumn.requiredInHeader()) {
                if (!seen.containsKey(required)) {
                    String label = required.label(language);
                    headerErrors.add(new ImportIssue(number, label, ImportText.MISSING_COLUMN.code(),
                            ImportText.MISSING_COLUMN.format(language, label)));
                }
            }
        }

        RosterFile file() {
            if (columns == null) {
                headerErrors.add(new ImportIssue(1, null, ImportText.NO_HEADER.code(),
                        ImportText.NO_HEADER.format(language)));
            }
            return new RosterFile(rows, headerErrors);
        }
    }
}
