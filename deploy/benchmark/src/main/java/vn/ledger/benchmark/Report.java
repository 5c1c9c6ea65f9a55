package vn.ledger.benchmark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table: each figure, its reference point, the ratio to it, and whether the target is met. */
final class Report {

    /** What one run of a service measured. */
    static final class Phase {
        Scenarios.CatchUp catchUp;
        List<Scenarios.Rebuild> rebuilds;
        Scenarios.Commands commands;
        /** The lightest answer the service gives, at the commands' concurrency: what its HTTP stack allows. */
        Scenarios.Commands lightest;
        Scenarios.Lag lag;
        Scenarios.Queries queries;
        long peakRssKb = -1;
        long commandRssKb = -1;
        Path log;
    }

    Machine machine;
    Dataset dataset;
    Ceilings.Pgbench pgbench;
    Ceilings.Read readCeiling;
    final Map<String, Phase> phases = new LinkedHashMap<>();

    Phase phase(String name) {
        return phases.computeIfAbsent(name, n -> new Phase());
    }

    void printCounts(PrintStream out) {
        out.printf("%nData set %s, seed %d, generator v%d: %,d events%s%n", dataset.size.name(), dataset.seed,
                Generator.VERSION, dataset.generatedEvents, dataset.generationSeconds > 0
                        ? String.format(" generated in %.1f s (%,.0f events/s)", dataset.generationSeconds,
                        dataset.generatedEvents / dataset.generationSeconds) : "");
        out.println();
        out.println("| event | count |");
        out.println("|---|---:|");
        dataset.counts.forEach((type, n) -> out.printf("| %s | %,d |%n", type, n));
    }

