package vn.ledger.command.rosterimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The roster template: the header row in Vietnamese, and in the workbook a sheet that explains each column. */
final class ImportTemplate {

    private static final List<String[]> GUIDE = List.of(
            new String[] {"Đơn vị", "Bắt buộc. Tên chi bộ của đảng viên, hoặc tên đơn vị trên dòng chỉ khai báo đơn vị.",
                    "Required. The member's cell, or the unit a unit-only row declares."},
            new String[] {"Loại đơn vị", "“Chi bộ” hoặc “Đảng bộ bộ phận”. Để trống: đơn vị mới là chi bộ, trừ khi là đơn vị cấp trên.",
                    "“Chi bộ” (cell) or “Đảng bộ bộ phận” (sub-committee). Blank: a new unit is a cell unless it is a parent."},
            new String[] {"Đơn vị cấp trên", "Đảng bộ bộ phận chứa chi bộ; để trống nếu trực thuộc Đảng ủy.",
                    "The sub-committee the cell is under; blank when directly under the committee."},
            new String[] {"Họ và tên", "Bắt buộc với dòng đảng viên.", "Required on a member's row."},
            new String[] {"Số thẻ đảng viên", "Bắt buộc; mỗi đảng viên một số. Nhập lại cùng số thẻ không tạo đảng viên mới.",
                    "Required; one per member. Importing the same card number again creates no new member."},
            new String[] {"Trạng thái", "“Chính thức” hoặc “Dự bị”.", "“Chính thức” (official) or “Dự bị” (probationary)."},
            new String[] {"Ngày vào Đảng", "Bắt buộc; ngày/tháng/năm, ví dụ 19/05/2010.",
                    "Required; day/month/year, e.g. 19/05/2010."},
            new String[] {"Ngày sinh", "Không bắt buộc; ngày/tháng/năm.", "Optional; day/month/year."},
            new String[] {"Số điện thoại", "Không bắt buộc.", "Optional."});

    private ImportTemplate() {}

    static byte[] xlsx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Ledger", "1.0");
        Worksheet roster = workbook.newWorksheet("Danh sách");
        RosterColumn[] columns = RosterColumn.values();
        for (int i = 0; i < columns.length; i++) {
            roster.value(0, i, columns[i].vietnamese);
            roster.style(0, i).bold().fillColor("DDEBF7").set();
            roster.width(i, i == RosterColumn.FULL_NAME.ordinal() || i <= RosterColumn.PARENT_UNIT.ordinal() ? 32 : 18);
        }
        roster.freezePane(0, 1);
        Worksheet guide = workbook.newWorksheet("Hướng dẫn");
        guide.value(0, 0, "Cột / Column");
        guide.value(0, 1, "Hướng dẫn");
        guide.value(0, 2, "Guidance");
        guide.style(0, 0).bold().set();
        guide.style(0, 1).bold().set();
        guide.style(0, 2).bold().set();
        for (int i = 0; i < GUIDE.size(); i++) {
            for (int j = 0; j < 3; j++) {
                guide.value(i + 1, j, GUIDE.get(i)[j]);
            }
        }
        guide.width(0, 20);
        guide.width(1, 70);
        guide.width(2, 70);
        workbook.finish();
        return out.toByteArray();
    }

    /** UTF-8 with a byte order mark, so that Excel shows the diacritics, and CRLF line ends. */
    static byte[] csv() {
        StringBuilder header = new StringBuilder("\uFEFF");
        RosterColumn[] columns = RosterColumn.values();
        for (int i = 0; i < columns.length; i++) {
            header.append(i == 0 ? "" : ",").append(columns[i].vietnamese);
        }
        return header.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
