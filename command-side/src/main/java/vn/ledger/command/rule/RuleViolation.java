package vn.ledger.command.rule;

/**
 * A command broke a rule of the domain. Each rule is its own subclass, named after the rule, with a stable
 * kebab-case {@link #code()} that clients may rely on; the HTTP layer answers it as a problem of its {@link Kind}.
 */
public abstract class RuleViolation extends RuntimeException {

    /** What kind of failure a rule violation is; decides the HTTP status. */
    public enum Kind {
        /** the input itself is wrong (400) */
        INVALID,
        /** the user may not do this for this unit (403) */
        FORBIDDEN,
        /** the input names something that does not exist (404) */
        NOT_FOUND,
        /** the input is well-formed but conflicts with the record's state (409) */
        CONFLICT,
        /** the client's version of the record is not the current one (412) */
        PRECONDITION_FAILED
    }

    private final String code;
    private final Kind kind;
    private final String field;

    protected RuleViolation(String code, Kind kind, String message) {
        this(code, kind, null, message);
    }

    protected RuleViolation(String code, Kind kind, String field, String message) {
        super(message, null, false, false);
        this.code = code;
        this.kind = kind;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The input field the rule is about, or {@code null} when it is about the record as a whole. */
    public String field() {
        return field;
    }
}
