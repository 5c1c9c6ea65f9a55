package vn.ledger.query.web;

/** A query parameter is missing its form or its range; answered as a 400 problem with its own code. */
public class InvalidParameter extends RuntimeException {

    private final String code;
    private final String parameter;

    public InvalidParameter(String code, String parameter, String message) {
        super(message, null, false, false);
        this.code = code;
        this.parameter = parameter;
    }

    public String code() {
        return code;
    }

    public String parameter() {
        return parameter;
    }
}
