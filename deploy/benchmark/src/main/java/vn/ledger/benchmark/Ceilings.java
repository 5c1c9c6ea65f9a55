package vn.ledger.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/** The database's own limits on this machine, the reference points of the service's figures. */
final class Ceilings {

    /** pgbench's figures: durable single-row INSERT transactions. */
    record Pgbench(boolean ran, String why, double tps, double p50Ms, double p99Ms, int clients, int seconds) {}

    /** A sequential read of the event table with every payload and metadata deserialized. */
    record Read(long events, double seconds) {
        double perSecond() {
            return events / seconds;
        }
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    static String postgresVersion(Dataset data) throws SQLException {
        try (Connection c = data.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            String version = r.getString(1);
            try (ResultSet settings = s.executeQuery("SELECT current_setting('fsync'),"
                    + " current_setting('synchronous_commit')")) {
                settings.next();
                return version + " (fsync " + settings.getString(1) + ", synchronous_commit " + settings.getString(2)
                        + ")";
            }
        }
    }

    /**
     * {@code pgbench} from the PATH, {@code clients} clients each inserting one row per transaction into a table of
     * its own database on the same server, for {@code seconds}; latencies from its per-transaction log.
     */
    static Pgbench pgbench(Dataset data, int clients, int seconds, Path logs) throws Exception {
        String pgbench = which("pgbench");
        if (pgbench == null) {
            System.err.println("   pgbench is not on the PATH (Debian: apt-get install postgresql-client): skipped");
            return new Pgbench(false, "pgbench not found", 0, 0, 0, clients, seconds);
        }
        try (Connection c = data.connect(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'pgbench_ceiling'")) {
                if (!r.next()) {
                    s.execute("CREATE DATABASE pgbench_ceiling");
                }
            }
        }
        try (Connection c = java.sql.DriverManager.getConnection(data.database.jdbcUrl("pgbench_ceiling"),
                data.database.superuser(), ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS ceiling_insert (id bigserial PRIMARY KEY,"
                    + " at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)");
            s.execute("TRUNCATE ceiling_insert");
        }
        Path dir = logs.resolve("pgbench");
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Path script = dir.resolve("insert.sql");
        Files.writeString(script, "INSERT INTO ceiling_insert (payload) VALUES ('a single row, durably');\n");
        int threads = Math.max(1, Math.min(clients, Runtime.getRuntime().availableProcessors()));
        List<String> command = List.of(pgbench, "-n", "-c", Integer.toString(clients), "-j",
                Integer.toString(threads), "-T", Integer.toString(seconds), "-f", script.toString(), "-l",
                "--log-prefix=" + dir.resolve("tx"), "-h", "localhost", "-p",
                Integer.toString(data.database.port()), "-U", data.database.superuser(), "pgbench_ceiling");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile()).start();
        Progress progress = new Progress("pgbench", seconds, "s");
        long started = System.nanoTime();
        while (!process.waitFor(250, TimeUnit.MILLISECONDS)) {
            progress.set((System.nanoTime() - started) / 1_000_000_000L);
        }
        progress.done();
        String out = new String(process.getInputStream().readAllBytes());
        Files.writeString(dir.resolve("pgbench.out"), out);
        Matcher tps = TPS.matcher(out);
        if (process.exitValue() != 0 || !tps.find()) {
            System.err.println(out);
            return new Pgbench(false, "pgbench failed (see " + dir + ")", 0, 0, 0, clients, seconds);
        }
        List<Long> latencies = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("tx")).toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    lines.forEach(line -> {
                        String[] f = line.split(" ");
                        if (f.length >= 3) {
                            latencies.add(Long.parseLong(f[2]));
                        }
                    });
                }
            }
        }
        long[] us = latencies.stream().mapToLong(Long::longValue).toArray();
        java.util.Arrays.sort(us);
        return new Pgbench(true, null, Double.parseDouble(tps.group(1)), Stats.percentile(us, 50) / 1000.0,
                Stats.percentile(us, 99) / 1000.0, clients, seconds);
    }

    /**
     * Reads {@code event_store.domain_event_entry} in order with a large fetch size and deserializes each payload
     * into its event class and each metadata into Axon's {@link MetaData}, with the services' serializer (the
     * project has no upcasters: every stored revision is the current one).
     */
    static Read readAndDeserialize(Dataset data) throws SQLException {
        Serializer serializer = EventAppender.serializer();
        SerializedType metaType = new SimpleSerializedType(MetaData.class.getName(), null);
        long total;
        try (Connection c = data.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM event_store.domain_event_entry")) {
            r.next();
            total = r.getLong(1);
        }
        read(data, serializer, metaType, Math.min(total, 200_000), new Progress("read (JIT warm-up)",
                Math.min(total, 200_000), "events"));
        long started = System.nanoTime();
        long events = read(data, serializer, metaType, Long.MAX_VALUE, new Progress("read+deserialize", total,
                "events"));
        return new Read(events, (System.nanoTime() - started) / 1e9);
    }

    private static long read(Dataset data, Serializer serializer, SerializedType metaType, long limit,
                             Progress progress) throws SQLException {
        long events = 0;
        long check = 0;
        try (Connection c = data.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT payload_type, payload_revision, payload, meta_data"
                    + " FROM event_store.domain_event_entry ORDER BY global_index"
                    + (limit == Long.MAX_VALUE ? "" : " LIMIT " + limit))) {
                s.setFetchSize(10_000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Object payload = serializer.deserialize(new SimpleSerializedObject<>(r.getBytes(3),
                                byte[].class, r.getString(1), r.getString(2)));
                        MetaData meta = serializer.deserialize(new SimpleSerializedObject<>(r.getBytes(4),
                                byte[].class, metaType));
                        check += payload.hashCode() + meta.size();
                        if ((++events & 0xFFF) == 0) {
                            progress.set(events);
                        }
                    }
                }
            }
            c.commit();
        }
        progress.set(events);
        progress.done();
        if (check == 42) {
            System.err.print(""); // keeps the deserialized objects from being optimised away
        }
        return events;
    }

    private static String which(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
