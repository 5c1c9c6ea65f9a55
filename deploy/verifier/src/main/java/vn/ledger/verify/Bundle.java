package vn.ledger.verify;

/**
 * The layout of a verification bundle, a zip file (see {@code docs/audit.md}):
 *
 * <pre>
 * README.txt       what the bundle is and how to check it
 * checkpoint.note  the signed checkpoint: a C2SP tlog-checkpoint signed as a C2SP signed-note (Ed25519)
 * public-key.txt   the signer's raw 32-byte Ed25519 public key, standard base64, one line
 * events.tsv       one line per leaf in leaf order, tab-separated:
 *                  leafIndex  eventId  position  leafHash  payload  metadata
 * </pre>
 *
 * In {@code events.tsv} numbers are decimal; {@code leafHash} is the leaf hash the sealer recorded (standard base64),
 * which the verifier uses only to name a changed event; {@code payload} and {@code metadata} are the stored bytes in
 * standard base64, {@code -} for a NULL metadata or for an event that is missing from the event table. Lines starting
 * with {@code #} are comments.
 */
public final class Bundle {

    public static final String README = "README.txt";
    public static final String NOTE = "checkpoint.note";
    public static final String PUBLIC_KEY = "public-key.txt";
    public static final String EVENTS = "events.tsv";
    /** Stands for no bytes at all: a NULL metadata, or a payload that is missing from the event table. */
    public static final String ABSENT = "-";
    public static final String HEADER = "# leafIndex\teventId\tposition\tleafHash\tpayload\tmetadata";

    private Bundle() {}
}
