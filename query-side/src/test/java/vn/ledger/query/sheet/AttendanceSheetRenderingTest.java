package vn.ledger.query.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * The two renderers on a roster made here, without a database: a sheet of thousands of members renders, every page
 * repeats the table header and is numbered, and the text read back by other libraries (PDFBox, fastexcel-reader) is
 * the text put in.
 */
class AttendanceSheetRenderingTest {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
        "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Thị Ánh", "Đức", "Minh", "Ngọc", "Hữu", "Thị Thu"};
    private static final String[] GIVEN = {"An", "Ăn", "Ân", "Bình", "Cường", "Dũng", "Đặng", "Hường", "Hùng", "Huy",
        "Khánh", "Lộc", "Nguyệt", "Ổn", "Phước", "Quỳnh", "Sơn", "Thảo", "Tuyết", "Ước", "Xuân", "Yến"};
    private static final OffsetDateTime PRINTED = OffsetDateTime.parse("2022-09-14T16:30:00+07:00");

    @Test
    void aSheetOfThousandsOfMembersRendersWithItsHeaderAndNumberOnEveryPage() throws IOException {
        SessionRoster roster = roster(3000, 12);

        byte[] pdf = pdf(roster, SheetLanguage.VI);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(80);
            assertOnlyEmbeddedLiberationSans(document);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                assertThat(text).as("page %d", page).matches("(?s).*Trang " + page + "\\s*/\\s*" + pages + "\\b.*");
                if (page > 1 && page < pages - 2) {
                    assertThat(text).as("the header repeats on page %d", page).contains("Họ và tên", "Ký tên");
                }
            }
            stripper.setStartPage(1);
            stripper.setEndPage(pages);
            String all = Normalizer.normalize(stripper.getText(document), Normalizer.Form.NFC);
            int position = 0;
            for (SessionRoster.Member member : roster.expected()) {
                int found = all.indexOf(member.fullName(), position);
                assertThat(found).as("%s after position %d", member.fullName(), position).isPositive();
                position = found + 1;
            }
            assertThat(all).contains("I. Đảng viên dự sinh hoạt (3000 đồng chí)",
                    "II. Đảng viên miễn sinh hoạt (12 đồng chí)", "Đại diện CLB “Gia đình phát triển bền vững”");
        }
    }

    @Test
    void theSpreadsheetHasEveryMemberInOrderAndTheSameSections() throws IOException {
        SessionRoster roster = roster(3000, 12);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AttendanceSheetXlsx.write(roster, SheetLanguage.VI, PRINTED, out);

        List<String> names = new ArrayList<>();
        List<String> firstCells = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()));
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            boolean inTable = false;
            for (Row row : (Iterable<Row>) rows::iterator) {
                String first = text(row, 0);
                String second = text(row, 1);
                firstCells.add(first);
                if (second.equals("Họ và tên")) {
                    inTable = names.isEmpty();
                } else if (inTable && first.matches("\\d+")) {
                    names.add(second);
                } else {
                    inTable = false;
                }
            }
        }
        assertThat(names).containsExactlyElementsOf(
                roster.expected().stream().map(SessionRoster.Member::fullName).toList());
        assertThat(firstCells).contains("DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT CHUYÊN ĐỀ",
                "II. Đảng viên miễn sinh hoạt (12 đồng chí)", "III. Khách mời", "5. Khác");
    }

    @Test
    void anEnglishSheetOfAnEmptyRosterSaysThereIsNobody() throws IOException {
        SessionRoster roster = roster(0, 0);

        byte[] pdf = pdf(roster, SheetLanguage.EN);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("ATTENDANCE SHEET OF THE THEMATIC SESSION", "I. Members expected (0)",
                    "(none)", "Page 1/" + document.getNumberOfPages(), "Public (non-members)", "MINUTE-TAKER");
        }
    }

    @Test
    void theFileIsNamedInAsciiAndInUtf8() {
        SessionRoster roster = roster(1, 0);

        String disposition = AttendanceSheetController.disposition(roster, SheetLanguage.VI, vn.ledger.query.document.DocumentFormat.PDF);

        assertThat(disposition).startsWith(
                "attachment; filename=\"danh-sach-du-sinh-hoat-2022-09-15-chi-bo-trung-tam-van-hoa-nghe-thuat-chi-bo-"
                        + "thu-vien.pdf\"; filename*=UTF-8''Danh%20s%C3%A1ch%20");
        String encoded = disposition.substring(disposition.indexOf("''") + 2);
        assertThat(java.net.URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8))
                .isEqualTo("Danh sách dự sinh hoạt chuyên đề – Chi bộ Trung tâm Văn hóa Nghệ thuật; Chi bộ Thư viện "
                        + "– 15-09-2022.pdf");
        assertThat(AttendanceSheetController.slug("\"; rm -rf /", 100)).isEqualTo("rm-rf");
        assertThat(AttendanceSheetController.slug("Đảng ủy", 4)).isEqualTo("dang");
    }

    /** A cell's text whatever its type; "" for an empty or missing cell. */
    private static String text(Row row, int column) {
        return row.hasCell(column) && row.getCell(column) != null ? row.getCellText(column) : "";
    }

    /** Every font of every page is Liberation Sans, embedded: no text falls back to a font without Vietnamese. */
    private static void assertOnlyEmbeddedLiberationSans(PDDocument document) throws IOException {
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font.getName()).contains("LiberationSans");
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
        }
    }

    private static byte[] pdf(SessionRoster roster, SheetLanguage language) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AttendanceSheetPdf.write(roster, language, PRINTED, out);
        return out.toByteArray();
    }

    /** {@code expected} and {@code exempt} members over two units, with Vietnamese names, in Vietnamese order. */
    private static SessionRoster roster(int expected, int exempt) {
        List<SessionRoster.Unit> units = List.of(
                new SessionRoster.Unit(UUID.nameUUIDFromBytes("a".getBytes(StandardCharsets.UTF_8)),
                        "Chi bộ Trung tâm Văn hóa Nghệ thuật"),
                new SessionRoster.Unit(UUID.nameUUIDFromBytes("b".getBytes(StandardCharsets.UTF_8)),
                        "Chi bộ Thư viện"));
        SessionRoster.Session session = new SessionRoster.Session(UUID.nameUUIDFromBytes(new byte[] {1}),
                "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                OffsetDateTime.parse("2022-09-15T08:00:00+07:00"), LocalDate.parse("2022-09-15"), "PLANNED",
                "HYBRID", "Hội trường Sở", "https://meet.example.vn/sinh-hoat", "Đồng chí Nguyễn Văn Báo",
                "Đồng chí Trần Thị Chủ", null, units);
        List<SessionRoster.Member> members = new ArrayList<>();
        for (int i = 0; i < expected; i++) {
            SessionRoster.Unit unit = units.get(i % 2);
            members.add(new SessionRoster.Member(UUID.nameUUIDFromBytes(("m" + i).getBytes(StandardCharsets.UTF_8)),
                    name(i), unit.unitId(), unit.name(), null, null, null));
        }
        List<SessionRoster.ExemptMember> exempted = new ArrayList<>();
        for (int i = 0; i < exempt; i++) {
            SessionRoster.Unit unit = units.get(i % 2);
            exempted.add(new SessionRoster.ExemptMember(
                    UUID.nameUUIDFromBytes(("e" + i).getBytes(StandardCharsets.UTF_8)), name(i + 7), unit.unitId(),
                    unit.name(), LocalDate.parse("2022-07-01"), LocalDate.parse("2022-12-31")));
        }
        return new SessionRoster(session,
                VietnameseNames.sorted(members, SessionRoster.Member::fullName, SessionRoster.Member::memberId),
                VietnameseNames.sorted(exempted, SessionRoster.ExemptMember::fullName,
                        SessionRoster.ExemptMember::memberId));
    }

    /** The i-th of a fixed sequence of names: no randomness, and each run the same. */
    private static String name(int i) {
        return FAMILY[i % FAMILY.length] + " " + MIDDLE[(i / FAMILY.length) % MIDDLE.length] + " "
                + GIVEN[(i * 7 + i / 3) % GIVEN.length];
    }
}
