package vn.ledger.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import vn.ledger.embedded.EmbeddedDatabase;

/**
 * A generated ledger in a durable embedded PostgreSQL whose data directory is cached (by default under
 * {@code ~/.cache/ledger-bench/<size>-<seed>-g<generator version>}, or {@code LEDGER_BENCH_CACHE}): a second run
 * finds it and skips generation. The data set is stamped in {@code public.ledger_bench_dataset} when generation
 * finishes; a directory without a matching stamp (another size, seed or generator version, or an interrupted
 * generation) is made again.
 */
final class Dataset implements AutoCloseable {

    static final String DATABASE = "postgres";

    final Generator.Size size;
    final long seed;
    final Path directory;
    final EmbeddedDatabase database;
    Map<String, Long> counts = new LinkedHashMap<>();
    long generatedEvents;
    double generationSeconds = -1;

    private Dataset(Generator.Size size, long seed, Path directory, EmbeddedDatabase database) {
        this.size = size;
        this.seed = seed;
        this.directory = directory;
        this.database = database;
    }

    static Path cacheRoot() {
        String configured = System.getenv("LEDGER_BENCH_CACHE");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "ledger-bench");
    }

    /** Opens the cached data set, or generates it. */
    static Dataset open(Path root, Generator.Size size, long seed, boolean fresh) throws SQLException {
        Path directory = root.resolve(size.name() + "-" + seed + "-g" + Generator.VERSION);
        if (fresh) {
            delete(directory);
        }
        EmbeddedDatabase database = EmbeddedDatabase.startDurable(directory.resolve("pgdata"), 0);
        Dataset dataset = new Dataset(size, seed, directory, database);
        if (dataset.readStamp()) {
            System.err.printf("Using the cached %s data set (seed %d, generator v%d) in %s: %,d events%n",
                    size.name(), seed, Generator.VERSION, directory, dataset.generatedEvents);
            return dataset;
        }
        if (dataset.hasEvents()) {
            System.err.println("The cached data set in " + directory + " is incomplete or of another version;"
                    + " making it again");
            database.close();
            delete(directory);
            database = EmbeddedDatabase.startDurable(directory.resolve("pgdata"), 0);
            dataset = new Dataset(size, seed, directory, database);
        }
        dataset.generate();
        return dataset;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(DATABASE), database.superuser(), "");
    }

    String jdbcUrl() {
        return database.jdbcUrl(DATABASE);
    }

    /** The event store's and the command model's schema, by the command side's own Flyway migrations. */
    static void migrate(String url, String user) {
        Flyway.configure()
                .dataSource(url, user, "")
                .schemas("event_store", "command_model")
                .table("flyway_schema_history")
                .locations("classpath:db/event-store")
                .load()
                .migrate();
    }

    private void generate() throws SQLException {
        migrate(jdbcUrl(), database.superuser());
        Progress progress = new Progress("generating " + size.name(), size.expectedEvents(), "events");
        Generator.Result result;
        try (Connection events = connect(); Connection roster = connect()) {
            result = new Generator(size, seed, progress).generate(events, roster);
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
            s.execute("""
                    CREATE TABLE public.ledger_bench_dataset (size text, seed bigint, generator_version int,
                        events bigint, counts text, seconds double precision, finished_at timestamptz)""");
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO public.ledger_bench_dataset VALUES (?, ?, ?, ?, ?, ?, now())")) {
                insert.setString(1, size.name());
                insert.setLong(2, seed);
                insert.setInt(3, Generator.VERSION);
                insert.setLong(4, result.events());
                insert.setString(5, format(result.counts()));
                insert.setDouble(6, result.seconds());
                insert.executeUpdate();
            }
        }
        counts = result.counts();
        generatedEvents = result.events();
        generationSeconds = result.seconds();
        System.err.printf("Generated %,d events in %.1f s (%,.0f events/s)%n", result.events(), result.seconds(),
                result.events() / result.seconds());
    }

    private boolean readStamp() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet exists = s.executeQuery("SELECT to_regclass('public.ledger_bench_dataset') IS NOT NULL")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return false;
            }
        }
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT size, seed, generator_version, events, counts, seconds"
                     + " FROM public.ledger_bench_dataset")) {
            if (!row.next() || !size.name().equals(row.getString(1)) || row.getLong(2) != seed
                    || row.getInt(3) != Generator.VERSION) {
                return false;
            }
            generatedEvents = row.getLong(4);
            counts = parse(row.getString(5));
            generationSeconds = row.getDouble(6);
            return true;
        }
    }

    private boolean hasEvents() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT to_regclass('event_store.domain_event_entry') IS NOT NULL")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    static String format(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((type, n) -> text.append(type).append('=').append(n).append(';'));
        return text.toString();
    }

    static Map<String, Long> parse(String text) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            if (!part.isBlank()) {
                String[] kv = part.split("=");
                counts.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return counts;
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
