package vn.ledger.command.audit;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;

/** The audit API's answers; hashes, signatures and keys in standard base64. */
final class AuditViews {

    private static final ZoneId LOCAL = ZoneId.of("Asia/Ho_Chi_Minh");

    private AuditViews() {}

    /**
     * A signed checkpoint.
     *
     * @param signature the Ed25519 signature of the note's text (the checkpoint body), as in its signature line
     * @param publicKey the raw 32-byte Ed25519 key that signed it
     * @param note the C2SP tlog-checkpoint signed note, ready for transparency-log tools
     * @param origin the log's name: the note's first line and its key name
     */
    record CheckpointView(long treeSize, String rootHash, String signature, String publicKey, OffsetDateTime signedAt,
                          String note, String origin) {

        static CheckpointView of(AuditStore.StoredCheckpoint checkpoint) {
            return new CheckpointView(checkpoint.treeSize(), base64(checkpoint.rootHash()),
                    base64(checkpoint.signature()), base64(checkpoint.publicKey()),
                    OffsetDateTime.ofInstant(checkpoint.signedAt(), LOCAL), checkpoint.note(), checkpoint.origin());
        }
    }

    /** That an event is leaf {@code leafIndex} of the checkpoint of {@code treeSize}; the path runs upward. */
    record InclusionProofView(String eventId, long position, long leafIndex, long treeSize, String rootHash,
                              String leafHash, List<String> path) {}

    /** That the checkpoint of {@code to} extends the one of {@code from}; the path as RFC 9162 orders it. */
    record ConsistencyProofView(long from, long to, String fromRootHash, String toRootHash, List<String> path) {}

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(AuditViews::base64).toList();
    }
}
