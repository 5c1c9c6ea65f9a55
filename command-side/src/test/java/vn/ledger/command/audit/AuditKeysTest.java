package vn.ledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import vn.ledger.verify.Ed25519;

/** The signing key: made once outside the database, owner-only, and the same at every later start. */
class AuditKeysTest {

    @TempDir
    Path directory;

    @Test
    void theFirstStartMakesAnOwnerOnlyKeyPairThatLaterStartsReuse() throws Exception {
        Path keys = directory.resolve("keys");
        AuditKeys first = AuditKeys.loadOrCreate(keys);

        Path privateKey = keys.resolve(AuditKeys.PRIVATE_KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(keys.resolve(AuditKeys.PUBLIC_KEY_FILE))).startsWith("-----BEGIN PUBLIC KEY-----");

        AuditKeys again = AuditKeys.loadOrCreate(keys);
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        byte[] message = "ledger.local/x\n1\nAAAA\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Ed25519.verify(first.publicKey(), message, Ed25519.sign(again.privateKey(), message))).isTrue();
    }

    @Test
    void halfAKeyPairIsNotReplacedByANewKey() throws Exception {
        Path keys = directory.resolve("keys");
        AuditKeys.loadOrCreate(keys);
        Files.delete(keys.resolve(AuditKeys.PUBLIC_KEY_FILE));
        assertThatThrownBy(() -> AuditKeys.loadOrCreate(keys)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(AuditKeys.PUBLIC_KEY_FILE);
        assertThat(keys.resolve(AuditKeys.PRIVATE_KEY_FILE)).exists();
    }

    @Test
    void theKeyDirectoryIsConfiguredOrBesideTheDataDirectory() {
        AuditSettings unset = new AuditSettings(true, null, 1, null, null, null, null, null);
        assertThat(AuditConfiguration.keyDirectory(unset, new MockEnvironment()))
                .isEqualTo(Path.of("keys").toAbsolutePath());
        assertThat(AuditConfiguration.keyDirectory(unset,
                new MockEnvironment().withProperty("LEDGER_DATA_DIR", "/var/lib/ledger/data")))
                .isEqualTo(Path.of("/var/lib/ledger/keys"));
        assertThat(AuditConfiguration.keyDirectory(unset, new MockEnvironment()
                .withProperty("LEDGER_DATA_DIR", "/var/lib/ledger/data")
                .withProperty("LEDGER_KEY_DIR", "/etc/ledger/keys")))
                .isEqualTo(Path.of("/etc/ledger/keys"));
        AuditSettings configured = new AuditSettings(true, null, 1, null, null, null, Path.of("/srv/keys"), null);
        assertThat(AuditConfiguration.keyDirectory(configured,
                new MockEnvironment().withProperty("LEDGER_KEY_DIR", "/etc/ledger/keys")))
                .isEqualTo(Path.of("/srv/keys"));
    }
}
