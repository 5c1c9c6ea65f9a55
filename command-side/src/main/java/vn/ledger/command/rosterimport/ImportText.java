package vn.ledger.command.rosterimport;

import java.util.Locale;

/**
 * What an import can say about a row, in Vietnamese and English. Each has a stable kebab-case code for clients;
 * the message is for people.
 */
enum ImportText {
    MISSING_COLUMN("Thiếu cột bắt buộc “%s”.", "The required column “%s” is missing."),
    UNKNOWN_COLUMN("Cột “%s” không có trong mẫu nhập danh sách.", "The column “%s” is not in the roster template."),
    DUPLICATE_COLUMN("Cột “%s” xuất hiện hai lần.", "The column “%s” appears twice."),
    NO_HEADER("Tệp không có dòng tiêu đề.", "The file has no header row."),
    REQUIRED("Ô này không được để trống.", "This cell must not be empty."),
    TOO_LONG("Ô dài quá %d ký tự.", "The cell is longer than %d characters."),
    FORMULA("Ô chứa công thức (=%s); hãy dán giá trị thay cho công thức.",
            "The cell holds a formula (=%s); paste its value instead."),
    CELL_ERROR("Ô có lỗi tính toán (%s).", "The cell holds a calculation error (%s)."),
    BAD_DATE("“%s” không phải ngày theo dạng ngày/tháng/năm (ví dụ 19/05/2010).",
            "“%s” is not a date as day/month/year (e.g. 19/05/2010) or year-month-day (2010-05-19)."),
    DATE_OUT_OF_RANGE("Ngày %s nằm ngoài khoảng %s đến %s.", "The date %s is outside %s to %s."),
    BAD_STATUS("“%s” không phải trạng thái đảng viên; ghi “Chính thức” hoặc “Dự bị”.",
            "“%s” is not a member status; write “Chính thức” (official) or “Dự bị” (probationary)."),
    BAD_KIND("“%s” không phải loại đơn vị; ghi “Chi bộ” hoặc “Đảng bộ bộ phận”.",
            "“%s” is not a unit kind; write “Chi bộ” (cell) or “Đảng bộ bộ phận” (sub-committee)."),
    BAD_CARD("“%s” không phải số thẻ đảng viên (4 đến 30 chữ số hoặc chữ, có thể có dấu . / - hoặc khoảng trắng).",
            "“%s” is not a Party card number (4 to 30 digits or letters, with . / - or spaces)."),
    BAD_PHONE("“%s” không phải số điện thoại.", "“%s” is not a phone number."),
    DUPLICATE_CARD("Số thẻ %s đã có ở dòng %d.", "The card number %s is on row %d already."),
    BORN_AFTER_JOINING("Ngày sinh phải trước ngày vào Đảng.", "The date of birth must be before the joining date."),
    MEMBER_IN_SUB_COMMITTEE("“%s” là đảng bộ bộ phận; đảng viên sinh hoạt ở chi bộ.",
            "“%s” is a sub-committee; members belong to cells."),
    KIND_CONFLICT("Đơn vị “%s” là %s, không phải %s.", "The unit “%s” is a %s, not a %s."),
    PARENT_CONFLICT("Đơn vị “%s” có đơn vị cấp trên “%s” ở dòng %d, khác với dòng này.",
            "The unit “%s” has the parent unit “%s” on row %d, unlike this row."),
    PARENT_NOT_SUB_COMMITTEE("Đơn vị cấp trên “%s” là chi bộ; chỉ đảng bộ bộ phận có đơn vị trực thuộc.",
            "The parent unit “%s” is a cell; only sub-committees have units under them."),
    PARENT_CYCLE("Đơn vị “%s” nằm dưới chính nó qua các đơn vị cấp trên.",
            "The unit “%s” is under itself through its parent units."),
    TRANSFER_TOO_EARLY("Đảng viên sinh hoạt ở “%s” từ %s; ngày chuyển %s phải sau ngày đó.",
            "The member belongs to “%s” since %s; the transfer on %s must come after that."),
    NO_CURRENT_UNIT("Đảng viên có số thẻ %s hiện không thuộc chi bộ nào; không thể chuyển sinh hoạt bằng nhập danh sách.",
            "The member with card %s belongs to no cell now; an import cannot transfer them."),
    COMMAND_REJECTED("Không ghi được dòng này: %s", "This row could not be recorded: %s"),
    NAME_DIFFERS("Họ tên trong danh sách hiện có là “%s”; nhập danh sách không đổi họ tên.",
            "The roster has the name “%s”; an import does not change names."),
    STATUS_DIFFERS("Trạng thái trong danh sách hiện có là %s; nhập danh sách không đổi trạng thái.",
            "The roster has the status %s; an import does not change statuses."),
    PARENT_DIFFERS("Đơn vị “%s” hiện ở dưới “%s”; nhập danh sách không chuyển đơn vị cấp trên.",
            "The unit “%s” is under “%s”; an import does not move units."),
    DETAILS_DIFFER("Ngày sinh hoặc số điện thoại khác với danh sách hiện có; nhập danh sách không đổi các thông tin này.",
            "The date of birth or phone differs from the roster; an import does not change them.");

    private final String vietnamese;
    private final String english;

    ImportText(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String format(ImportLanguage language, Object... arguments) {
        return String.format(language == ImportLanguage.EN ? english : vietnamese, arguments);
    }
}
