package vn.ledger.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/** The measured scenarios, each against running services over real sockets. */
final class Scenarios {

    private Scenarios() {}

    record CatchUp(double seconds, long events) {}

    record Rebuild(String name, long events, long total, double seconds, boolean complete, String state) {
        double perSecond() {
            return seconds > 0 ? events / seconds : 0;
        }
    }

    record Commands(long commands, long events, double seconds, Stats.Latency latency, Map<String, Long> failures,
                    int clients, int sessions) {
        double perSecond() {
            return commands / seconds;
        }
    }

    record Lag(Stats.Latency latency, long timeouts) {}

    record Queries(long queries, double seconds, Stats.Latency latency, Map<String, Stats.Latency> byEndpoint,
                   Map<String, Stats.Latency> firstAnswers, Map<String, Long> failures, int clients) {
        double perSecond() {
            return queries / seconds;
        }
    }

    /** Waits until every view has reached the head of the log, showing the lowest view's progress. */
    static CatchUp awaitCaughtUp(Api api, Duration timeout, String label) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Long first = null;
        Progress progress = null;
        while (true) {
            Api.Response response = api.get("/api/v1/admin/projections");
            if (response.ok()) {
                long lowest = Long.MAX_VALUE;
                long head = 0;
                boolean all = true;
                for (JsonNode view : response.json()) {
                    JsonNode position = view.get("position");
                    long p = position == null || position.isNull() ? -1 : position.asLong();
                    long h = view.get("headPosition") == null || view.get("headPosition").isNull() ? 0
                            : view.get("headPosition").asLong();
                    head = Math.max(head, h);
                    lowest = Math.min(lowest, p);
                    all &= p >= h;
                }
                if (first == null) {
                    first = Math.max(0, lowest);
                    progress = new Progress(label, head, "events");
                }
                progress.total(head);
                progress.set(Math.max(0, lowest));
                if (all) {
                    progress.done();
                    return new CatchUp((System.nanoTime() - started) / 1e9, Math.max(0, lowest - first));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(String.format("%s: the views did not catch up within %s (%s)",
                        label, timeout, progress == null ? "no status" : progress.summary()));
            }
            Benchmark.pause(500);
        }
    }

    /**
     * Rebuilds every rebuildable view, one after the other, following each at its status URL. With a time box, stops
     * following at the box's end and answers the events done so far (a sample: the rebuild goes on in the service).
     */
    static List<Rebuild> rebuildAll(Api api, Duration timeBox) {
        List<String> names = new ArrayList<>();
        for (JsonNode view : api.get("/api/v1/admin/projections").json()) {
            if (view.path("rebuildable").asBoolean(true)) {
                names.add(view.get("name").asString());
            }
        }
        List<Rebuild> rebuilds = new ArrayList<>();
        for (String name : names) {
            Api.Response started = api.post("/api/v1/admin/projections/" + name + "/rebuild", (String) null);
            if (started.status() != 202) {
                System.err.println("   rebuild of " + name + " answered " + started.status() + " " + started.body());
                rebuilds.add(new Rebuild(name, 0, 0, 0, false, "NOT STARTED " + started.status()));
                continue;
            }
            String id = started.json().get("rebuildId").asString();
            long t0 = System.nanoTime();
            long deadline = timeBox == null ? Long.MAX_VALUE : t0 + timeBox.toNanos();
            Progress progress = null;
            while (true) {
                JsonNode status = api.get("/api/v1/admin/projections/" + name + "/rebuilds/" + id).json();
                String state = status.get("state").asString();
                long done = status.get("eventsDone").asLong();
                long total = status.get("eventsTotal").asLong();
                if (progress == null) {
                    progress = new Progress("rebuild " + name, Math.max(total, 1), "events");
                }
                progress.total(total);
                progress.set(done);
                if (state.equals("DONE") || state.equals("FAILED")) {
                    progress.done();
                    double seconds = seconds(status.get("startedAt"), status.get("finishedAt"),
                            (System.nanoTime() - t0) / 1e9);
                    rebuilds.add(new Rebuild(name, done, total, seconds, state.equals("DONE"), state));
                    break;
                }
                if (System.nanoTime() > deadline) {
                    progress.done();
                    double seconds = seconds(status.get("startedAt"), null, (System.nanoTime() - t0) / 1e9);
                    rebuilds.add(new Rebuild(name, done, total, seconds, false, "SAMPLE"));
                    break;
                }
                Benchmark.pause(200);
            }
        }
        return rebuilds;
    }

