package vn.ledger.command.rosterimport;

/**
 * An error or warning about one row of a roster file.
 *
 * @param row the row number as the spreadsheet shows it (the header is row 1)
 * @param column the column's header as the template names it in the user's language, or null for the whole row
 * @param code a stable kebab-case code
 * @param message what is wrong, in the user's language
 */
public record ImportIssue(int row, String column, String code, String message) {}
