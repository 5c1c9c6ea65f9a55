package vn.ledger.query.web;

/** A query or admin request that names something unknown (404) or conflicts with what is under way (409). */
public class QueryRejection extends RuntimeException {

    /**
     * The meter a refusal (403) is counted in, tagged by problem code: the name the sign-in side's {@code Denials}
     * keeps (the query side does not depend on it), so refused reads and writes add up in one metric.
     */
    public static final String DENIALS_METER = "ledger.security.denials";

    private final int status;
    private final String code;

    public QueryRejection(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
