package vn.ledger.query.web;

/** A query parameter is missing its form or its range; answered as a 400 problem naming the parameter. */
public class InvalidParameter extends QueryRejection {

    private final String parameter;

    public InvalidParameter(String code, String parameter, String message) {
        super(400, code, message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