    void print(PrintStream out) {
        if (dataset == null) {
            return;
        }
        out.println();
        out.println("## Benchmark");
        out.println();
        if (machine != null) {
            out.printf("Machine: %d cores, %s, %,d MiB RAM; %s; Java %s; PostgreSQL %s; load average at the end: %s%n",
                    machine.cores, machine.cpu, machine.memoryMb, machine.os, machine.java, machine.postgres,
                    Machine.describe().load);
        }
        printCounts(out);
        out.println();
        out.println("| # | measure | value | reference | ratio | target | met |");
        out.println("|---|---|---:|---|---:|---|---|");
        Phase tuned = phases.get("tuned");
        Phase baseline = phases.get("axon-defaults");
        Phase separate = phases.get("separate");
        if (pgbench != null) {
            row("0", "ceiling: pgbench single-row INSERT, " + pgbench.clients() + " clients, " + pgbench.seconds()
                    + " s", pgbench.ran() ? String.format("%,.0f tx/s, p50 %.1f ms, p99 %.1f ms", pgbench.tps(),
                    pgbench.p50Ms(), pgbench.p99Ms()) : "skipped: " + pgbench.why(), "", "", "", "", out);
        }
        if (readCeiling != null) {
            row("0", "ceiling: sequential read + deserialize of the event table", String.format("%,.0f events/s"
                    + " (%,d in %.1f s)", readCeiling.perSecond(), readCeiling.events(), readCeiling.seconds()),
                    "", "", "", "", out);
        }
        if (tuned != null && tuned.commands != null) {
            Scenarios.Commands c = tuned.commands;
            double ratio = ofPgbench(c.perSecond());
            row("1", "commands: RecordAttendance, 25 members, " + c.clients() + " clients, " + (int) c.seconds()
                    + " s", String.format("%,.0f commands/s, %,.0f events/s", c.perSecond(), c.events() / c.seconds()),
                    pgbenchReference(),
                    ratio(ratio), "≥ 0.25", met(ratio >= 0.25), out);
            row("1", "commands: latency", String.format("p50 %.1f ms, p99 %.1f ms (max %.0f)", c.latency().p50Ms(),
                    c.latency().p99Ms(), c.latency().maxMs()), "", "", "p99 < 100 ms", met(c.latency().p99Ms() < 100),
                    out);
            if (!c.failures().isEmpty()) {
                row("1", "commands: failures", c.failures().toString(), "", "", "", "", out);
            }
        }
        if (tuned != null && tuned.lightest != null) {
            Scenarios.Commands l = tuned.lightest;
            double ratio = ofPgbench(l.perSecond());
            row("1", "reference: the lightest answer (a year's quarters from memory, no command), " + l.clients()
                    + " clients, " + (int) l.seconds() + " s", String.format("%,.0f requests/s, p50 %.1f ms, p99 %.1f"
                    + " ms", l.perSecond(), l.latency().p50Ms(), l.latency().p99Ms()),
                    pgbenchReference(),
                    ratio(ratio), "", "", out);
            if (!l.failures().isEmpty()) {
                row("1", "reference: failures", l.failures().toString(), "", "", "", "", out);
            }
        }
        if (tuned != null && tuned.rebuilds != null) {
            double tunedRate = rate(tuned.rebuilds);
            double seconds = tuned.rebuilds.stream().mapToDouble(Scenarios.Rebuild::seconds).sum();
            double baseRate = baseline != null && baseline.rebuilds != null ? rate(baseline.rebuilds) : Double.NaN;
            for (Scenarios.Rebuild r : tuned.rebuilds) {
                row("2", "rebuild " + r.name(), String.format("%,.0f events/s, %,d events in %.1f s %s",
                        r.perSecond(), r.events(), r.seconds(), r.complete() ? "" : "(" + r.state() + ")"), "", "", "",
                        "", out);
            }
            row("2", "rebuild of every view (one after the other)", String.format("%,.0f events/s, %.1f s in all",
                    tunedRate, seconds), Double.isNaN(baseRate) ? "baseline not run"
                    : String.format("Axon defaults %,.1f events/s", baseRate), ratio(tunedRate / baseRate), "≥ 10",
                    met(tunedRate / baseRate >= 10), out);
            if (readCeiling != null) {
                double r = tunedRate / readCeiling.perSecond();
                row("2", "rebuild vs the read ceiling", String.format("%,.0f events/s", tunedRate),
                        String.format("read+deserialize %,.0f events/s", readCeiling.perSecond()), ratio(r), "≥ 0.25",
                        met(r >= 0.25), out);
            }
            if (tuned.catchUp != null && tuned.catchUp.events() > 0) {
                row("2", "first catch-up of the live processors", String.format("%,.0f events/s (%,d events)",
                        tuned.catchUp.events() / tuned.catchUp.seconds(), tuned.catchUp.events()), "", "", "", "",
                        out);
            }
        }
        if (baseline != null && baseline.rebuilds != null) {
            for (Scenarios.Rebuild r : baseline.rebuilds) {
                row("2", "baseline rebuild " + r.name() + " (Axon defaults)", String.format("%,.1f events/s, %,d of"
                        + " %,d events in %.1f s%s", r.perSecond(), r.events(), r.total(), r.seconds(),
                        r.complete() ? "" : ", a time-boxed sample"), "", "", "", "", out);
            }
        }
        if (tuned != null && tuned.lag != null) {
            lagRow("standalone", tuned.lag, 100, baseline != null ? baseline.lag : null, out);
        }
        if (separate != null && separate.lag != null) {
            lagRow("separate processes", separate.lag, 250, null, out);
        }
        if (baseline != null && baseline.lag != null) {
            row("3", "lag, standalone, Axon defaults", String.format("p50 %.1f ms, p99 %.1f ms",
                    baseline.lag.latency().p50Ms(), baseline.lag.latency().p99Ms()), "", "", "", "", out);
        }
        if (tuned != null && tuned.queries != null) {
            Scenarios.Queries q = tuned.queries;
            row("4", "statistics queries, " + q.clients() + " clients, " + (int) q.seconds() + " s",
                    String.format("%,.0f queries/s, p50 %.1f ms, p99 %.1f ms", q.perSecond(), q.latency().p50Ms(),
                            q.latency().p99Ms()), "", "", "≥ 1,500/s, p99 < 50 ms",
                    met(q.perSecond() >= 1500 && q.latency().p99Ms() < 50), out);
            q.byEndpoint().forEach((name, l) -> row("4", "  " + name, String.format("%,d, p50 %.1f ms, p99 %.1f ms",
                    l.count(), l.p50Ms(), l.p99Ms()), "", "", "", "", out));
            q.firstAnswers().forEach((name, l) -> row("4", "  first answer of each question, " + name
                            + " (one at a time, before the clients)",
                    String.format("%,d questions, p50 %.1f ms, max %.1f ms", l.count(), l.p50Ms(), l.maxMs()),
                    "", "", "", "", out));
            if (!q.failures().isEmpty()) {
                row("4", "queries: failures", q.failures().toString(), "", "", "", "", out);
            }
        }
        if (tuned != null && tuned.peakRssKb > 0) {
            double mib = tuned.peakRssKb / 1024.0;
            row("5", "peak RSS of the standalone service (VmHWM)", String.format("%,.0f MiB", mib), "1 GiB",
                    ratio(mib / 1024), "≤ 1 GiB", met(mib <= 1024), out);
        }
        if (separate != null && separate.peakRssKb > 0) {
            row("5", "peak RSS, query-side.jar / command-side.jar", String.format("%,.0f / %,.0f MiB",
                    separate.peakRssKb / 1024.0, separate.commandRssKb / 1024.0), "", "", "", "", out);
        }
        if (baseline != null && baseline.peakRssKb > 0) {
            row("5", "peak RSS, standalone with Axon defaults", String.format("%,.0f MiB", baseline.peakRssKb / 1024.0),
                    "", "", "", "", out);
        }
        out.println();
        out.println("Services ran with LEDGER_AUDIT_ENABLED=false (the sealer would seal the generated log meanwhile);"
                + " the load generator shares the machine with the service and PostgreSQL.");
    }

