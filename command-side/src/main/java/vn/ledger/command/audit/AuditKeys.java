package vn.ledger.command.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ledger.verify.Ed25519;
import vn.ledger.verify.Merkle;

/**
 * The Ed25519 key that signs checkpoints. It lives outside the database, so that whoever can rewrite the database
 * cannot also sign a new history: made at the first start in the key directory as PEM files (the private key PKCS#8,
 * readable by the owner only; the public key X.509), and read again at every later start.
 */
final class AuditKeys {

    static final String PRIVATE_KEY_FILE = "audit-ed25519.key.pem";
    static final String PUBLIC_KEY_FILE = "audit-ed25519.pub.pem";
    private static final String LOCK_FILE = ".audit-keys.lock";

    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private final PrivateKey privateKey;
    private final byte[] publicKey;

    private AuditKeys(PrivateKey privateKey, byte[] publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Reads the key pair in {@code directory}, making it first if there is none. */
    static AuditKeys loadOrCreate(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                createDirectory(directory);
            }
            // two processes starting together over one directory must not each make a key
            try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
                Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
                boolean hasPrivate = Files.exists(privateFile);
                boolean hasPublic = Files.exists(publicFile);
                if (hasPrivate && hasPublic) {
                    return read(privateFile, publicFile);
                }
                if (hasPrivate || hasPublic) {
                    throw new IllegalStateException("the audit key in " + directory + " is half there: "
                            + (hasPrivate ? PUBLIC_KEY_FILE : PRIVATE_KEY_FILE) + " is missing; restore it from the"
                            + " backup (a new key would not match the checkpoints already signed)");
                }
                return create(privateFile, publicFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or make the audit signing key in " + directory, e);
        }
    }

    /** The raw 32-byte Ed25519 public key. */
    byte[] publicKey() {
        return publicKey.clone();
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** A short fingerprint for logs: the first 8 bytes of SHA-256 of the raw public key, in hex. */
    String fingerprint() {
        return HexFormat.of().formatHex(Merkle.sha256(publicKey), 0, 8);
    }

    private static AuditKeys create(Path privateFile, Path publicFile) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519", e);
        }
        write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), READABLE);
        // the private key last: its presence marks a complete pair
        write(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), OWNER_ONLY);
        AuditKeys keys = new AuditKeys(pair.getPrivate(), Ed25519.raw(pair.getPublic()));
        log.info("Made the audit signing key {} in {}; back up this directory: the key is not in the database",
                keys.fingerprint(), privateFile.getParent().toAbsolutePath());
        return keys;
    }

    private static AuditKeys read(Path privateFile, Path publicFile) throws IOException {
        warnIfOthersCanRead(privateFile);
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(unpem(privateFile)));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(unpem(publicFile)));
            byte[] raw = Ed25519.raw(publicKey);
            byte[] probe = "ledger audit key check".getBytes(StandardCharsets.UTF_8);
            if (!Ed25519.verify(raw, probe, Ed25519.sign(privateKey, probe))) {
                throw new IllegalStateException("the audit keys in " + privateFile.getParent()
                        + " are not one pair");
            }
            AuditKeys keys = new AuditKeys(privateKey, raw);
            log.info("Signing audit checkpoints with the key {} from {}", keys.fingerprint(),
                    privateFile.getParent().toAbsolutePath());
            return keys;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the audit key files in " + privateFile.getParent()
                    + " are not Ed25519 PEM keys", e);
        }
    }

    private static void createDirectory(Path directory) throws IOException {
        if (posix()) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        } else {
            Files.createDirectories(directory);
        }
    }

    /** Writes through a temporary file created with its final permissions, then renames it into place. */
    private static void write(Path file, String text, Set<PosixFilePermission> permissions) throws IOException {
        FileAttribute<?>[] attributes = posix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(file.getParent(), ".audit-key-", ".tmp", attributes);
        try {
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        if (!posix()) {
            log.warn("The file system of {} has no POSIX permissions; make sure only the service can read it", file);
        }
    }

    private static void warnIfOthersCanRead(Path privateFile) throws IOException {
        if (posix()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(privateFile);
            if (!OWNER_ONLY.containsAll(permissions)) {
                log.warn("The audit signing key {} is readable by others ({}); chmod 600 it", privateFile,
                        PosixFilePermissions.toString(permissions));
            }
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(Path file) throws IOException {
        String body = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) [A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
