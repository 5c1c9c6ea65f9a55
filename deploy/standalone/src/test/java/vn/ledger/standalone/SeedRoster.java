package vn.ledger.standalone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The seed's roster as an office would keep it in a spreadsheet: 9 units directly under the committee (7 cells and
 * 2 sub-committees of 2 cells each) and 160 members. The fixtures {@code roster/seed-roster.xlsx} (joining dates
 * as date cells, birth dates as text) and {@code roster/seed-roster.csv} (UTF-8, every date as text) hold the same
 * rows; {@code main} wrote them, from a fixed seed.
 */
final class SeedRoster {

    record Unit(String name, String kind, String parent, int members) {}

    record Row(String unit, String kind, String parent, String fullName, String card, String status,
               LocalDate joinedOn, LocalDate born, String phone) {}

    static final List<Unit> UNITS = List.of(
            new Unit("Chi bộ Văn phòng Sở", "Chi bộ", null, 16),
            new Unit("Chi bộ Trung tâm Văn hóa Nghệ thuật", "Chi bộ", null, 24),
            new Unit("Chi bộ Thư viện tỉnh", "Chi bộ", null, 12),
            new Unit("Chi bộ Bảo tàng tỉnh", "Chi bộ", null, 14),
            new Unit("Chi bộ Ban Quản lý Di tích tỉnh", "Chi bộ", null, 13),
            new Unit("Chi bộ Trung tâm Thông tin Xúc tiến Du lịch", "Chi bộ", null, 12),
            new Unit("Chi bộ Thanh tra Sở", "Chi bộ", null, 9),
            new Unit("Đảng bộ bộ phận các phòng chuyên môn", "Đảng bộ bộ phận", null, 0),
            new Unit("Đảng bộ bộ phận Trung tâm Huấn luyện và Thi đấu Thể dục Thể thao", "Đảng bộ bộ phận", null, 0),
            new Unit("Chi bộ Phòng Quản lý Văn hóa và Gia đình", "Chi bộ", "Đảng bộ bộ phận các phòng chuyên môn", 15),
            new Unit("Chi bộ Phòng Quản lý Thể dục Thể thao", "Chi bộ", "Đảng bộ bộ phận các phòng chuyên môn", 14),
            new Unit("Chi bộ Bộ phận Huấn luyện", "Chi bộ",
                    "Đảng bộ bộ phận Trung tâm Huấn luyện và Thi đấu Thể dục Thể thao", 17),
            new Unit("Chi bộ Bộ phận Tổ chức Thi đấu", "Chi bộ",
                    "Đảng bộ bộ phận Trung tâm Huấn luyện và Thi đấu Thể dục Thể thao", 14));

    static final String[] HEADER = {"Đơn vị", "Loại đơn vị", "Đơn vị cấp trên", "Họ và tên", "Số thẻ đảng viên",
            "Trạng thái", "Ngày vào Đảng", "Ngày sinh", "Số điện thoại"};

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hữu", "Thị Kim", "Quốc", "Hoàng"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Đức", "Hà", "Hải", "Hạnh", "Hòa", "Hùng",
            "Hương", "Hường", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Nghĩa", "Phúc", "Phượng", "Quân",
            "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Tiến", "Trang", "Tuấn", "Tuyết", "Vân", "Việt", "Yến", "Ánh"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private SeedRoster() {}

    /** The roster's rows: one per member, and one per sub-committee (which has no members of its own). */
    static List<Row> rows() {
        Random random = new Random(1930_02_03L);
        List<Row> rows = new ArrayList<>();
        int card = 0;
        for (Unit unit : UNITS) {
            if (unit.members() == 0) {
                rows.add(new Row(unit.name(), unit.kind(), unit.parent(), null, null, null, null, null, null));
            }
            for (int i = 0; i < unit.members(); i++) {
                card++;
                LocalDate born = LocalDate.of(1958 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
                LocalDate joined = born.plusYears(20 + random.nextInt(12)).withDayOfYear(1 + random.nextInt(360));
                if (joined.isAfter(LocalDate.of(2022, 6, 30))) {
                    joined = LocalDate.of(2022, 6, 30).minusDays(random.nextInt(400));
                }
                boolean probationary = joined.isAfter(LocalDate.of(2021, 6, 30));
                rows.add(new Row(unit.name(), unit.kind(), unit.parent(),
                        FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                                + GIVEN[random.nextInt(GIVEN.length)],
                        "93.%06d".formatted(card), probationary ? "Dự bị" : "Chính thức", joined, born,
                        random.nextInt(4) == 0 ? null : "09%08d".formatted(random.nextInt(100_000_000))));
            }
        }
        return rows;
    }

    static byte[] xlsx(List<Row> rows) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook workbook = new Workbook(out, "Văn phòng Đảng ủy", "1.0");
            Worksheet sheet = workbook.newWorksheet("Danh sách đảng viên");
            for (int c = 0; c < HEADER.length; c++) {
                sheet.value(0, c, HEADER[c]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                int at = r + 1;
                sheet.value(at, 0, row.unit());
                sheet.value(at, 1, row.kind());
                if (row.parent() != null) {
                    sheet.value(at, 2, row.parent());
                }
                if (row.fullName() != null) {
                    sheet.value(at, 3, row.fullName());
                    sheet.value(at, 4, row.card());
                    sheet.value(at, 5, row.status());
                    sheet.value(at, 6, row.joinedOn());
                    sheet.style(at, 6).format("dd/mm/yyyy").set();
                    sheet.value(at, 7, DAY.format(row.born()));
                    if (row.phone() != null) {
                        sheet.value(at, 8, row.phone());
                    }
                }
            }
            workbook.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] csv(List<Row> rows) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", HEADER)).append("\r\n");
        for (Row row : rows) {
            csv.append(String.join(",", quoted(row.unit()), quoted(row.kind()), quoted(row.parent()),
                    quoted(row.fullName()), quoted(row.card()), quoted(row.status()),
                    row.joinedOn() == null ? "" : DAY.format(row.joinedOn()),
                    row.born() == null ? "" : DAY.format(row.born()), quoted(row.phone()))).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String text) {
        return text == null ? "" : "\"" + text.replace("\"", "\"\"") + "\"";
    }

    static byte[] fixture(String name) {
        try (InputStream in = SeedRoster.class.getResourceAsStream("/roster/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture roster/" + name + "; run SeedRoster.main");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the fixtures into {@code src/test/resources/roster} (run from {@code deploy/standalone}). */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of("src/test/resources/roster");
        Files.createDirectories(folder);
        Files.write(folder.resolve("seed-roster.xlsx"), xlsx(rows()));
        Files.write(folder.resolve("seed-roster.csv"), csv(rows()));
    }
}
