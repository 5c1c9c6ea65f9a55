package vn.ledger.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a verification bundle ({@link Bundle}) offline: the checkpoint's signature with the bundled (or the
 * expected) public key, then every event's leaf recomputed from its stored bytes, then the Merkle root of those
 * leaves against the signed one.
 *
 * <p>When the roots differ, the bundle's recorded leaf hashes name the event: if they themselves root to the signed
 * hash they are authentic, and the first event whose recomputed leaf differs from its recorded one is the changed
 * one. Leaves are streamed, so memory does not grow with the log.
 */
public final class BundleVerifier {

    /** How a bundle fared; {@link #exitCode()} is what the command line answers. */
    public enum Outcome {
        VERIFIED(0),
        /** the events do not match the signed checkpoint */
        MISMATCH(1),
        /** the checkpoint is not signed by the key */
        BAD_SIGNATURE(2),
        /** not a readable bundle */
        MALFORMED(3);

        private final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /**
     * The verdict on a bundle.
     *
     * @param events how many events were checked
     * @param eventId the first event that does not match, when it could be named
     * @param message one line for a person
     */
    public record Verdict(Outcome outcome, long events, String eventId, String message) {

        public boolean verified() {
            return outcome == Outcome.VERIFIED;
        }
    }

    private BundleVerifier() {}

    /**
     * Verifies a bundle file.
     *
     * @param trustedPublicKey the raw key the checkpoint must be signed by, or {@code null} to trust the bundled key
     *                         (which proves only that the bundle is intact, not who made it)
     */
    public static Verdict verify(Path bundle, byte[] trustedPublicKey) {
        try (ZipFile zip = new ZipFile(bundle.toFile(), StandardCharsets.UTF_8)) {
            return verify(zip, trustedPublicKey);
        } catch (ZipException e) {
            return malformed("it is not a zip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            return malformed("it cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Verdict verify(ZipFile zip, byte[] trustedPublicKey) throws IOException {
        String noteText = text(zip, Bundle.NOTE);
        String keyText = text(zip, Bundle.PUBLIC_KEY);
        ZipEntry events = zip.getEntry(Bundle.EVENTS);
        if (noteText == null || keyText == null || events == null) {
            return malformed("it lacks " + Bundle.NOTE + ", " + Bundle.PUBLIC_KEY + " or " + Bundle.EVENTS);
        }
        byte[] publicKey;
        SignedNote note;
        Checkpoint checkpoint;
        try {
            publicKey = Base64.getDecoder().decode(keyText.strip());
            Ed25519.publicKey(publicKey);
            note = SignedNote.parse(noteText);
            checkpoint = Checkpoint.parse(note.text());
        } catch (IllegalArgumentException e) {
            return malformed(e.getMessage());
        }
        if (trustedPublicKey != null && !MessageDigest.isEqual(trustedPublicKey, publicKey)) {
            return new Verdict(Outcome.BAD_SIGNATURE, 0, null,
                    "the bundle is signed by another key than the one you trust");
        }
        if (!note.verifiedBy(checkpoint.origin(), publicKey)) {
            return new Verdict(Outcome.BAD_SIGNATURE, 0, null, "the checkpoint's signature does not verify with "
                    + (trustedPublicKey == null ? "the bundled" : "the trusted") + " public key");
        }

        CompactRange recomputed = new CompactRange();
        CompactRange recorded = new CompactRange();
        String firstChanged = null;
        long firstChangedPosition = -1;
        Base64.Decoder base64 = Base64.getDecoder();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(zip.getInputStream(events), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length != 6) {
                    return malformed("line " + (recomputed.size() + 1) + " of " + Bundle.EVENTS
                            + " does not have 6 columns");
                }
                long leafIndex;
                long position;
                byte[] recordedHash;
                byte[] payload;
                byte[] metadata;
                try {
                    leafIndex = Long.parseLong(columns[0]);
                    position = Long.parseLong(columns[2]);
                    recordedHash = base64.decode(columns[3]);
                    payload = Bundle.ABSENT.equals(columns[4]) ? null : base64.decode(columns[4]);
                    metadata = Bundle.ABSENT.equals(columns[5]) ? null : base64.decode(columns[5]);
                } catch (IllegalArgumentException e) {
                    return malformed("leaf " + columns[0] + " of " + Bundle.EVENTS + " is not readable: "
                            + e.getMessage());
                }
                if (leafIndex != recomputed.size() || recordedHash.length != Merkle.HASH_SIZE) {
                    return malformed(Bundle.EVENTS + " lists leaf " + columns[0] + " where leaf "
                            + recomputed.size() + " belongs");
                }
                String eventId = columns[1];
                // a missing event cannot match; hash something no stored event hashes to
                byte[] leafHash = payload == null || eventId.isEmpty()
                        ? Merkle.nodeHash(recordedHash, recordedHash)
                        : EventLeaf.hash(eventId, position, payload, metadata);
                if (firstChanged == null && !MessageDigest.isEqual(leafHash, recordedHash)) {
                    firstChanged = eventId;
                    firstChangedPosition = position;
                }
                recomputed.append(leafHash);
                recorded.append(recordedHash);
            }
        }
        long count = recomputed.size();
        if (count != checkpoint.treeSize()) {
            return new Verdict(Outcome.MISMATCH, count, null, "the bundle has " + count
                    + " events and the checkpoint " + checkpoint.treeSize());
        }
        byte[] signedRoot = checkpoint.rootHash();
        if (MessageDigest.isEqual(recomputed.root(), signedRoot)) {
            return new Verdict(Outcome.VERIFIED, count, null, "verified " + count + " events");
        }
        if (firstChanged != null) {
            String message = "event " + firstChanged + " at position " + firstChangedPosition
                    + " does not match the checkpoint";
            if (!MessageDigest.isEqual(recorded.root(), signedRoot)) {
                // the recorded leaf hashes were changed too: the first difference is a lead, not a proof
                message += " (the first event that differs from its recorded leaf; the recorded leaves do not"
                        + " match the checkpoint either)";
            }
            return new Verdict(Outcome.MISMATCH, count, firstChanged, message);
        }
        return new Verdict(Outcome.MISMATCH, count, null, "the events do not match the checkpoint, and neither do"
                + " the bundle's recorded leaf hashes, so the changed event cannot be named from this bundle");
    }

    private static String text(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Verdict malformed(String why) {
        return new Verdict(Outcome.MALFORMED, 0, null, "not a verification bundle: " + why);
    }
}
