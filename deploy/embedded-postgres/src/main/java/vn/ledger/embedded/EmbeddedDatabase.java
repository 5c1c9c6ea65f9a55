package vn.ledger.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries that a Maven Central package ships.
 *
 * <p>A durable server keeps fsync and synchronous commit on: an acknowledged command survives {@code kill -9} of
 * the JVM and a power cut. A JVM killed with {@code -9} leaves its postmaster running without a client; the next
 * start over the same data directory stops that orphan first (a fast shutdown that writes a checkpoint), so the
 * data directory is never opened by two servers.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a durable server over {@code dataDirectory}, creating the cluster on first use.
     *
     * @param port the TCP port on the loopback interface; 0 picks a free one
     */
    public static EmbeddedDatabase startDurable(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(120))
                    // the library starts postgres with -F (fsync off) and synchronous_commit off, fine for tests;
                    // a ledger's acknowledged writes must be on disk
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    // PostgreSQL's defaults are sized for a tiny machine. Every append inserts into three indexes of
                    // the event table (two of them keyed by random UUIDs), so it touches index pages all over them:
                    // with 128 MB of buffers a province's log read some of them from the disk for each append, and
                    // after each checkpoint the first change of a page writes the whole page to the WAL (about 23 KB
                    // of WAL per event). More buffers, compressed page images, and checkpoints every 15 minutes
                    // keep that down; recovery after a crash replays up to that much WAL (max_wal_size) first.
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("wal_compression", "on")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("checkpoint_timeout", "15min");
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Starts a fast, non-durable server in a fresh temporary directory that is removed when it stops. */
    public static EmbeddedDatabase startThrowAway() {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(120))
                    .setServerConfig("max_connections", "300")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** The superuser the embedded cluster is initialised with; it authenticates by trust on loopback. */
    public String superuser() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return; // a stale pid file: postgres itself recovers from it
        }
        log.warn("A PostgreSQL server (pid {}) left by an earlier run still holds {}; stopping it", pid, dataDirectory);
        ProcessHandle process = orphan.get();
        try {
            // SIGINT asks postgres for a fast shutdown: roll back open transactions, checkpoint, exit.
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            process.onExit().get(ORPHAN_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the orphaned PostgreSQL " + pid, e);
        } catch (Exception e) {
            throw new IOException("could not stop the orphaned PostgreSQL " + pid + " in " + dataDirectory, e);
        }
    }
}
