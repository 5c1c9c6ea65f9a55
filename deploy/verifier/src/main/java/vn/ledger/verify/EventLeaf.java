package vn.ledger.verify;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The leaf of one stored event, version 1 (see {@code docs/audit.md}): the UTF-8 bytes of four lines joined by
 * {@code \n}, no final newline,
 *
 * <pre>
 * eventId
 * position                         (the global index, in decimal)
 * base64(SHA-256(payload bytes))   (standard base64, with padding)
 * base64(SHA-256(metadata bytes))  (a NULL metadata hashes as no bytes)
 * </pre>
 *
 * The payload and metadata are the bytes as stored in {@code event_store.domain_event_entry}, never re-serialised.
 */
public final class EventLeaf {

    private EventLeaf() {}

    public static byte[] encode(String eventId, long position, byte[] payload, byte[] metadata) {
        if (eventId == null || eventId.isEmpty() || eventId.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("an event id is one non-empty line, not '" + eventId + "'");
        }
        Base64.Encoder base64 = Base64.getEncoder();
        String text = eventId + '\n'
                + position + '\n'
                + base64.encodeToString(Merkle.sha256(payload)) + '\n'
                + base64.encodeToString(Merkle.sha256(metadata == null ? new byte[0] : metadata));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The RFC 6962 leaf hash of the event. */
    public static byte[] hash(String eventId, long position, byte[] payload, byte[] metadata) {
        return Merkle.leafHash(encode(eventId, position, payload, metadata));
    }
}
