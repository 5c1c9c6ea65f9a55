package vn.ledger.query.web;

/** The view has not reached the position a reader asked for within the wait; answered as a 503 to retry. */
public class ViewBehind extends RuntimeException {

    private final String projection;

    public ViewBehind(String projection, long wanted, Long reached) {
        super("The view " + projection + " has reached position " + (reached == null ? "none" : reached)
                + ", not yet " + wanted + "; retry in a moment.", null, false, false);
        this.projection = projection;
    }

    public String projection() {
        return projection;
    }
}
