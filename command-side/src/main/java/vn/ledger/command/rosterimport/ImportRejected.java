package vn.ledger.command.rosterimport;

import java.util.List;

/** A roster file refused as a whole: unreadable, too large, or with row errors on apply. Nothing was written. */
final class ImportRejected extends RuntimeException {

    private final int status;
    private final String code;
    private final List<ImportIssue> errors;

    ImportRejected(int status, String code, String detail, List<ImportIssue> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    ImportRejected(int status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    List<ImportIssue> errors() {
        return errors;
    }
}
