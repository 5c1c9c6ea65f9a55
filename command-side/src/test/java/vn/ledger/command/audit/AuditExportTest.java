package vn.ledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ledger.command.audit.AuditTestSupport.MovingClock;
import vn.ledger.verify.BundleVerifier;

/** The exported bundle, checked by the offline verifier: intact, then with one stored byte changed. */
class AuditExportTest {

    @TempDir
    Path directory;

    private final InMemoryAuditStore store = new InMemoryAuditStore();
    private AuditExport export;

    @BeforeEach
    void setUp() {
        MovingClock clock = new MovingClock();
        LongStream.rangeClosed(1, 40).filter(index -> index != 17).forEach(store::commit);
        Sealer sealer = new Sealer(store, AuditTestSupport.NO_TRANSACTIONS, clock, AuditTestSupport.settings(10),
                null);
        sealer.sealAvailable();
        clock.advance(Duration.ofSeconds(2));
        sealer.sealAvailable();
        new Checkpoints(store, AuditKeys.loadOrCreate(directory.resolve("keys")), AuditTestSupport.NO_TRANSACTIONS,
                clock, AuditTestSupport.settings(10), null).sign();
        export = new AuditExport(store, AuditTestSupport.NO_TRANSACTIONS);
    }

    @Test
    void theBundleOfTheLatestCheckpointVerifies() throws IOException {
        BundleVerifier.Verdict verdict = BundleVerifier.verify(bundle(), null);
        assertThat(verdict.message()).isEqualTo("verified 39 events");
    }

    @Test
    void aStoredPayloadChangedByOneByteIsNamedByTheVerifier() throws IOException {
        AuditStore.StoredEvent event = store.events.get(23L);
        byte[] payload = event.payload().clone();
        payload[3]++;
        store.events.put(23L, new AuditStore.StoredEvent(23, event.eventId(), payload, event.metadata()));

        BundleVerifier.Verdict verdict = BundleVerifier.verify(bundle(), null);
        assertThat(verdict.outcome()).isEqualTo(BundleVerifier.Outcome.MISMATCH);
        assertThat(verdict.message()).isEqualTo("event event-23 at position 23 does not match the checkpoint");
    }

    private Path bundle() throws IOException {
        Path file = directory.resolve("bundle.zip");
        try (OutputStream out = Files.newOutputStream(file)) {
            export.write(export.checkpoint(null), out);
        }
        return file;
    }
}
