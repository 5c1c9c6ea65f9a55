package vn.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Merkle tree against the RFC 6962 vectors of the Certificate Transparency reference code (as published in
 * transparency-dev/merkle, testonly/constants.go and proof/verify_test.go), then every proof of every tree up to 40
 * leaves, each verified and each corrupted.
 */
class MerkleTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The reference leaves. */
    static final List<byte[]> LEAVES = hex("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");

    /** The root of the first n reference leaves, for n = 0..8. */
    static final List<byte[]> ROOTS = hex(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** The hashes of the perfect subtrees of the 8-leaf reference tree, by level. */
    static final List<List<byte[]>> NODES = List.of(
            hex("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                    "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"),
            hex("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            hex("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            hex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

    private static final List<byte[]> LEAF_HASHES = LEAVES.stream().map(Merkle::leafHash).toList();

    @Test
    void rootsOfTheReferenceLeavesAreTheReferenceRoots() {
        for (int size = 0; size <= LEAVES.size(); size++) {
            List<byte[]> leaves = LEAF_HASHES.subList(0, size);
            assertThat(HEX.formatHex(Merkle.root(leaves))).as("size %d", size)
                    .isEqualTo(HEX.formatHex(ROOTS.get(size)));
            assertThat(HEX.formatHex(Merkle.root(Merkle.inMemory(leaves), size))).as("size %d", size)
                    .isEqualTo(HEX.formatHex(ROOTS.get(size)));
        }
    }

    @Test
    void perfectSubtreesAreTheReferenceNodesAndAppendingReportsEachOnce() {
        Merkle.Nodes nodes = Merkle.inMemory(LEAF_HASHES);
        List<String> reported = new ArrayList<>();
        CompactRange range = new CompactRange();
        for (byte[] leafHash : LEAF_HASHES) {
            range.append(leafHash, (level, index, hash) ->
                    reported.add(level + "/" + index + "/" + HEX.formatHex(hash)));
        }
        List<String> expected = new ArrayList<>();
        for (int level = 0; level < NODES.size(); level++) {
            for (int index = 0; index < NODES.get(level).size(); index++) {
                assertThat(HEX.formatHex(nodes.node(level, index)))
                        .isEqualTo(HEX.formatHex(NODES.get(level).get(index)));
                if (level > 0) {
                    expected.add(level + "/" + index + "/" + HEX.formatHex(NODES.get(level).get(index)));
                }
            }
        }
        assertThat(reported).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aCompactRangeRebuiltFromItsRightEdgeGoesOnAsIfNeverStopped() {
        List<byte[]> leaves = leaves(37);
        Merkle.Nodes nodes = Merkle.inMemory(leaves);
        for (int size = 0; size <= leaves.size(); size++) {
            List<byte[]> edge = CompactRange.positions(size).stream()
                    .map(position -> nodes.node(position.level(), position.index()))
                    .toList();
            CompactRange range = new CompactRange(size, edge);
            assertThat(range.root()).as("size %d", size).isEqualTo(Merkle.root(nodes, size));
            for (int next = size; next < leaves.size(); next++) {
                range.append(leaves.get(next));
            }
            assertThat(range.root()).isEqualTo(Merkle.root(leaves));
        }
    }

    @Test
    void theSplitIsTheLargestPowerOfTwoBelowTheSize() {
        assertThat(Merkle.split(2)).isEqualTo(1);
        assertThat(Merkle.split(3)).isEqualTo(2);
        assertThat(Merkle.split(4)).isEqualTo(2);
        assertThat(Merkle.split(5)).isEqualTo(4);
        assertThat(Merkle.split(8)).isEqualTo(4);
        assertThat(Merkle.split(9)).isEqualTo(8);
        assertThat(Merkle.split(1000)).isEqualTo(512);
        assertThatThrownBy(() -> Merkle.split(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inclusionProofsAreTheReferenceProofs() {
        Merkle.Nodes nodes = Merkle.inMemory(LEAF_HASHES);
        // (leaf index, tree size, path) from verify_test.go, whose leaf numbers count from 1
        assertInclusion(nodes, 0, 1);
        assertInclusion(nodes, 0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertInclusion(nodes, 5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertInclusion(nodes, 2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertInclusion(nodes, 1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void consistencyProofsAreTheReferenceProofs() {
        Merkle.Nodes nodes = Merkle.inMemory(LEAF_HASHES);
        assertConsistency(nodes, 1, 1);
        assertConsistency(nodes, 1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertConsistency(nodes, 6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertConsistency(nodes, 2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertConsistency(nodes, 6, 7, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    @Test
    void everyInclusionProofOfEveryTreeUpTo40LeavesVerifiesAndNoCorruptionOfItDoes() {
        List<byte[]> leaves = leaves(40);
        Merkle.Nodes nodes = Merkle.inMemory(leaves);
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = Merkle.root(nodes, size);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = Merkle.inclusionPath(nodes, index, size);
                byte[] leaf = leaves.get(index);
                assertThat(Merkle.verifyInclusion(index, size, leaf, path, root))
                        .as("leaf %d of %d", index, size).isTrue();

                assertThat(Merkle.verifyInclusion(index + 1, size, leaf, path, root)).isFalse();
                assertThat(Merkle.verifyInclusion(index, size * 2, leaf, path, root)).isFalse();
                if (index > 0) {
                    assertThat(Merkle.verifyInclusion(index - 1, size, leaf, path, root)).isFalse();
                }
                if ((index ^ 2) < size && size > 1) {
                    assertThat(Merkle.verifyInclusion(index ^ 2, size, leaf, path, root)).isFalse();
                }
                assertThat(Merkle.verifyInclusion(index, size, Merkle.leafHash(new byte[] {9}), path, root)).isFalse();
                assertThat(Merkle.verifyInclusion(index, size, leaf, path, Merkle.emptyRoot())).isFalse();
                assertThat(Merkle.verifyInclusion(index, size, leaf, with(path, root), root)).isFalse();
                assertThat(Merkle.verifyInclusion(index, size, leaf, with(root, path), root)).isFalse();
                for (int i = 0; i < path.size(); i++) {
                    assertThat(Merkle.verifyInclusion(index, size, leaf, flipped(path, i), root)).isFalse();
                }
                if (!path.isEmpty()) {
                    assertThat(Merkle.verifyInclusion(index, size, leaf, path.subList(0, path.size() - 1), root))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofBetweenTreesUpTo40LeavesVerifiesAndNoCorruptionOfItDoes() {
        List<byte[]> leaves = leaves(40);
        Merkle.Nodes nodes = Merkle.inMemory(leaves);
        for (int to = 1; to <= leaves.size(); to++) {
            byte[] toRoot = Merkle.root(nodes, to);
            for (int from = 0; from <= to; from++) {
                byte[] fromRoot = Merkle.root(nodes, from);
                List<byte[]> path = Merkle.consistencyPath(nodes, from, to);
                assertThat(Merkle.verifyConsistency(from, to, fromRoot, toRoot, path))
                        .as("from %d to %d", from, to).isTrue();
                if (path.isEmpty()) {
                    continue;
                }
                assertThat(Merkle.verifyConsistency(from - 1, to, fromRoot, toRoot, path)).isFalse();
                assertThat(Merkle.verifyConsistency(from + 1, to, fromRoot, toRoot, path)).isFalse();
                assertThat(Merkle.verifyConsistency(from, to * 2, fromRoot, toRoot, path)).isFalse();
                assertThat(Merkle.verifyConsistency(from, to, toRoot, fromRoot, path)).isFalse();
                assertThat(Merkle.verifyConsistency(from, to, Merkle.emptyRoot(), toRoot, path)).isFalse();
                assertThat(Merkle.verifyConsistency(from, to, fromRoot, Merkle.emptyRoot(), path)).isFalse();
                assertThat(Merkle.verifyConsistency(from, to, fromRoot, toRoot, List.of())).isFalse();
                assertThat(Merkle.verifyConsistency(from, to, fromRoot, toRoot, with(path, toRoot))).isFalse();
                assertThat(Merkle.verifyConsistency(from, to, fromRoot, toRoot, with(fromRoot, path))).isFalse();
                assertThat(Merkle.verifyConsistency(from, to, fromRoot, toRoot, path.subList(0, path.size() - 1)))
                        .isFalse();
                for (int i = 0; i < path.size(); i++) {
                    assertThat(Merkle.verifyConsistency(from, to, fromRoot, toRoot, flipped(path, i))).isFalse();
                }
            }
        }
    }

    @Test
    void trivialConsistencyNeedsAnEmptyProofAndForEqualSizesEqualRoots() {
        byte[] a = Merkle.leafHash(new byte[] {1});
        byte[] b = Merkle.leafHash(new byte[] {2});
        assertThat(Merkle.verifyConsistency(0, 0, a, a, List.of())).isTrue();
        assertThat(Merkle.verifyConsistency(0, 1, a, b, List.of())).isTrue();
        assertThat(Merkle.verifyConsistency(1, 1, a, b, List.of())).isFalse();
        assertThat(Merkle.verifyConsistency(1, 1, a, a, List.of(a))).isFalse();
        assertThat(Merkle.verifyConsistency(2, 1, a, b, List.of())).isFalse();
        assertThat(Merkle.verifyConsistency(1, 2, a, b, List.of())).isFalse();
        assertThat(Merkle.verifyInclusion(0, 0, a, List.of(), a)).isFalse();
        assertThat(Merkle.verifyInclusion(0, 1, a, List.of(), a)).isTrue();
        assertThat(Merkle.verifyInclusion(0, 1, a, List.of(), b)).isFalse();
    }

    @Test
    void anEventLeafIsItsDocumentedLinesAndNullMetadataHashesAsNoBytes() {
        byte[] payload = "{\"name\":\"Chi bộ\"}".getBytes(StandardCharsets.UTF_8);
        String encoded = new String(EventLeaf.encode("e-1", 42, payload, null),
                StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getEncoder();
        assertThat(encoded).isEqualTo("e-1\n42\n" + base64.encodeToString(Merkle.sha256(payload)) + "\n"
                + base64.encodeToString(Merkle.sha256(new byte[0])));
        assertThat(EventLeaf.hash("e-1", 42, payload, new byte[0]))
                .isEqualTo(Merkle.leafHash(EventLeaf.encode("e-1", 42, payload, null)));
        assertThat(EventLeaf.hash("e-1", 43, payload, null)).isNotEqualTo(EventLeaf.hash("e-1", 42, payload, null));
    }

    @Test
    void theLeafOfTheDocumentedExampleHasTheDocumentedHash() {
        // docs/audit.md; the hash was computed independently (Python's hashlib)
        byte[] payload = ("{\"unitId\":\"5b8e0c1a-2f44-4f3e-9a57-0d6c3e1b2a90\",\"name\":\"Chi bộ Thư viện\","
                + "\"kind\":\"CELL\",\"parentUnitId\":null}").getBytes(StandardCharsets.UTF_8);
        byte[] metadata = "{\"userId\":\"admin\",\"role\":\"OFFICE\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Base64.getEncoder().encodeToString(
                EventLeaf.hash("3f1c7d2e-8a0b-4c55-9d1e-2b6f0a9e7c11", 42, payload, metadata)))
                .isEqualTo("2sIP6r2z/tEOtHlHw5kqtUHfIe/oJaW/mGJ+z+Y9rvA=");
    }

    private static void assertInclusion(Merkle.Nodes nodes, long index, long size, String... path) {
        List<byte[]> expected = hex(path);
        List<byte[]> actual = Merkle.inclusionPath(nodes, index, size);
        assertThat(actual.stream().map(HEX::formatHex).toList())
                .isEqualTo(expected.stream().map(HEX::formatHex).toList());
        assertThat(Merkle.verifyInclusion(index, size, LEAF_HASHES.get((int) index), expected,
                ROOTS.get((int) size))).isTrue();
    }

    private static void assertConsistency(Merkle.Nodes nodes, long from, long to, String... path) {
        List<byte[]> expected = hex(path);
        List<byte[]> actual = Merkle.consistencyPath(nodes, from, to);
        assertThat(actual.stream().map(HEX::formatHex).toList())
                .isEqualTo(expected.stream().map(HEX::formatHex).toList());
        assertThat(Merkle.verifyConsistency(from, to, ROOTS.get((int) from), ROOTS.get((int) to), expected))
                .isTrue();
    }

    static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(Merkle.leafHash(new byte[] {(byte) i, (byte) (i * 7)}));
        }
        return leaves;
    }

    private static List<byte[]> flipped(List<byte[]> path, int i) {
        List<byte[]> copy = new ArrayList<>(path);
        byte[] changed = copy.get(i).clone();
        changed[0] ^= 8;
        copy.set(i, changed);
        return copy;
    }

    private static List<byte[]> with(List<byte[]> path, byte[] last) {
        List<byte[]> copy = new ArrayList<>(path);
        copy.add(last);
        return copy;
    }

    private static List<byte[]> with(byte[] first, List<byte[]> path) {
        List<byte[]> copy = new ArrayList<>(path);
        copy.add(0, first);
        return copy;
    }

    private static List<byte[]> hex(String... values) {
        return Arrays.stream(values).map(HEX::parseHex).toList();
    }
}
