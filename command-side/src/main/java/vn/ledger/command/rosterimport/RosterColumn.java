package vn.ledger.command.rosterimport;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The columns of a roster file, in the template's order. A header cell names a column in Vietnamese or English,
 * with or without diacritics and in any case; the order of the columns in a file is free.
 */
enum RosterColumn {
    UNIT("Đơn vị", "Unit", true, 300, "đơn vị", "unit", "chi bộ"),
    UNIT_KIND("Loại đơn vị", "Unit kind", false, 40, "loại đơn vị", "unit kind", "kind"),
    PARENT_UNIT("Đơn vị cấp trên", "Parent unit", false, 300, "đơn vị cấp trên", "parent unit", "parent"),
    FULL_NAME("Họ và tên", "Full name", true, 300, "họ và tên", "họ tên", "full name", "name"),
    CARD_NUMBER("Số thẻ đảng viên", "Party card number", true, 30, "số thẻ đảng viên", "số thẻ", "số thẻ đảng",
            "party card number", "card number"),
    STATUS("Trạng thái", "Status", true, 40, "trạng thái", "status", "đảng viên chính thức/dự bị"),
    JOINED_ON("Ngày vào Đảng", "Joined on", true, 40, "ngày vào đảng", "ngày kết nạp", "joined on", "joined"),
    DATE_OF_BIRTH("Ngày sinh", "Date of birth", false, 40, "ngày sinh", "date of birth", "born"),
    PHONE("Số điện thoại", "Phone", false, 30, "số điện thoại", "điện thoại", "phone");

    /** The longest cell text read at all; longer cells are row errors, and a file of them is refused by size. */
    static final int MAX_CELL_LENGTH = 300;

    final String vietnamese;
    final String english;
    /** whether a member's row must fill it (the unit-only row of a sub-committee fills only the unit columns) */
    final boolean requiredForMember;
    final int maxLength;
    private final List<String> aliases;

    RosterColumn(String vietnamese, String english, boolean requiredForMember, int maxLength, String... aliases) {
        this.vietnamese = vietnamese;
        this.english = english;
        this.requiredForMember = requiredForMember;
        this.maxLength = maxLength;
        this.aliases = Arrays.stream(aliases).map(Folding::fold).toList();
    }

    String label(ImportLanguage language) {
        return language == ImportLanguage.EN ? english : vietnamese;
    }

    /** The column a header cell names, if any. */
    static Optional<RosterColumn> named(String header) {
        String folded = Folding.fold(header);
        return Arrays.stream(values()).filter(column -> column.aliases.contains(folded)).findFirst();
    }

    /** The columns a file must have. */
    static List<RosterColumn> requiredInHeader() {
        return Arrays.stream(values()).filter(column -> column.requiredForMember).toList();
    }
}
