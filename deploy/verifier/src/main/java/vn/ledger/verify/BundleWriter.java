package vn.ledger.verify;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a verification bundle ({@link Bundle}) as a stream: the checkpoint first, then the events one by one, so a
 * bundle of millions of events never sits in memory.
 */
public final class BundleWriter implements Closeable {

    private static final String README_TEXT = """
            A verification bundle of the thematic-session ledger.

            checkpoint.note  the signed checkpoint (C2SP tlog-checkpoint, Ed25519 signed-note)
            public-key.txt   the signer's raw Ed25519 public key, base64
            events.tsv       the sealed events as stored, one per leaf, in leaf order:
                             leafIndex, eventId, position, leafHash, payload (base64), metadata (base64)

            Check it offline, with nothing but Java 17:

                java -jar ledger-verify.jar [--public-key <base64 key you trust>] this-bundle.zip

            It recomputes every event's leaf from its bytes, the Merkle root (RFC 6962) from the leaves, and checks
            that the checkpoint's signature and root match. The leaf encoding is in docs/audit.md.
            """;

    private final ZipOutputStream zip;
    private final Base64.Encoder base64 = Base64.getEncoder();
    private long leaves;

    /** Starts a bundle of the checkpoint {@code signedNote}, signed by {@code publicKey} (raw 32 bytes). */
    public BundleWriter(OutputStream out, String signedNote, byte[] publicKey) throws IOException {
        this.zip = new ZipOutputStream(new BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8);
        entry(Bundle.README, README_TEXT);
        entry(Bundle.NOTE, signedNote);
        entry(Bundle.PUBLIC_KEY, base64.encodeToString(publicKey) + '\n');
        zip.putNextEntry(new ZipEntry(Bundle.EVENTS));
        write(Bundle.HEADER + '\n');
    }

    /**
     * Adds the next leaf: the event as stored, and the leaf hash the sealer recorded for it.
     *
     * @param payload the stored payload, or {@code null} when the event is missing from the event table
     * @param metadata the stored metadata, or {@code null} when it is NULL
     */
    public void leaf(long leafIndex, String eventId, long position, byte[] leafHash, byte[] payload, byte[] metadata)
            throws IOException {
        if (leafIndex != leaves) {
            throw new IllegalArgumentException("leaf " + leafIndex + " comes after " + leaves + " leaves");
        }
        if (eventId.indexOf('\t') >= 0 || eventId.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("an event id without tabs or newlines: " + eventId);
        }
        write(leafIndex + "\t" + eventId + '\t' + position + '\t' + base64.encodeToString(leafHash) + '\t'
                + encode(payload) + '\t' + encode(metadata) + '\n');
        leaves++;
    }

    /** Ends the bundle and closes the stream under it. */
    @Override
    public void close() throws IOException {
        zip.closeEntry();
        zip.close();
    }

    private String encode(byte[] bytes) {
        return bytes == null ? Bundle.ABSENT : base64.encodeToString(bytes);
    }

    private void entry(String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        write(text);
        zip.closeEntry();
    }

    private void write(String text) throws IOException {
        zip.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
