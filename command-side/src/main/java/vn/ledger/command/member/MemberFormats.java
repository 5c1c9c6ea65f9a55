package vn.ledger.command.member;

/** How a member's details are written, for the HTTP bodies and the roster import alike. */
public final class MemberFormats {

    /** A Party card number (số thẻ đảng viên): digits or letters, grouped by dots, slashes, dashes or spaces. */
    public static final String CARD_NUMBER = "[0-9A-Za-z][0-9A-Za-z. /-]{2,28}[0-9A-Za-z]";
    public static final String CARD_NUMBER_MESSAGE =
            "a Party card number: 4 to 30 digits or letters, with . / - or spaces";
    /** A phone number as people write it: digits with an optional leading + and spaces, dots or dashes. */
    public static final String PHONE = "\\+?[0-9][0-9 .-]{5,28}";
    public static final String PHONE_MESSAGE = "a phone number: digits, an optional leading +, spaces, dots or dashes";

    private MemberFormats() {}
}
