package vn.ledger.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Merkle tree hash of RFC 6962 and RFC 9162 (section 2.1) over SHA-256: a leaf hashes as
 * {@code SHA-256(0x00 || leaf)}, an interior node as {@code SHA-256(0x01 || left || right)}, and a tree of n leaves
 * splits at the largest power of two smaller than n. Proof paths run from the leaf upward, as in RFC 9162.
 *
 * <p>Trees are read through {@link Nodes}, the hashes of perfect subtrees, so that a tree kept in a database answers
 * a proof with O(log n) lookups instead of rereading its leaves.
 */
public final class Merkle {

    /** Bytes in a SHA-256 hash. */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private Merkle() {}

    /**
     * The hashes of a tree's perfect subtrees: {@code node(level, index)} is the hash of the 2^level leaves that
     * start at leaf {@code index * 2^level}; level 0 is the leaf hashes.
     */
    @FunctionalInterface
    public interface Nodes {
        byte[] node(int level, long index);
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        sha256.update(leaf);
        return sha256.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** The hash of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** SHA-256 of {@code bytes}, for the leaf encoding. */
    public static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    /** The largest power of two smaller than {@code n} (for n of at least 2): where RFC 6962 splits a tree. */
    public static long split(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("only a tree of 2 or more leaves splits, not " + n);
        }
        return Long.highestOneBit(n - 1);
    }

    /** The root of the tree whose leaf hashes are {@code leafHashes}, in order. */
    public static byte[] root(List<byte[]> leafHashes) {
        CompactRange range = new CompactRange();
        for (byte[] leafHash : leafHashes) {
            range.append(leafHash);
        }
        return range.root();
    }

    /** MTH(D[start:end]) of RFC 6962 for a range that its recursion visits (start aligned to the range's split). */
    public static byte[] subtreeHash(Nodes nodes, long start, long end) {
        long size = end - start;
        if (size <= 0) {
            throw new IllegalArgumentException("an empty range [" + start + ", " + end + ")");
        }
        if (Long.bitCount(size) == 1 && start % size == 0) {
            int level = Long.numberOfTrailingZeros(size);
            return nodes.node(level, start >>> level);
        }
        long k = split(size);
        return nodeHash(subtreeHash(nodes, start, start + k), subtreeHash(nodes, start + k, end));
    }

    /** The root of the first {@code treeSize} leaves. */
    public static byte[] root(Nodes nodes, long treeSize) {
        return treeSize == 0 ? emptyRoot() : subtreeHash(nodes, 0, treeSize);
    }

    /** The inclusion proof of leaf {@code leafIndex} in the tree of {@code treeSize} leaves (RFC 6962 2.1.1). */
    public static List<byte[]> inclusionPath(Nodes nodes, long leafIndex, long treeSize) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + treeSize);
        }
        // walked from the root down; the path runs from the leaf up
        List<byte[]> path = new ArrayList<>();
        long start = 0;
        long end = treeSize;
        while (end - start > 1) {
            long k = split(end - start);
            if (leafIndex < start + k) {
                path.add(subtreeHash(nodes, start + k, end));
                end = start + k;
            } else {
                path.add(subtreeHash(nodes, start, start + k));
                start += k;
            }
        }
        Collections.reverse(path);
        return path;
    }

    /**
     * The consistency proof from the tree of {@code fromSize} leaves to the tree of {@code toSize} (RFC 6962 2.1.2);
     * empty when either tree is empty or they are the same.
     */
    public static List<byte[]> consistencyPath(Nodes nodes, long fromSize, long toSize) {
        if (fromSize < 0 || fromSize > toSize) {
            throw new IllegalArgumentException("no consistency proof from " + fromSize + " to " + toSize);
        }
        List<byte[]> path = new ArrayList<>();
        if (fromSize == 0 || fromSize == toSize) {
            return path;
        }
        long start = 0;
        long end = toSize;
        boolean wholeOldTree = true; // SUBPROOF's b: the old tree is a complete subtree here, its root is known
        while (true) {
            long size = end - start;
            long inOld = fromSize - start;
            if (inOld == size) {
                if (!wholeOldTree) {
                    path.add(subtreeHash(nodes, start, end));
                }
                break;
            }
            long k = split(size);
            if (inOld <= k) {
                path.add(subtreeHash(nodes, start + k, end));
                end = start + k;
            } else {
                path.add(subtreeHash(nodes, start, start + k));
                start += k;
                wholeOldTree = false;
            }
        }
        Collections.reverse(path);
        return path;
    }

    /** Verifies an inclusion proof as RFC 9162 section 2.1.3.2 says. */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path,
                                          byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize || !allHashes(path) || !isHash(leafHash) || !isHash(root)) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Verifies a consistency proof as RFC 9162 section 2.1.4.2 says; the trivial cases (an empty first tree, two
     * equal sizes) need an empty proof, and equal roots for equal sizes.
     */
    public static boolean verifyConsistency(long firstSize, long secondSize, byte[] firstHash, byte[] secondHash,
                                            List<byte[]> path) {
        if (firstSize < 0 || firstSize > secondSize || !allHashes(path)) {
            return false;
        }
        if (firstSize == secondSize) {
            return path.isEmpty() && MessageDigest.isEqual(firstHash, secondHash);
        }
        if (firstSize == 0) {
            return path.isEmpty();
        }
        if (path.isEmpty() || !isHash(firstHash) || !isHash(secondHash)) {
            return false;
        }
        List<byte[]> consistency = new ArrayList<>(path);
        if (Long.bitCount(firstSize) == 1) {
            consistency.add(0, firstHash);
        }
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = consistency.get(0);
        byte[] sr = consistency.get(0);
        for (byte[] c : consistency.subList(1, consistency.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstHash) && MessageDigest.isEqual(sr, secondHash);
    }

    /** A tree held in memory: its leaf hashes, with perfect subtree hashes computed (once) when asked. */
    public static Nodes inMemory(List<byte[]> leafHashes) {
        List<byte[]> leaves = List.copyOf(leafHashes);
        Map<String, byte[]> computed = new HashMap<>();
        return new Nodes() {
            @Override
            public byte[] node(int level, long index) {
                if (level == 0) {
                    return leaves.get(Math.toIntExact(index));
                }
                String key = level + "/" + index;
                byte[] hash = computed.get(key);
                if (hash == null) {
                    hash = nodeHash(node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
                    computed.put(key, hash);
                }
                return hash;
            }
        };
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_SIZE;
    }

    private static boolean allHashes(List<byte[]> path) {
        return path != null && path.stream().allMatch(Merkle::isHash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

}
