package vn.ledger.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark command ({@code deploy/benchmark/run}, docs/performance.md): on one durable embedded PostgreSQL
 * holding a generated ledger, measures the database's own ceilings, then the standalone service (rebuild, command
 * throughput, lag, statistics queries, memory), the separate services (lag between processes), and the standalone
 * with Axon's out-of-the-box processor settings (rebuild, lag), and prints one table with each figure, its reference
 * and the ratio to it.
 */
public final class Benchmark {

    static final String ADMIN_PASSWORD = "bench-admin-password";
    /** The services' maximum heap (README, "Memory"). */
    static final String SERVICE_HEAP = "600m";
    static final String ROLE_PASSWORD = "bench-role-password";

    private final Options options;
    private final Report report = new Report();
    private Dataset dataset;

    private Benchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Options options = Options.parse(args);
        new Benchmark(options).run();
    }

    private void run() throws Exception {
        Machine machine = Machine.describe();
        try (Dataset data = Dataset.open(Dataset.cacheRoot(), Generator.Size.of(options.size), options.seed,
                options.fresh)) {
            dataset = data;
            machine.postgres = Ceilings.postgresVersion(data);
            report.dataset = data;
            report.machine = machine;
            if (options.generateOnly) {
                report.printCounts(System.out);
                report.dataset = null; // nothing measured: no table
                return;
            }
            Files.createDirectories(options.logs);
            if (!options.skipCeilings) {
                step("ceiling: pgbench single-row INSERT, " + options.clients + " clients");
                report.pgbench = Ceilings.pgbench(data, options.clients, options.pgbenchSeconds, options.logs);
                step("ceiling: sequential read and deserialize of the event table");
                report.readCeiling = Ceilings.readAndDeserialize(data);
            }
            if (options.ceilingsOnly) {
                return;
            }
            standalone("tuned", true);
            if (!options.skipSeparate) {
                separate();
            }
            if (!options.skipBaseline) {
                standalone("axon-defaults", false);
            }
        } finally {
            report.print(System.out);
            Path file = options.logs.resolve("benchmark-" + options.size + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
            Files.createDirectories(options.logs);
            try (var out = new java.io.PrintStream(Files.newOutputStream(file), true, "UTF-8")) {
                report.print(out);
            }
            System.err.println("The table is also in " + file + "; the services' logs in " + options.logs);
        }
    }

    private static void step(String what) {
        System.err.println("== " + what);
    }

    private Map<String, String> standaloneEnv(String processing) {
        Map<String, String> env = new HashMap<>();
        env.put("LEDGER_DB_URL", dataset.jdbcUrl());
        env.put("LEDGER_DB_USER", dataset.database.superuser());
        env.put("LEDGER_DB_PASSWORD", "trust");
        env.put("LEDGER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("LEDGER_KEY_DIR", dataset.directory.resolve("keys").toString());
        // the audit sealer would seal the whole generated log in the background while we measure
        env.put("LEDGER_AUDIT_ENABLED", "false");
        env.put("LEDGER_QUERY_PROCESSING", processing);
        if (processing.equals("axon-defaults")) {
            // Axon's own reader settings too: 100 events per query, a look for other processes' events every second
            env.put("LEDGER_EVENT_LOG_BATCH_SIZE", "100");
            env.put("LEDGER_EVENT_LOG_POLL_INTERVAL", "1s");
        }
        return env;
    }

    private List<String> jvm(String name) {
        List<String> options = new ArrayList<>();
        options.add("-Daxoniq.update-checker.disabled=true");
        // the heap the README recommends for a service: without a limit the JVM may take a quarter of the machine
        options.add("-Xmx" + SERVICE_HEAP);
        if (this.options.jfr) {
            options.add("-XX:+FlightRecorder");
        }
        return options;
    }

    private void standalone(String processing, boolean tuned) throws Exception {
        step("standalone, " + processing + ": starting " + options.standaloneJar);
        try (Service service = Service.start("standalone-" + processing, options.standaloneJar,
                standaloneEnv(processing), options.logs, jvm("standalone"))) {
            Api office = Api.signedIn(service.port, "admin", ADMIN_PASSWORD);
            Report.Phase phase = report.phase(processing);
            phase.catchUp = Scenarios.awaitCaughtUp(office, Duration.ofMinutes(options.catchUpMinutes),
                    "catching up (" + processing + ")");
            Profiler profiler = new Profiler(service, options);
            if (tuned) {
                // a time-boxed rebuild goes on in the service after the box: then it comes last
                Duration rebuildBox = options.rebuildSeconds > 0 ? Duration.ofSeconds(options.rebuildSeconds) : null;
                if (rebuildBox == null && options.runs("rebuild")) {
                    phase.rebuilds = profiler.record("rebuild", () -> Scenarios.rebuildAll(office, null));
                }
                if (options.runs("commands")) {
                    phase.commands = profiler.record("commands", () -> Scenarios.commands(service.port, dataset,
                            options.clients, options.commandSeconds, options.warmupSeconds));
                    Scenarios.awaitCaughtUp(office, Duration.ofMinutes(10), "catching up after the commands");
                    phase.lightest = profiler.record("lightest", () -> Scenarios.lightestAnswer(service.port,
                            dataset, options.clients, options.commandSeconds, options.warmupSeconds));
                }
                if (options.runs("lag")) {
                    phase.lag = profiler.record("lag",
                            () -> Scenarios.lag(office, office, dataset, options.lagCommands, "standalone"));
                }
                if (options.runs("queries")) {
                    phase.queries = profiler.record("queries", () -> Scenarios.queries(service.port, dataset,
                            options.queryClients, options.querySeconds, options.warmupSeconds));
                }
                if (rebuildBox != null && options.runs("rebuild")) {
                    phase.rebuilds = profiler.record("rebuild", () -> Scenarios.rebuildAll(office, rebuildBox));
                }
            } else {
                phase.lag = Scenarios.lag(office, office, dataset, Math.min(options.lagCommands, 100), "baseline");
                phase.rebuilds = Scenarios.rebuildAll(office, Duration.ofSeconds(options.baselineSeconds));
            }
            phase.peakRssKb = service.peakRssKb();
            phase.log = service.log;
        }
    }

    private void separate() throws Exception {
        step("separate services: roles, command-side.jar and query-side.jar");
        try (Connection c = dataset.connect(); Statement s = c.createStatement()) {
            s.execute(Files.readString(options.rolesSql));
            s.execute("ALTER ROLE ledger_command PASSWORD '" + ROLE_PASSWORD + "'");
            s.execute("ALTER ROLE ledger_query PASSWORD '" + ROLE_PASSWORD + "'");
        }
        Map<String, String> commandEnv = new HashMap<>();
        commandEnv.put("LEDGER_DB_URL", dataset.jdbcUrl());
        commandEnv.put("LEDGER_DB_USER", "ledger_command");
        commandEnv.put("LEDGER_DB_PASSWORD", ROLE_PASSWORD);
        commandEnv.put("LEDGER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        commandEnv.put("LEDGER_KEY_DIR", dataset.directory.resolve("keys").toString());
        commandEnv.put("LEDGER_AUDIT_ENABLED", "false");
        Map<String, String> queryEnv = new HashMap<>();
        queryEnv.put("LEDGER_DB_URL", dataset.jdbcUrl());
        queryEnv.put("LEDGER_DB_USER", "ledger_query");
        queryEnv.put("LEDGER_DB_PASSWORD", ROLE_PASSWORD);
        queryEnv.put("LEDGER_QUERY_PROCESSING", "tuned");
        try (Service command = Service.start("command-side", options.commandJar, commandEnv, options.logs,
                jvm("command-side"));
             Service query = Service.start("query-side", options.queryJar, queryEnv, options.logs,
                     jvm("query-side"))) {
            Api queries = Api.signedIn(query.port, "admin", ADMIN_PASSWORD);
            Scenarios.awaitCaughtUp(queries, Duration.ofMinutes(options.catchUpMinutes), "catching up (separate)");
            // the command service has no sign-in form and refuses cookie writes: HTTP Basic; the lag is measured
            // from its answer, so the bcrypt check before the command does not count
            Api commands = Api.basic(command.port, "admin", ADMIN_PASSWORD);
            Report.Phase phase = report.phase("separate");
            Profiler profiler = new Profiler(query, options);
            phase.lag = profiler.record("lag-separate",
                    () -> Scenarios.lag(commands, queries, dataset, options.lagCommands, "separate"));
            phase.peakRssKb = query.peakRssKb();
            phase.commandRssKb = command.peakRssKb();
        }
    }

    /** Command-line options. */
    static final class Options {
        String size = "demo";
        long seed = 2022;
        boolean fresh;
        boolean generateOnly;
        boolean ceilingsOnly;
        boolean skipCeilings;
        int rebuildSeconds;
        boolean skipSeparate;
        boolean skipBaseline;
        boolean jfr;
        int clients = 32;
        int queryClients = 16;
        int commandSeconds = 30;
        int querySeconds = 30;
        /** Load before the commands' and the queries' measured seconds: the JIT compiles the hot paths meanwhile. */
        int warmupSeconds = 15;
        int pgbenchSeconds = 20;
        int baselineSeconds = 60;
        int lagCommands = 300;
        long catchUpMinutes = 240;
        /** The tuned standalone's scenarios to run; empty: all of them. */
        java.util.Set<String> scenarios = java.util.Set.of();
        Path repository = Path.of(".");
        Path standaloneJar;
        Path commandJar;
        Path queryJar;
        Path rolesSql;
        Path logs;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--size" -> o.size = args[++i];
                    case "--seed" -> o.seed = Long.parseLong(args[++i]);
                    case "--fresh" -> o.fresh = true;
                    case "--generate-only" -> o.generateOnly = true;
                    case "--ceilings-only" -> o.ceilingsOnly = true;
                    case "--skip-ceilings" -> o.skipCeilings = true;
                    case "--rebuild-seconds" -> o.rebuildSeconds = Integer.parseInt(args[++i]);
                    case "--skip-separate" -> o.skipSeparate = true;
                    case "--skip-baseline" -> o.skipBaseline = true;
                    case "--jfr" -> o.jfr = true;
                    case "--clients" -> o.clients = Integer.parseInt(args[++i]);
                    case "--query-clients" -> o.queryClients = Integer.parseInt(args[++i]);
                    case "--command-seconds" -> o.commandSeconds = Integer.parseInt(args[++i]);
                    case "--query-seconds" -> o.querySeconds = Integer.parseInt(args[++i]);
                    case "--warmup-seconds" -> o.warmupSeconds = Integer.parseInt(args[++i]);
                    case "--pgbench-seconds" -> o.pgbenchSeconds = Integer.parseInt(args[++i]);
                    case "--baseline-seconds" -> o.baselineSeconds = Integer.parseInt(args[++i]);
                    case "--lag-commands" -> o.lagCommands = Integer.parseInt(args[++i]);
                    case "--catch-up-minutes" -> o.catchUpMinutes = Long.parseLong(args[++i]);
                    case "--repository" -> o.repository = Path.of(args[++i]);
                    case "--scenarios" -> o.scenarios = java.util.Set.of(args[++i].split(","));
                    case "-h", "--help" -> {
                        System.out.println("""
                                usage: deploy/benchmark/run [--size demo|province] [--seed N] [--fresh]
                                  [--generate-only] [--ceilings-only] [--skip-ceilings] [--rebuild-seconds N]
                                  [--skip-separate] [--skip-baseline] [--jfr]
                                  [--clients 32] [--query-clients 16] [--command-seconds 30] [--query-seconds 30]
                                  [--warmup-seconds 15]
                                  [--pgbench-seconds 20] [--baseline-seconds 60] [--lag-commands 300]
                                  [--catch-up-minutes 240] [--repository .]
                                  [--scenarios rebuild,commands,lag,queries] (the tuned standalone's; default all)""");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg + " (--help)");
                }
            }
            Path root = o.repository.toAbsolutePath().normalize();
            o.standaloneJar = root.resolve("deploy/standalone/target/ledger.jar");
            o.commandJar = root.resolve("deploy/command-service/target/command-side.jar");
            o.queryJar = root.resolve("deploy/query-service/target/query-side.jar");
            o.rolesSql = root.resolve("deploy/sql/roles.sql");
            o.logs = root.resolve("deploy/benchmark/target/bench-logs");
            Generator.Size.of(o.size);
            for (String scenario : o.scenarios) {
                if (!java.util.Set.of("rebuild", "commands", "lag", "queries").contains(scenario)) {
                    throw new IllegalArgumentException("unknown scenario " + scenario + " (--help)");
                }
            }
            return o;
        }

        boolean runs(String scenario) {
            return scenarios.isEmpty() || scenarios.contains(scenario);
        }
    }

    /** JFR recordings of the service per scenario (with {@code --jfr}), summarised into the logs folder. */
    static final class Profiler {
        private final Service service;
        private final Options options;

        Profiler(Service service, Options options) {
            this.service = service;
            this.options = options;
        }

        /** Runs one scenario, recorded by JFR when asked for, and answers what it measured. */
        <T> T record(String scenario, Scenario<T> work) throws Exception {
            if (options.jfr) {
                service.jcmd("JFR.start", "name=" + scenario, "settings=profile");
            }
            try {
                return work.run();
            } finally {
                if (options.jfr) {
                    Path file = options.logs.resolve(service.name + "-" + scenario + ".jfr");
                    service.jcmd("JFR.stop", "name=" + scenario, "filename=" + file);
                    System.err.println("   JFR recording: " + file);
                }
            }
        }
    }

    interface Scenario<T> {
        T run() throws Exception;
    }

    static long now() {
        return System.nanoTime();
    }

    static void pause(long millis) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
