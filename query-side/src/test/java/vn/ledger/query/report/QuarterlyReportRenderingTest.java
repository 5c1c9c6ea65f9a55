package vn.ledger.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import vn.ledger.events.GuestCategory;
import vn.ledger.query.document.DocumentLanguage;
import vn.ledger.query.stats.PerformanceStatsView;
import vn.ledger.query.stats.QuarterStatsView;
import vn.ledger.query.stats.QuarterlyFigures;
import vn.ledger.query.stats.UnitStatsView;

/**
 * The three writers on figures made here, without a database: a committee of many units fills several landscape pages
 * whose units' table repeats its header and whose pages are numbered; a renamed unit shows both names; a report before
 * the first event says so; and what other libraries read back (PDFBox, fastexcel-reader, commons-csv) is what was put
 * in.
 */
class QuarterlyReportRenderingTest {

    private static final OffsetDateTime PRINTED = OffsetDateTime.parse("2022-10-03T09:15:00+07:00");
    private static final Instant RECORDED = Instant.parse("2022-10-01T01:30:05Z");

    @Test
    void aCommitteeOfManyUnitsFillsNumberedLandscapePagesWithTheUnitsHeaderOnEach() throws IOException {
        QuarterlyReport report = report(figures(80, false), DocumentLanguage.VI);

        byte[] pdf = pdf(report);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(3);
            PDFTextStripper stripper = new PDFTextStripper();
            int withUnits = 0;
            for (int page = 1; page <= pages; page++) {
                PDPage sheet = document.getPage(page - 1);
                assertThat(sheet.getRotation() % 180 == 0 ? sheet.getMediaBox().getWidth()
                        : sheet.getMediaBox().getHeight()).as("landscape").isGreaterThan(800);
                for (COSName name : sheet.getResources().getFontNames()) {
                    PDFont font = sheet.getResources().getFont(name);
                    assertThat(font.getName()).contains("LiberationSans");
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                assertThat(text).as("page %d", page).matches("(?s).*Trang " + page + "\\s*/\\s*" + pages + "\\b.*");
                if (text.contains("Chi bộ số ")) {
                    withUnits++;
                    assertThat(text).as("the header repeats on page %d", page).contains("Tỷ lệ (%)", "Phải dự");
                }
            }
            assertThat(withUnits).isGreaterThan(1);
            String all = Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC)
                    .replaceAll("\\s+", " ");
            assertThat(all).contains("ĐẢNG ỦY SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
                    "BÁO CÁO KẾT QUẢ SINH HOẠT CHUYÊN ĐỀ QUÝ III NĂM 2022",
                    "Số liệu tính đến vị trí 1204 của sổ, lúc 08:30:05 ngày 01/10/2022.",
                    "Chi bộ số 1 (nay là Chi bộ Văn hóa số 1)", "Cộng các đơn vị 80 80 0",
                    "Nghĩa gia đình, tình làng xóm", "Thành phố Cao Lãnh, 15/07/2022: 1.200",
                    "Ngày in: 03/10/2022 09:15");
        }
    }

    @Test
    void theWorkbookHasAWorksheetPerPartWithNumbersAsNumbers() throws IOException {
        QuarterlyReport report = report(figures(30, true), DocumentLanguage.VI);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        QuarterlyReportXlsx.write(report, out);

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()),
                new ReadingOptions(true, false))) {
            assertThat(workbook.getSheets().map(sheet -> sheet.getName()).toList())
                    .containsExactly("Tổng hợp", "Theo đơn vị", "Biểu diễn");
            List<Row> units = workbook.findSheet("Theo đơn vị").orElseThrow().read();
            List<Row> numbered = units.stream().filter(row -> text(row, 0).matches("\\d+")).toList();
            assertThat(numbered).hasSize(30);
            Row renamed = numbered.get(0);
            assertThat(text(renamed, 1)).isEqualTo("Chi bộ số 1");
            assertThat(text(renamed, 2)).isEqualTo("Chi bộ Văn hóa số 1");
            assertThat(text(numbered.get(1), 2)).as("no current name when it is the same").isEmpty();
            for (int column = 3; column < 17; column++) {
                assertThat(renamed.getCell(column).getType()).as("column %d", column).isEqualTo(CellType.NUMBER);
            }
            assertThat(renamed.getCell(8).getDataFormatString()).as("the rate").isEqualTo("0.0%");
            assertThat(renamed.getCell(16).getDataFormatString()).as("the audience").isEqualTo("#,##0");
            List<String> notes = units.stream().map(row -> text(row, 0)).toList();
            assertThat(notes).anyMatch(note -> note.startsWith("Phần II chỉ gồm các đơn vị do người in báo cáo"));
        }
    }

    @Test
    void theCsvIsUtf8WithAByteOrderMarkAndCrlfAndThePartsOneAfterAnother() throws IOException {
        QuarterlyReport report = report(figures(3, false), DocumentLanguage.EN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        QuarterlyReportCsv.write(report, out);

        byte[] bytes = out.toByteArray();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n").doesNotContain("\r\r");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        List<String> firsts = records.stream().map(record -> record.get(0)).toList();
        assertThat(firsts).containsSubsequence("REPORT ON THE THEMATIC SESSIONS OF QUARTER III OF 2022",
                "I. THE WHOLE COMMITTEE", "II. BY UNIT", "III. ART PERFORMANCES", "Printed: 03/10/2022 09:15");
        CSVRecord sum = records.stream().filter(record -> record.size() > 1 && record.get(1).equals(
                "Sum of the units")).findFirst().orElseThrow();
        assertThat(sum.get(3)).isEqualTo("3");
        assertThat(sum.values()).contains("5300");
    }

    @Test
    void beforeTheFirstEventTheReportSaysTheLedgerHeldNothingYet() throws IOException {
        QuarterStatsView none = new QuarterStatsView("2022-Q3", 0, 0, 0, 0, 0, 0);
        Instant asked = Instant.parse("2022-06-30T17:00:00Z");
        QuarterlyFigures empty = new QuarterlyFigures(2022, 3, null, asked, null, none, List.of(), false, List.of(),
                Map.of());

        String text = new PDFTextStripper().getText(Loader.loadPDF(pdf(report(empty, DocumentLanguage.VI))));

        assertThat(Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " "))
                .contains("Số liệu tính đến lúc 00:00:00 ngày 01/07/2022: sổ chưa ghi sự kiện nào.", "(Không có)");
    }

    private static QuarterlyReport report(QuarterlyFigures figures, DocumentLanguage language) {
        return new QuarterlyReport(figures, new ReportText(language), "Đảng ủy Sở Văn hóa, Thể thao và Du lịch",
                PRINTED);
    }

    private static byte[] pdf(QuarterlyReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QuarterlyReportPdf.write(report, out);
        return out.toByteArray();
    }

    /** {@code count} cells, the first renamed since, the first performing the tour of six showings (5,300). */
    private static QuarterlyFigures figures(int count, boolean restricted) {
        List<UnitStatsView> units = new ArrayList<>();
        UUID performer = null;
        for (int i = 1; i <= count; i++) {
            UUID id = UUID.nameUUIDFromBytes(("unit-" + i).getBytes(StandardCharsets.UTF_8));
            performer = performer == null ? id : performer;
            Map<String, Long> guests = new LinkedHashMap<>();
            for (GuestCategory category : GuestCategory.values()) {
                guests.put(category.name(), (long) (10 * i + category.ordinal()));
            }
            long expected = 10 + i % 7;
            long present = expected - i % 3;
            units.add(new UnitStatsView(id, i == 1 ? "Chi bộ Văn hóa số 1" : "Chi bộ số " + i, "Chi bộ số " + i,
                    null, null, 1, 1, 0, expected, present, (double) present / expected, guests, i == 1 ? 6 : 0,
                    i == 1 ? 5300 : 0));
        }
        int[] audiences = {1200, 950, 800, 1050, 700, 600};
        String[] venues = {"Thành phố Cao Lãnh", "Huyện Tháp Mười", "Thành phố Sa Đéc", "Huyện Châu Thành",
            "Huyện Lai Vung", "Thành phố Hồng Ngự"};
        List<PerformanceStatsView.Showing> showings = new ArrayList<>();
        for (int i = 0; i < audiences.length; i++) {
            showings.add(new PerformanceStatsView.Showing(UUID.nameUUIDFromBytes(new byte[] {(byte) i}), venues[i],
                    LocalDate.parse("2022-07-15").plusWeeks(2L * i), audiences[i]));
        }
        List<PerformanceStatsView> pieces = List.of(new PerformanceStatsView("Nghĩa gia đình, tình làng xóm",
                "cải lương", performer, 6, 5300, showings));
        QuarterStatsView totals = new QuarterStatsView("2022-Q3", 1, 150, 1275, 6, 5300, 6725);
        return new QuarterlyFigures(2022, 3, 1204L, null, RECORDED, totals, units, restricted, pieces,
                Map.of(performer, "Chi bộ số 1"));
    }

    private static String text(Row row, int column) {
        return row.hasCell(column) && row.getCell(column) != null ? row.getCellText(column) : "";
    }
}
