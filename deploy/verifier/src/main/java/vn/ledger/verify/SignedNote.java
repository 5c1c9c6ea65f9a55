package vn.ledger.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP {@code signed-note}: a text ending in a newline, a blank line, then signature lines
 * {@code — <key name> base64(key ID || signature)}. Only Ed25519 signatures (type 0x01) are made and checked here;
 * their key ID is the first 4 bytes of {@code SHA-256(key name || 0x0A || 0x01 || 32-byte public key)}.
 */
public record SignedNote(String text, List<Line> signatures) {

    private static final String DASH = "\u2014 ";
    private static final byte ED25519 = 0x01;
    private static final int KEY_ID_SIZE = 4;

    /** One signature line: the key's name, its 4-byte ID, and the signature bytes after the ID. */
    public record Line(String keyName, byte[] keyId, byte[] signature) {}

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    /** The key ID of an Ed25519 key under {@code keyName}. */
    public static byte[] keyId(String keyName, byte[] publicKey) {
        requireKeyName(keyName);
        byte[] name = keyName.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[name.length + 2 + publicKey.length];
        System.arraycopy(name, 0, input, 0, name.length);
        input[name.length] = '\n';
        input[name.length + 1] = ED25519;
        System.arraycopy(publicKey, 0, input, name.length + 2, publicKey.length);
        return Arrays.copyOf(Merkle.sha256(input), KEY_ID_SIZE);
    }

    /** The Ed25519 signature of {@code text} by {@code privateKey}: 64 bytes, without the key ID. */
    public static byte[] sign(String text, PrivateKey privateKey) {
        requireText(text);
        return Ed25519.sign(privateKey, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The whole note: the text, a blank line, and the one signature line of the key. */
    public static String format(String text, String keyName, byte[] publicKey, byte[] signature) {
        requireText(text);
        byte[] id = keyId(keyName, publicKey);
        byte[] line = new byte[KEY_ID_SIZE + signature.length];
        System.arraycopy(id, 0, line, 0, KEY_ID_SIZE);
        System.arraycopy(signature, 0, line, KEY_ID_SIZE, signature.length);
        return text + '\n' + DASH + keyName + ' ' + Base64.getEncoder().encodeToString(line) + '\n';
    }

    /** Reads a note; the text is everything up to the last blank line, the signature lines follow it. */
    public static SignedNote parse(String note) {
        if (note.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("a note has no control characters but newlines");
        }
        int blank = note.lastIndexOf("\n\n");
        if (blank < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("a note is a text, a blank line and signature lines");
        }
        String text = note.substring(0, blank + 1);
        List<Line> signatures = new ArrayList<>();
        for (String line : note.substring(blank + 2, note.length() - 1).split("\n", -1)) {
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("a signature line starts with an em dash and a space: " + line);
            }
            String[] parts = line.substring(DASH.length()).split(" ", -1);
            if (parts.length != 2 || parts[0].isEmpty()) {
                throw new IllegalArgumentException("a signature line is a key name and a signature: " + line);
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the signature is not base64: " + line, e);
            }
            if (bytes.length <= KEY_ID_SIZE) {
                throw new IllegalArgumentException("a signature has a key ID and signature bytes: " + line);
            }
            signatures.add(new Line(parts[0], Arrays.copyOf(bytes, KEY_ID_SIZE),
                    Arrays.copyOfRange(bytes, KEY_ID_SIZE, bytes.length)));
        }
        return new SignedNote(text, signatures);
    }

    /**
     * Whether the Ed25519 key {@code publicKey} under {@code keyName} signed this note: at least one of its signature
     * lines is the key's (same name and key ID), and every such line verifies. Other keys' lines are ignored.
     */
    public boolean verifiedBy(String keyName, byte[] publicKey) {
        byte[] id = keyId(keyName, publicKey);
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        boolean any = false;
        for (Line line : signatures) {
            if (line.keyName().equals(keyName) && MessageDigest.isEqual(line.keyId(), id)) {
                if (!Ed25519.verify(publicKey, message, line.signature())) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static void requireKeyName(String keyName) {
        if (keyName == null || keyName.isEmpty() || keyName.indexOf('+') >= 0
                || keyName.chars().anyMatch(c -> c <= 0x20 || Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new IllegalArgumentException("a key name is non-empty, without spaces or '+': " + keyName);
        }
    }

    private static void requireText(String text) {
        if (!text.endsWith("\n") || text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("a note text ends in a newline and has no other control characters");
        }
    }
}