    /** {@code perSecond} as a share of pgbench's transactions/s; NaN when pgbench did not run. */
    private double ofPgbench(double perSecond) {
        return pgbench != null && pgbench.ran() ? perSecond / pgbench.tps() : Double.NaN;
    }

    private String pgbenchReference() {
        return pgbench != null && pgbench.ran() ? String.format("pgbench %,.0f tx/s", pgbench.tps()) : "-";
    }

    private static void lagRow(String where, Scenarios.Lag lag, double target, Scenarios.Lag baseline,
                               PrintStream out) {
        row("3", "lag, command answered → in every view, " + where + " (" + lag.latency().count() + " commands)",
                String.format("p50 %.1f ms, p99 %.1f ms%s", lag.latency().p50Ms(), lag.latency().p99Ms(),
                        lag.timeouts() > 0 ? ", " + lag.timeouts() + " timed out" : ""),
                baseline == null ? "" : String.format("Axon defaults p99 %.1f ms", baseline.latency().p99Ms()),
                baseline == null ? "" : ratio(baseline.latency().p99Ms() / lag.latency().p99Ms()),
                "p99 < " + (int) target + " ms", met(lag.latency().p99Ms() < target), out);
    }

    private static double rate(List<Scenarios.Rebuild> rebuilds) {
        long events = 0;
        double seconds = 0;
        for (Scenarios.Rebuild r : rebuilds) {
            events += r.events();
            seconds += r.seconds();
        }
        return seconds > 0 ? events / seconds : Double.NaN;
    }

    private static String ratio(double r) {
        return Double.isNaN(r) || Double.isInfinite(r) ? "-" : String.format("%.2f", r);
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static void row(String n, String measure, String value, String reference, String ratio, String target,
                            String met, PrintStream out) {
        out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", n, measure, value, reference, ratio, target, met);
    }
}
