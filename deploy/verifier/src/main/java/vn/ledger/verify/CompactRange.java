package vn.ledger.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing Merkle tree: one perfect-subtree hash per set bit of its size, largest first. Appending
 * a leaf merges equal-sized subtrees (O(log n), amortised O(1)) and the root folds them from the right, so a tree of
 * millions of leaves is extended and rooted without rereading its leaves.
 */
public final class CompactRange {

    /** Told of each perfect subtree an append completes, above the leaf itself (level 1 and up). */
    @FunctionalInterface
    public interface NewNode {
        void completed(int level, long index, byte[] hash);
    }

    /** A perfect subtree by its position: the 2^level leaves from {@code index * 2^level}. */
    public record Position(int level, long index) {}

    private long size;
    private final List<byte[]> hashes;

    /** An empty tree. */
    public CompactRange() {
        this(0, List.of());
    }

    /** The tree of {@code size} leaves whose right edge is {@code hashes}, as {@link #positions(long)} lists them. */
    public CompactRange(long size, List<byte[]> hashes) {
        if (size < 0 || hashes.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(size)
                    + " subtrees on its right edge, not " + hashes.size());
        }
        this.size = size;
        this.hashes = new ArrayList<>(hashes);
    }

    /** Where the right-edge subtrees of a tree of {@code size} leaves are, largest first. */
    public static List<Position> positions(long size) {
        List<Position> positions = new ArrayList<>();
        long start = 0;
        for (int level = 63 - Long.numberOfLeadingZeros(Math.max(size, 1)); level >= 0; level--) {
            if ((size >>> level & 1) == 1) {
                positions.add(new Position(level, start >>> level));
                start += 1L << level;
            }
        }
        return positions;
    }

    public long size() {
        return size;
    }

    public void append(byte[] leafHash) {
        append(leafHash, (level, index, hash) -> {});
    }

    /** Appends the next leaf and tells {@code completed} of every subtree that it completes. */
    public void append(byte[] leafHash, NewNode completed) {
        long leafIndex = size;
        byte[] hash = leafHash;
        int level = 0;
        // a set bit at this level is a subtree of the same size on the edge: the new one completes their parent
        while ((size >>> level & 1) == 1) {
            hash = Merkle.nodeHash(hashes.remove(hashes.size() - 1), hash);
            level++;
            completed.completed(level, leafIndex >>> level, hash);
        }
        hashes.add(hash);
        size++;
    }

    /** The root hash of the tree as it stands. */
    public byte[] root() {
        if (hashes.isEmpty()) {
            return Merkle.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = Merkle.nodeHash(hashes.get(i), root);
        }
        return root;
    }
}