    private static double seconds(JsonNode startedAt, JsonNode finishedAt, double fallback) {
        if (startedAt == null || startedAt.isNull()) {
            return fallback;
        }
        Instant from = Instant.parse(startedAt.asString());
        Instant to = finishedAt == null || finishedAt.isNull() ? Instant.now() : Instant.parse(finishedAt.asString());
        return Duration.between(from, to).toNanos() / 1e9;
    }

    /** Cells with at least 25 current members, and those members (the roster a secretary records). */
    static Map<UUID, List<UUID>> rosters(Dataset data, int roster) throws SQLException {
        Map<UUID, List<UUID>> cells = new LinkedHashMap<>();
        try (Connection c = data.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     SELECT m.unit_id, array_agg(m.member_id ORDER BY m.member_id)
                     FROM command_model.membership m JOIN command_model.unit u ON u.unit_id = m.unit_id
                     WHERE m.valid_to IS NULL AND u.kind = 'CELL' AND u.merged_into_unit_id IS NULL
                     GROUP BY m.unit_id HAVING count(*) >= %d ORDER BY m.unit_id""".formatted(roster))) {
            while (r.next()) {
                Array members = r.getArray(2);
                List<UUID> ids = new ArrayList<>();
                for (Object id : (Object[]) members.getArray()) {
                    ids.add((UUID) id);
                }
                cells.put((UUID) r.getObject(1), ids.subList(0, roster));
            }
        }
        if (cells.isEmpty()) {
            throw new IllegalStateException("no cell has " + roster + " members");
        }
        return cells;
    }

    private static Map<String, Object> schedule(UUID cell, LocalDate day, String topic) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitIds", List.of(cell));
        body.put("topic", topic);
        body.put("scheduledAt", day + "T08:00:00+07:00");
        body.put("format", "IN_PERSON");
        body.put("venue", "Hội trường");
        return body;
    }

    /**
     * {@code clients} threads, each recording the attendance of a 25-member roster on sessions of its own, scheduled
     * before the measured window (20 a client; when a client has used them all it records them again with the
     * other status, which changes all 25 entries and so writes again). The first {@code warmup} seconds are not
     * counted.
     */
    static Commands commands(int port, Dataset data, int clients, int seconds, int warmup) throws Exception {
        Map<UUID, List<UUID>> rosters = rosters(data, 25);
        List<UUID> cells = new ArrayList<>(rosters.keySet());
        Api api = Api.signedIn(port, "admin", Benchmark.ADMIN_PASSWORD);
        int perClient = 20;
        UUID[][] sessions = new UUID[clients][perClient];
        UUID[] cellOf = new UUID[clients];
        Progress scheduling = new Progress("scheduling sessions", (long) clients * perClient, "sessions");
        AtomicLong scheduled = new AtomicLong();
        runThreads(clients, client -> {
            UUID cell = cells.get(client % cells.size());
            cellOf[client] = cell;
            for (int i = 0; i < perClient; i++) {
                Api.Response r = api.post("/api/v1/sessions", schedule(cell,
                        LocalDate.of(2027, 1, 1).plusDays(client * perClient + i), "Đo thông lượng " + client));
                if (!r.ok()) {
                    throw new IllegalStateException("scheduling answered " + r.status() + " " + r.body());
                }
                sessions[client][i] = UUID.fromString(r.json().get("id").asString());
                scheduling.set(scheduled.incrementAndGet());
            }
        });
        scheduling.done();

        AtomicLong events = new AtomicLong();
        Timed timed = timedLoad("commands (" + clients + " clients)", clients, seconds, warmup, (client, k) -> {
            UUID session = sessions[client][k % perClient];
            String status = (k / perClient) % 2 == 0 ? "PRESENT" : "ABSENT_EXCUSED";
            List<UUID> members = rosters.get(cellOf[client]);
            StringBuilder body = new StringBuilder("{\"entries\":[");
            for (int m = 0; m < members.size(); m++) {
                body.append(m == 0 ? "" : ",").append("{\"memberId\":\"").append(members.get(m))
                        .append("\",\"status\":\"").append(status).append("\",\"mode\":")
                        .append(status.equals("PRESENT") ? "\"IN_PERSON\"" : "null").append('}');
            }
            body.append("]}");
            return api.post("/api/v1/sessions/" + session + "/attendance", body.toString());
        }, r -> {
            JsonNode written = r.json().get("events");
            events.addAndGet(written == null ? 0 : written.size());
        });
        return new Commands(timed.latencies().length, events.get(), seconds, Stats.Latency.of(timed.latencies()),
                timed.failures(), clients, clients * perClient);
    }

    /**
     * The commands' reference inside the service: {@code clients} threads asking the lightest question the service
     * answers, one year's quarters ({@code GET /api/v1/stats/quarters}), which after its first answer is given from
     * memory (the view's position is read again at most every 50 ms): what Tomcat, Spring Security and Spring MVC,
     * with the load generator on the same cores, allow per second before any command is handled.
     */
    static Commands lightestAnswer(int port, Dataset data, int clients, int seconds, int warmup) throws Exception {
        Api api = Api.signedIn(port, "admin", Benchmark.ADMIN_PASSWORD);
        int year = data.size.firstYear();
        String path = "/api/v1/stats/quarters?from=" + year + "-Q1&to=" + year + "-Q4";
        Api.Response first = api.get(path);
        if (!first.ok()) {
            throw new IllegalStateException(path + " answered " + first.status() + " " + first.body());
        }
        Timed timed = timedLoad("lightest answer (" + clients + " clients)", clients, seconds, warmup,
                (client, k) -> api.get(path), r -> {});
        return new Commands(timed.latencies().length, 0, seconds, Stats.Latency.of(timed.latencies()),
                timed.failures(), clients, 0);
    }

    private interface Request {
        Api.Response send(int client, int k) throws Exception;
    }

    /** The counted requests' latencies, and the counted failures by status and problem code. */
    private record Timed(long[] latencies, Map<String, Long> failures) {}

    /**
     * {@code clients} threads sending requests one after the other for {@code warmup} and then {@code seconds}
     * seconds, with a progress bar. Counted are the requests sent after the warm-up and answered before the end: a
     * 2xx answer's latency (and the answer handed to {@code answered}), any other answer as a failure.
     */
    private static Timed timedLoad(String label, int clients, int seconds, int warmup, Request request,
                                   java.util.function.Consumer<Api.Response> answered) throws Exception {
        Map<String, Long> failures = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        Progress progress = new Progress(label, warmup + seconds, "s");
        Thread ticker = daemon(() -> {
            while (!Thread.currentThread().isInterrupted() && System.nanoTime() < end) {
                progress.set((System.nanoTime() - start) / 1_000_000_000L);
                Benchmark.pause(250);
            }
        });
        long[][] perThread = new long[clients][];
        runThreads(clients, client -> {
            long[] mine = new long[1 << 16];
            int n = 0;
            for (int k = 0; System.nanoTime() < end; k++) {
                long sent = System.nanoTime();
                Api.Response r = request.send(client, k);
                if (sent < measureFrom || System.nanoTime() > end) {
                    continue;
                }
                if (!r.ok()) {
                    failures.merge(r.status() + " " + code(r), 1L, Long::sum);
                    continue;
                }
                answered.accept(r);
                if (n == mine.length) {
                    mine = java.util.Arrays.copyOf(mine, n * 2);
                }
                mine[n++] = r.nanos();
            }
            perThread[client] = java.util.Arrays.copyOf(mine, n);
        });
        ticker.interrupt();
        progress.done();
        return new Timed(concat(java.util.Arrays.asList(perThread)), new TreeMap<>(failures));
    }

    /**
     * One command after another (guests counted on one session, a new count each time); after each 2xx answer,
     * polls the view status until every view's position has reached the command's event, and takes the time from
     * the answer to the first poll that sees it.
     */
    static Lag lag(Api commands, Api views, Dataset data, int count, String label) throws SQLException {
        UUID cell = rosters(data, 1).keySet().iterator().next();
        Api.Response scheduled = commands.post("/api/v1/sessions", schedule(cell, LocalDate.of(2027, 6, 1),
                "Đo độ trễ " + label));
        if (!scheduled.ok()) {
            throw new IllegalStateException("scheduling answered " + scheduled.status() + " " + scheduled.body());
        }
        String session = scheduled.json().get("id").asString();
        long[] lags = new long[count];
        long timeouts = 0;
        Progress progress = new Progress("lag (" + label + ")", count, "commands");
        for (int i = 0; i < count; i++) {
            Api.Response r = commands.post("/api/v1/sessions/" + session + "/guests",
                    "{\"counts\":{\"PUBLIC\":" + (i + 1) + "}}");
            long answered = System.nanoTime();
            if (!r.ok()) {
                throw new IllegalStateException("guests answered " + r.status() + " " + r.body());
            }
            long position = 0;
            for (JsonNode event : r.json().path("events")) {
                position = Math.max(position, event.path("position").asLong(0));
            }
            long deadline = answered + 30_000_000_000L;
            while (true) {
                Api.Response status = views.get("/api/v1/admin/projections");
                if (status.ok() && lowestPosition(status.json()) >= position) {
                    lags[i] = System.nanoTime() - answered;
                    break;
                }
                if (System.nanoTime() > deadline) {
                    lags[i] = System.nanoTime() - answered;
                    timeouts++;
                    break;
                }
                Benchmark.pause(1);
            }
            progress.set(i + 1);
        }
        progress.done();
        return new Lag(Stats.Latency.of(lags), timeouts);
    }

    private static long lowestPosition(JsonNode views) {
        long lowest = Long.MAX_VALUE;
        for (JsonNode view : views) {
            JsonNode p = view.get("position");
            lowest = Math.min(lowest, p == null || p.isNull() ? -1 : p.asLong());
        }
        return lowest;
    }

    /** Units on a page of the per-unit table the query clients read, a dashboard's page. */
    static final int UNIT_PAGE_SIZE = 50;

    /**
     * The committee's questions on a ledger that does not move: first every quarter-level question once, one after
     * the other (the first answer of each is computed from the versioned facts; measured apart), then
     * {@code clients} threads asking the statistics endpoints in turn for {@code seconds} after {@code warmup} seconds:
     * a page of a random quarter's per-unit table, a random year's quarters, a random quarter's performances, a
     * random member's year (2,000 members × the years: mostly first answers).
     */
    static Queries queries(int port, Dataset data, int clients, int seconds, int warmup) throws Exception {
        Api api = Api.signedIn(port, "admin", Benchmark.ADMIN_PASSWORD);
        List<UUID> members = new ArrayList<>();
        try (Connection c = data.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT member_id FROM command_model.member ORDER BY member_id LIMIT 2000")) {
            while (r.next()) {
                members.add((UUID) r.getObject(1));
            }
        }
        int firstYear = data.size.firstYear();
        int years = data.size.years();
        String[] names = {"stats/units (page of " + UNIT_PAGE_SIZE + ")", "stats/quarters", "stats/performances",
                "participation"};
        Map<String, Long> failures = new ConcurrentHashMap<>();
        Map<String, Stats.Latency> firstAnswers = firstAnswers(api, data, failures);
        int unitPages;
        try (Connection c = data.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM command_model.unit")) {
            r.next();
            unitPages = Math.max(1, (r.getInt(1) + UNIT_PAGE_SIZE - 1) / UNIT_PAGE_SIZE);
        }
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        List<List<long[]>> byEndpoint = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            byEndpoint.add(java.util.Collections.synchronizedList(new ArrayList<>()));
        }
        Progress progress = new Progress("queries (" + clients + " clients)", warmup + seconds, "s");
        Thread ticker = daemon(() -> {
            while (!Thread.currentThread().isInterrupted() && System.nanoTime() < end) {
                progress.set((System.nanoTime() - start) / 1_000_000_000L);
                Benchmark.pause(250);
            }
        });
        runThreads(clients, client -> {
            SplittableRandom random = new SplittableRandom(client);
            long[][] mine = new long[names.length][1 << 14];
            int[] n = new int[names.length];
            for (int k = client; System.nanoTime() < end; k++) {
                int endpoint = k % names.length;
                int year = firstYear + random.nextInt(years);
                String quarter = year + "-Q" + (1 + random.nextInt(4));
                String path = switch (endpoint) {
                    case 0 -> "/api/v1/stats/units?quarter=" + quarter + "&size=" + UNIT_PAGE_SIZE + "&page="
                            + random.nextInt(unitPages);
                    case 1 -> "/api/v1/stats/quarters?from=" + year + "-Q1&to=" + year + "-Q4";
                    case 2 -> "/api/v1/stats/performances?quarter=" + quarter;
                    default -> "/api/v1/members/" + members.get(random.nextInt(members.size()))
                            + "/participation?year=" + year;
                };
                long sent = System.nanoTime();
                Api.Response r = api.get(path);
                if (sent < measureFrom || System.nanoTime() > end) {
                    continue;
                }
                if (!r.ok()) {
                    failures.merge(names[endpoint] + " " + r.status() + " " + code(r), 1L, Long::sum);
                    continue;
                }
                if (n[endpoint] == mine[endpoint].length) {
                    mine[endpoint] = java.util.Arrays.copyOf(mine[endpoint], n[endpoint] * 2);
                }
                mine[endpoint][n[endpoint]++] = r.nanos();
            }
            for (int e = 0; e < names.length; e++) {
                byEndpoint.get(e).add(java.util.Arrays.copyOf(mine[e], n[e]));
            }
        });
        ticker.interrupt();
        progress.done();
        Map<String, Stats.Latency> latencies = new LinkedHashMap<>();
        List<long[]> all = new ArrayList<>();
        for (int e = 0; e < names.length; e++) {
            long[] one = concat(byEndpoint.get(e));
            latencies.put(names[e], Stats.Latency.of(one));
            all.add(one);
        }
        Stats.Latency overall = Stats.Latency.of(concat(all));
        return new Queries(overall.count(), seconds, overall, latencies, firstAnswers, new TreeMap<>(failures),
                clients);
    }

    /**
     * Asks every quarter-level question of the data set's years once, one after the other, before the clients start:
     * the time of each first answer, per endpoint.
     */
    private static Map<String, Stats.Latency> firstAnswers(Api api, Dataset data, Map<String, Long> failures)
            throws Exception {
        int firstYear = data.size.firstYear();
        int years = data.size.years();
        Map<String, List<String>> questions = new LinkedHashMap<>();
        for (int year = firstYear; year < firstYear + years; year++) {
            questions.computeIfAbsent("stats/quarters", k -> new ArrayList<>())
                    .add("/api/v1/stats/quarters?from=" + year + "-Q1&to=" + year + "-Q4");
            for (int q = 1; q <= 4; q++) {
                String quarter = year + "-Q" + q;
                questions.computeIfAbsent("stats/units", k -> new ArrayList<>())
                        .add("/api/v1/stats/units?quarter=" + quarter + "&size=" + UNIT_PAGE_SIZE + "&page=0");
                questions.computeIfAbsent("stats/performances", k -> new ArrayList<>())
                        .add("/api/v1/stats/performances?quarter=" + quarter);
            }
        }
        int total = questions.values().stream().mapToInt(List::size).sum();
        Progress progress = new Progress("first answers", total, "questions");
        Map<String, Stats.Latency> latencies = new LinkedHashMap<>();
        int asked = 0;
        for (Map.Entry<String, List<String>> endpoint : questions.entrySet()) {
            long[] nanos = new long[endpoint.getValue().size()];
            int n = 0;
            for (String path : endpoint.getValue()) {
                Api.Response r = api.get(path);
                progress.set(++asked);
                if (!r.ok()) {
                    failures.merge("first " + endpoint.getKey() + " " + r.status() + " " + code(r), 1L, Long::sum);
                    continue;
                }
                nanos[n++] = r.nanos();
            }
            latencies.put(endpoint.getKey(), Stats.Latency.of(java.util.Arrays.copyOf(nanos, n)));
        }
        progress.done();
        return latencies;
    }

    private static String code(Api.Response r) {
        int at = r.body() == null ? -1 : r.body().indexOf("\"code\":\"");
        if (at < 0) {
            return "";
        }
        int from = at + 8;
        return r.body().substring(from, Math.max(from, r.body().indexOf('"', from)));
    }

    private static long[] concat(List<long[]> parts) {
        int size = 0;
        for (long[] p : parts) {
            size += p.length;
        }
        long[] all = new long[size];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "ticker");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    interface ClientTask {
        void run(int client) throws Exception;
    }

    /** Runs {@code task} on {@code count} threads at once and waits for all; the first failure is rethrown. */
    static void runThreads(int count, ClientTask task) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        Exception[] failure = new Exception[1];
        for (int i = 0; i < count; i++) {
            int client = i;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    task.run(client);
                } catch (Exception e) {
                    synchronized (failure) {
                        if (failure[0] == null) {
                            failure[0] = e;
                        }
                    }
                }
            }, "client-" + i);
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
