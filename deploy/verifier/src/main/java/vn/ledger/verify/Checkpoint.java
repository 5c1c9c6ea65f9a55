package vn.ledger.verify;

import java.util.Base64;

/**
 * The text of a C2SP {@code tlog-checkpoint}: the log's origin, the tree size in decimal, the root hash in standard
 * base64, each on its own line and each ending in a newline. Extension lines are neither written nor needed here.
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash) {

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.chars().anyMatch(c -> c < 0x20 || Character.isWhitespace(c))
                || origin.indexOf('+') >= 0) {
            throw new IllegalArgumentException("an origin is one non-empty line without spaces or '+': " + origin);
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("a tree size is not negative: " + treeSize);
        }
        if (rootHash == null || rootHash.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("a root hash has 32 bytes");
        }
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text, final newline included. */
    public String text() {
        return origin + '\n' + treeSize + '\n' + Base64.getEncoder().encodeToString(rootHash) + '\n';
    }

    /** Reads a note text; extension lines after the root hash are allowed and ignored. */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint text ends in a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint has an origin, a tree size and a root hash");
        }
        String size = lines[1];
        if (!size.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("the tree size is not a decimal number: " + size);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the root hash is not base64: " + lines[2], e);
        }
        return new Checkpoint(lines[0], Long.parseLong(size), root);
    }
}
