package vn.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline verifier on bundles built here: a good one, a changed event, a forged signature, a broken file. */
class BundleVerifierTest {

    private static final String ORIGIN = "ledger.local/bundle-test";

    /** An event as stored: its id, its global index, its payload and metadata bytes. */
    record StoredEvent(String eventId, long position, byte[] payload, byte[] metadata) {

        byte[] leafHash() {
            return EventLeaf.hash(eventId, position, payload, metadata);
        }
    }

    @TempDir
    Path directory;

    private KeyPair key;
    private List<StoredEvent> events;

    @BeforeEach
    void setUp() throws NoSuchAlgorithmException {
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // positions with gaps, as rolled-back transactions leave them
            events.add(new StoredEvent(UUID.randomUUID().toString(), 3L * i + 1,
                    ("{\"unitId\":\"u-" + i + "\",\"name\":\"Chi bộ số " + i + "\"}").getBytes(StandardCharsets.UTF_8),
                    i == 7 ? null : ("{\"userId\":\"admin\",\"role\":\"OFFICE\"}").getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aBundleAsSealedVerifies() throws IOException {
        Path bundle = bundle(events, signedNote(events, key), key);
        Run run = run(bundle.toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).isEqualTo("verified 25 events\n");
        assertThat(run(publicKeyArgument(key), bundle.toString()).exitCode()).isZero();
    }

    @Test
    void oneByteChangedInOnePayloadNamesThatEvent() throws IOException {
        String note = signedNote(events, key);
        List<StoredEvent> changed = new ArrayList<>(events);
        StoredEvent target = events.get(11);
        byte[] payload = target.payload().clone();
        payload[payload.length - 3]++;
        changed.set(11, new StoredEvent(target.eventId(), target.position(), payload, target.metadata()));

        Run run = run(bundle(changed, note, key, events).toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("event " + target.eventId() + " at position " + target.position()
                + " does not match the checkpoint\n");
    }

    @Test
    void aChangedMetadataOrPositionIsNamedToo() throws IOException {
        String note = signedNote(events, key);
        List<StoredEvent> changed = new ArrayList<>(events);
        StoredEvent target = events.get(3);
        changed.set(3, new StoredEvent(target.eventId(), target.position(), target.payload(),
                "{\"userId\":\"someone-else\",\"role\":\"OFFICE\"}".getBytes(StandardCharsets.UTF_8)));
        StoredEvent moved = events.get(20);
        changed.set(20, new StoredEvent(moved.eventId(), moved.position() + 1, moved.payload(), moved.metadata()));

        BundleVerifier.Verdict verdict = BundleVerifier.verify(bundle(changed, note, key, events), null);
        assertThat(verdict.outcome()).isEqualTo(BundleVerifier.Outcome.MISMATCH);
        assertThat(verdict.eventId()).isEqualTo(target.eventId());
    }

    @Test
    void anEventMissingFromTheLogIsNamed() throws IOException {
        String note = signedNote(events, key);
        List<StoredEvent> changed = new ArrayList<>(events);
        StoredEvent gone = events.get(0);
        changed.set(0, new StoredEvent(gone.eventId(), gone.position(), null, null));

        BundleVerifier.Verdict verdict = BundleVerifier.verify(bundle(changed, note, key, events), null);
        assertThat(verdict.outcome()).isEqualTo(BundleVerifier.Outcome.MISMATCH);
        assertThat(verdict.eventId()).isEqualTo(gone.eventId());
    }

    @Test
    void aSignatureByAnotherKeyFails() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        // signed by another key, but the bundle claims this one
        Path forged = bundle(events, signedNote(events, other), key);
        Run run = run(forged.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("signature does not verify");

        // signed by the other key and bundled with it, but that is not the key the auditor trusts
        Path rekeyed = bundle(events, signedNote(events, other), other);
        assertThat(run(rekeyed.toString()).exitCode()).isZero();
        assertThat(run(publicKeyArgument(key), rekeyed.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void aChangedSignatureFails() throws IOException {
        String note = signedNote(events, key);
        int at = note.lastIndexOf(' ') + 10;
        char flipped = note.charAt(at) == 'A' ? 'B' : 'A';
        String forged = note.substring(0, at) + flipped + note.substring(at + 1);
        assertThat(run(bundle(events, forged, key).toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void aCheckpointOfAnotherSizeFails() throws IOException {
        String note = signedNote(events.subList(0, 24), key);
        Run run = run(bundle(events, note, key, events).toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("25 events", "24");
    }

    @Test
    void whatIsNotABundleIsSaidSo() throws IOException {
        Path text = Files.writeString(directory.resolve("not-a-bundle.zip"), "hello");
        assertThat(run(text.toString()).exitCode()).isEqualTo(3);
        Path empty = directory.resolve("empty.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(empty))) {
            zip.putNextEntry(new ZipEntry("something.txt"));
        }
        assertThat(run(empty.toString()).exitCode()).isEqualTo(3);
        assertThat(run().exitCode()).isEqualTo(Main.USAGE);
        assertThat(run(directory.resolve("nowhere.zip").toString()).exitCode()).isEqualTo(Main.USAGE);
    }

    /** The signed checkpoint of these events, as the service signs it. */
    static String signedNote(List<StoredEvent> events, KeyPair key) {
        byte[] root = Merkle.root(events.stream().map(StoredEvent::leafHash).toList());
        Checkpoint checkpoint = new Checkpoint(ORIGIN, events.size(), root);
        return SignedNote.format(checkpoint.text(), ORIGIN, Ed25519.raw(key.getPublic()),
                SignedNote.sign(checkpoint.text(), key.getPrivate()));
    }

    private Path bundle(List<StoredEvent> events, String note, KeyPair key) throws IOException {
        return bundle(events, note, key, events);
    }

    /** A bundle of the events as they are now, with the leaf hashes recorded when {@code sealed} were sealed. */
    private Path bundle(List<StoredEvent> events, String note, KeyPair key, List<StoredEvent> sealed)
            throws IOException {
        Path file = Files.createTempFile(directory, "bundle-", ".zip");
        try (OutputStream out = Files.newOutputStream(file);
             BundleWriter writer = new BundleWriter(out, note, Ed25519.raw(key.getPublic()))) {
            for (int i = 0; i < events.size(); i++) {
                StoredEvent event = events.get(i);
                writer.leaf(i, event.eventId(), event.position(), sealed.get(i).leafHash(), event.payload(),
                        event.metadata());
            }
        }
        return file;
    }

    private static String[] publicKeyArgument(KeyPair key) {
        return new String[] {"--public-key", Base64.getEncoder().encodeToString(Ed25519.raw(key.getPublic()))};
    }

    record Run(int exitCode, String out) {}

    private static Run run(String[] options, String bundle) {
        String[] args = new String[options.length + 1];
        System.arraycopy(options, 0, args, 0, options.length);
        args[options.length] = bundle;
        return run(args);
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }
}
