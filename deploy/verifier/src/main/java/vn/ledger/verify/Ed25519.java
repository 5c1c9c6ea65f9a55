package vn.ledger.verify;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032) with the JDK's own provider, and the raw 32-byte public key that notes and the API publish.
 * The JDK speaks X.509 SubjectPublicKeyInfo; for Ed25519 that is a fixed 12-byte header and the raw key.
 */
public final class Ed25519 {

    /** Bytes in a raw public key and in a signature. */
    public static final int PUBLIC_KEY_SIZE = 32;
    public static final int SIGNATURE_SIZE = 64;

    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (33 bytes, no unused bits) }. */
    private static final byte[] X509_HEADER = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519() {}

    /** The raw 32-byte key of an Ed25519 public key. */
    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != X509_HEADER.length + PUBLIC_KEY_SIZE
                || !Arrays.equals(encoded, 0, X509_HEADER.length, X509_HEADER, 0, X509_HEADER.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(encoded, X509_HEADER.length, encoded.length);
    }

    /** The public key whose raw 32 bytes are {@code raw}. */
    public static PublicKey publicKey(byte[] raw) {
        if (raw == null || raw.length != PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        byte[] encoded = Arrays.copyOf(X509_HEADER, X509_HEADER.length + PUBLIC_KEY_SIZE);
        System.arraycopy(raw, 0, encoded, X509_HEADER.length, PUBLIC_KEY_SIZE);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign with Ed25519", e);
        }
    }

    /** Whether {@code signature} is the key's signature of {@code message}; a malformed key or signature is not. */
    public static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_SIZE) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(rawPublicKey));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (IllegalArgumentException | InvalidKeyException | SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519", e);
        }
    }
}
