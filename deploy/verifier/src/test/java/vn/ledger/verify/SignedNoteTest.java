package vn.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Signed notes and checkpoints against the known-answer vector of golang.org/x/mod/sumdb/note (the reference
 * implementation of C2SP signed-note): Ed25519 is deterministic, so the same key and text give the same note, byte
 * for byte.
 */
class SignedNoteTest {

    /** {@code PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW}: type 0x01, then the public key. */
    private static final byte[] PETER_PUBLIC = Arrays.copyOfRange(
            Base64.getDecoder().decode("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"), 1, 33);
    /** {@code PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz}: 0x01, then the seed. */
    private static final byte[] PETER_SEED = Arrays.copyOfRange(
            Base64.getDecoder().decode("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"), 1, 33);
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String NOTE = TEXT + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void theKeyIdIsTheReferenceOne() {
        assertThat(HexFormat.of().formatHex(SignedNote.keyId("PeterNeumann", PETER_PUBLIC))).isEqualTo("c74f20a3");
    }

    @Test
    void signingTheReferenceTextWithTheReferenceKeyGivesTheReferenceNote() throws Exception {
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                concat(HexFormat.of().parseHex("302e020100300506032b657004220420"), PETER_SEED)));
        String note = SignedNote.format(TEXT, "PeterNeumann", PETER_PUBLIC, SignedNote.sign(TEXT, key));
        assertThat(note).isEqualTo(NOTE);
    }

    @Test
    void theReferenceNoteVerifiesAndAChangedOneDoesNot() {
        assertThat(SignedNote.parse(NOTE).text()).isEqualTo(TEXT);
        assertThat(SignedNote.parse(NOTE).verifiedBy("PeterNeumann", PETER_PUBLIC)).isTrue();
        assertThat(SignedNote.parse(NOTE.replace("cryptography", "cryptographY")).verifiedBy("PeterNeumann",
                PETER_PUBLIC)).isFalse();
        // a key of another name is not the signer, even with the same bytes
        assertThat(SignedNote.parse(NOTE).verifiedBy("PeterNeumann2", PETER_PUBLIC)).isFalse();
    }

    @Test
    void aCheckpointRoundTripsAndIsSignedUnderItsOrigin() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] publicKey = Ed25519.raw(pair.getPublic());
        Checkpoint checkpoint = new Checkpoint("ledger.local/test", 20852163, MerkleTest.ROOTS.get(8));
        assertThat(checkpoint.text()).isEqualTo("ledger.local/test\n20852163\n"
                + "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n");
        String note = SignedNote.format(checkpoint.text(), checkpoint.origin(), publicKey,
                SignedNote.sign(checkpoint.text(), pair.getPrivate()));
        SignedNote parsed = SignedNote.parse(note);
        assertThat(parsed.verifiedBy("ledger.local/test", publicKey)).isTrue();
        Checkpoint read = Checkpoint.parse(parsed.text());
        assertThat(read.treeSize()).isEqualTo(20852163);
        assertThat(read.rootHash()).isEqualTo(MerkleTest.ROOTS.get(8));
        assertThat(read.origin()).isEqualTo("ledger.local/test");
        assertThat(Ed25519.publicKey(publicKey)).isEqualTo(pair.getPublic());
    }

    @Test
    void malformedNotesAndCheckpointsAreRejected() {
        assertThatThrownBy(() -> SignedNote.parse(TEXT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n- PeterNeumann AAAA\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checkpoint.parse("origin\n012\nAAAA\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checkpoint.parse("origin\n12\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("has space", 1, new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
