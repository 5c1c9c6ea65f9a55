package vn.ledger.query.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ledger.events.GuestCategory;
import vn.ledger.query.projection.ProjectionStatus;
import vn.ledger.query.projection.ViewSnapshots;
import vn.ledger.query.sheet.VietnameseNames;
import vn.ledger.query.web.ViewBehind;

/**
 * Reads the statistics from the active generation of the {@code stats-v1} tables, live or as they stood at an
 * earlier position. Each answer is read in one repeatable-read snapshot together with the generation and the
 * processor's position, so the numbers and the position they reflect always match, also during a rebuild.
 *
 * <p>An answer is a function of the question, the generation and the position alone: the rows valid at a position
 * the view has reached never change (a later event adds versions, it does not alter earlier ones), unless an event
 * at or before it commits late: its position is a gap in the processor's token until then. So answers are kept in a
 * small cache by (question, generation, position, gaps up to the position), and while the log does not move every
 * reader after the first gets the same answer without touching the tables; a request that arrives while the same
 * answer is being computed waits for it rather than computing it again. A position whose transaction rolled back stays
 * a gap (until the token forgets it) and does not stop answers from being kept.
 */
@Component
class StatsQueries {

    /** Guest categories of {@code api.md}, in its order; guests are counted by category, never by name. */
    static final List<String> GUEST_CATEGORIES = Arrays.stream(GuestCategory.values()).map(Enum::name).toList();

    /** How long a reader waits for the view to reach the position it asked for. */
    static final Duration READ_YOUR_WRITES_TIMEOUT = Duration.ofSeconds(10);

    /** What a reader asks for: the live view, a position, or an instant. */
    record AsOf(Long position, Instant instant) {
        static final AsOf LIVE = new AsOf(null, null);
    }

    /**
     * A result, the event-log position it reflects ({@code null} before the first event), and what it depends on:
     * two answers with equal keys are equal, so a key can name the answer written as JSON.
     */
    record AtPosition<T>(Long position, T result, Object key) {}

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ViewSnapshots snapshots;
    private final ProjectionStatus status;
    private final Cache<Answer, Object> answers = Caffeine.newBuilder()
            .maximumWeight(BYTES_KEPT).weigher((Answer question, Object answer) -> bytes(answer))
            .expireAfterAccess(Duration.ofMinutes(10)).recordStats().build();

    /** The cache's name in the {@code cache_*} meters (gets by hit and miss, evictions, size). */
    static final String CACHE_NAME = "stats-answers";

    /**
     * The heap the kept answers may take, as estimated by {@link #bytes}: a province's per-unit table of one quarter
     * (2,000 units) is about 2 MB, so all twenty quarters of five years fit beside some ten thousand members' years.
     */
    static final int BYTES_KEPT = 64 << 20;

    /** What an answer depends on: the rows valid at a position are those of the events up to it but its gaps. */
    private record Answer(List<Object> question, String schema, Long position, List<Long> gaps) {
        /** The position the rows are read at: -1 before the first event. */
        long at() {
            return position == null ? -1 : position;
        }
    }

    StatsQueries(JdbcTemplate jdbc, ViewSnapshots snapshots, ProjectionStatus status, MeterRegistry meters) {
        CaffeineCacheMetrics.monitor(meters, answers, CACHE_NAME);
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.snapshots = snapshots;
        this.status = status;
    }

    AtPosition<List<UnitStatsView>> units(Quarter quarter, AsOf asOf) {
        return read(asOf, List.of("units", quarter), (tables, n) -> unitsIn(tables, n, quarter.toString()));
    }

    AtPosition<List<QuarterStatsView>> quarters(Quarter from, Quarter to, AsOf asOf) {
        return read(asOf, List.of("quarters", from, to), (tables, n) -> quartersBetween(tables, n, from, to));
    }

    AtPosition<List<PerformanceStatsView>> performances(Quarter quarter, AsOf asOf) {
        return read(asOf, List.of("performances", quarter),
                (tables, n) -> performancesIn(tables, n, quarter.toString()));
    }

    /** The three views of one quarter a report prints, read at one position, and when that position was recorded. */
    record Quarterly(List<UnitStatsView> units, QuarterStatsView totals, List<PerformanceStatsView> performances,
                     Instant recordedAt) {}

    AtPosition<Quarterly> quarterly(Quarter quarter, AsOf asOf) {
        return read(asOf, List.of("quarterly", quarter), (tables, n) -> new Quarterly(unitsIn(tables, n, quarter.toString()),
                quartersBetween(tables, n, quarter, quarter).get(0), performancesIn(tables, n, quarter.toString()),
                recordedAt(n)));
    }

    AtPosition<ParticipationView> participation(UUID memberId, int year, AsOf asOf) {
        return read(asOf, List.of("participation", memberId, year),
                (tables, n) -> participationOf(tables, n, memberId, year));
    }

    /**
     * Reads at the asked position: waits (up to {@link #READ_YOUR_WRITES_TIMEOUT}) until the view has reached it, so
     * a client passing the position its command returned reads its own write. An answer already kept for where the view
     * stands, by the view's current kept snapshot ({@link ViewSnapshots#current}), is given without touching the
     * database; any other is read in one snapshot, which is kept for the next readers.
     */
    @SuppressWarnings("unchecked")
    private <T> AtPosition<T> read(AsOf asOf, List<Object> question, BiFunction<String, Long, T> query) {
        Long wanted = asOf.position() != null ? asOf.position()
                : asOf.instant() != null ? positionAt(asOf.instant()) : null;
        if (wanted != null) {
            awaitPosition(wanted);
        }
        Answer missed = null;
        ViewSnapshots.Snapshot current = snapshots.current(StatsProjection.NAME).orElse(null);
        if (current != null && (wanted == null || reached(current, wanted))) {
            Long n = wanted != null ? wanted : current.position();
            Answer key = key(question, current, n);
            Object kept = answers.getIfPresent(key); // counted as a hit or a miss
            if (kept != null) {
                return new AtPosition<>(n, (T) kept, key);
            }
            missed = key;
        }
        Answer alreadyMissed = missed;
        return snapshots.read(StatsProjection.NAME, view -> {
            Long n = wanted != null ? wanted : view.position();
            Answer key = key(question, view, n);
            Function<Answer, Object> compute = k -> readOnly(query.apply(view.schema(), k.at()));
            // a miss is counted once: the lookup above already counted this key's
            T answer = (T) (key.equals(alreadyMissed) ? answers.asMap().computeIfAbsent(key, compute)
                    : answers.get(key, compute));
            return new AtPosition<>(n, answer, key);
        });
    }

    /**
     * What an answer at position {@code n} depends on. A gap at or before the position is a log position the view
     * passed without its event: a transaction still under way (its event fills the gap later, and the answer then
     * changes) or one rolled back (the gap stays); with the gaps in the key, a filled gap is a new question and a
     * rolled-back one still hits.
     */
    private static Answer key(List<Object> question, ViewSnapshots.Snapshot view, Long n) {
        long at = n == null ? -1 : n;
        return new Answer(question, view.schema(), n, List.copyOf(view.gaps().headSet(at + 1)));
    }

    /** Whether the view had reached {@code wanted}, its event included, when {@code view} was read. */
    private static boolean reached(ViewSnapshots.Snapshot view, long wanted) {
        return view.position() != null && view.position() >= wanted && !view.gaps().contains(wanted);
    }

    private void awaitPosition(long wanted) {
        if (snapshots.current(StatsProjection.NAME).map(view -> reached(view, wanted)).orElse(false)) {
            return;
        }
        long deadline = System.nanoTime() + READ_YOUR_WRITES_TIMEOUT.toNanos();
        while (true) {
            ProjectionStatus.Progress progress = status.progress(StatsProjection.NAME);
            Long reached = progress.position();
            if (reached != null && reached >= wanted && !progress.gaps().contains(wanted)) {
                return; // reached, and not a position the view passed before its event committed
            }
            if (System.nanoTime() > deadline) {
                throw new ViewBehind(StatsProjection.NAME, wanted, reached);
            }
            status.awaitProgress(Duration.ofMillis(20));
        }
    }

    /** The last position recorded at or before {@code instant}; -1 before the first event. */
    private long positionAt(Instant instant) {
        Long position = jdbc.queryForObject("""
                SELECT max(global_index) FROM event_store.domain_event_entry WHERE time_stamp::timestamptz <= ?
                """, Long.class, Timestamp.from(instant));
        return position == null ? -1 : position;
    }

    /** When the last event at or before position {@code n} was recorded; {@code null} before the first event. */
    private Instant recordedAt(long n) {
        List<Instant> recorded = jdbc.query("""
                SELECT time_stamp::timestamptz FROM event_store.domain_event_entry WHERE global_index <= ?
                ORDER BY global_index DESC LIMIT 1
                """, (rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant(), n);
        return recorded.isEmpty() ? null : recorded.get(0);
    }

    /** The rows of {@code alias} as they stood at position :n. */
    private static String at(String alias) {
        return "(" + alias + ".valid_from <= :n AND (" + alias + ".valid_to IS NULL OR " + alias + ".valid_to > :n))";
    }

    private List<UnitStatsView> unitsIn(String t, long n, String quarter) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("n", n).addValue("q", quarter);
        Map<UUID, long[]> byUnit = new LinkedHashMap<>();
        // [planned, held, cancelled, expected, present, showings, audience]
        named.query("""
                SELECT su.unit_id, count(*), count(*) FILTER (WHERE s.held AND NOT s.cancelled),
                       count(*) FILTER (WHERE s.cancelled)
                FROM %1$s.session s JOIN %1$s.session_unit su ON su.session_id = s.session_id AND %3$s
                WHERE s.quarter = :q AND %2$s
                GROUP BY su.unit_id
                """.formatted(t, at("s"), at("su")), params, rs -> {
                    long[] row = byUnit.computeIfAbsent(rs.getObject(1, UUID.class), id -> new long[7]);
                    row[0] = rs.getLong(2);
                    row[1] = rs.getLong(3);
                    row[2] = rs.getLong(4);
                });
        // members expected: in one of the session's units on its date, admitted by then, not exempt that day
        named.query("""
                SELECT x.unit_id, count(*), count(*) FILTER (WHERE a.status = 'PRESENT')
                FROM (%s) x
                LEFT JOIN %s.attendance a ON a.session_id = x.session_id AND a.member_id = x.member_id AND %s
                GROUP BY x.unit_id
                """.formatted(expectedMembers(t, "s.quarter = :q"), t, at("a")), params, rs -> {
                    long[] row = byUnit.computeIfAbsent(rs.getObject(1, UUID.class), id -> new long[7]);
                    row[3] = rs.getLong(2);
                    row[4] = rs.getLong(3);
                });
        named.query("""
                SELECT p.performer_unit_id, count(*), sum(p.audience)
                FROM %s.performance p WHERE p.quarter = :q AND %s
                GROUP BY p.performer_unit_id
                """.formatted(t, at("p")), params, rs -> {
                    long[] row = byUnit.computeIfAbsent(rs.getObject(1, UUID.class), id -> new long[7]);
                    row[5] = rs.getLong(2);
                    row[6] = rs.getLong(3);
                });
        Map<UUID, Map<String, Long>> guests = new LinkedHashMap<>();
        named.query("""
                SELECT su.unit_id, g.category, sum(g.attendances)
                FROM %1$s.guest g
                JOIN %1$s.session s ON s.session_id = g.session_id AND %2$s
                JOIN %1$s.session_unit su ON su.session_id = s.session_id AND %3$s
                WHERE s.quarter = :q AND NOT s.cancelled AND %4$s
                GROUP BY su.unit_id, g.category
                """.formatted(t, at("s"), at("su"), at("g")), params, rs -> {
                    UUID unitId = rs.getObject(1, UUID.class);
                    byUnit.computeIfAbsent(unitId, id -> new long[7]);
                    guests.computeIfAbsent(unitId, id -> noGuests()).put(rs.getString(2), rs.getLong(3));
                });
        Map<UUID, String> namesThen = new LinkedHashMap<>();
        named.query("""
                SELECT x.unit_id, u.name
                FROM (SELECT su.unit_id, max(first.position) AS position
                      FROM %1$s.session s
                      JOIN %1$s.session_unit su ON su.session_id = s.session_id AND %3$s
                      JOIN (SELECT session_id, min(valid_from) AS position FROM %1$s.session GROUP BY session_id) first
                           ON first.session_id = s.session_id
                      WHERE s.quarter = :q AND %2$s
                      GROUP BY su.unit_id) x
                JOIN LATERAL (SELECT name FROM %1$s.unit u WHERE u.unit_id = x.unit_id AND u.valid_from <= x.position
                              AND (u.valid_to IS NULL OR u.valid_to > x.position) LIMIT 1) u ON TRUE
                """.formatted(t, at("s"), at("su")), params, rs -> {
                    namesThen.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        record Unit(String name, UUID parentUnitId, UUID mergedIntoUnitId) {}
        Map<UUID, Unit> units = new LinkedHashMap<>();
        named.query("SELECT u.unit_id, u.name, u.parent_unit_id, u.merged_into_unit_id FROM %s.unit u WHERE %s"
                .formatted(t, at("u")), params, rs -> {
                    units.put(rs.getObject(1, UUID.class), new Unit(rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class)));
                });
        List<UnitStatsView> views = new ArrayList<>();
        byUnit.forEach((unitId, row) -> {
            Unit unit = units.getOrDefault(unitId, new Unit(null, null, null));
            views.add(new UnitStatsView(unitId, unit.name(), namesThen.get(unitId), unit.parentUnitId(),
                    unit.mergedIntoUnitId(),
                    row[0], row[1], row[2], row[3], row[4], row[3] == 0 ? null : (double) row[4] / row[3],
                    guests.getOrDefault(unitId, noGuests()), row[5], row[6]));
        });
        return VietnameseNames.sortedByName(views, UnitStatsView::unitName, UnitStatsView::unitId);
    }

    /** (unit_id, session_id, member_id) of every member expected at a held session matching {@code where}. */
    private static String expectedMembers(String t, String where) {
        return """
                SELECT su.unit_id, s.session_id, s.scheduled_on, ms.member_id
                FROM %1$s.session s
                JOIN %1$s.session_unit su ON su.session_id = s.session_id AND %2$s
                JOIN %1$s.membership ms ON ms.unit_id = su.unit_id AND ms.from_date <= s.scheduled_on
                     AND (ms.to_date IS NULL OR s.scheduled_on < ms.to_date) AND %3$s
                JOIN %1$s.member m ON m.member_id = ms.member_id AND m.admitted_on <= s.scheduled_on AND %4$s
                WHERE %5$s AND s.held AND NOT s.cancelled AND %6$s
                  AND NOT EXISTS (SELECT 1 FROM %1$s.exemption e WHERE e.member_id = ms.member_id
                                  AND e.from_date <= s.scheduled_on AND s.scheduled_on <= e.to_date AND %7$s)
                """.formatted(t, at("su"), at("ms"), at("m"), where, at("s"), at("e"));
    }

    private List<QuarterStatsView> quartersBetween(String t, long n, Quarter from, Quarter to) {
        Map<String, long[]> byQuarter = new LinkedHashMap<>();
        // [held, memberAttendances, guestAttendances, showings, audience]
        for (Quarter quarter : from.through(to)) {
            byQuarter.put(quarter.toString(), new long[5]);
        }
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("n", n)
                .addValue("from", from.toString()).addValue("to", to.toString());
        named.query("""
                SELECT s.quarter, count(*) FROM %s.session s
                WHERE s.quarter BETWEEN :from AND :to AND s.held AND NOT s.cancelled AND %s
                GROUP BY s.quarter
                """.formatted(t, at("s")), params, rs -> {
                    byQuarter.get(rs.getString(1))[0] = rs.getLong(2);
                });
        named.query("""
                SELECT s.quarter, count(*) FROM %1$s.attendance a
                JOIN %1$s.session s ON s.session_id = a.session_id AND %2$s
                WHERE s.quarter BETWEEN :from AND :to AND a.status = 'PRESENT' AND NOT s.cancelled AND %3$s
                GROUP BY s.quarter
                """.formatted(t, at("s"), at("a")), params, rs -> {
                    byQuarter.get(rs.getString(1))[1] = rs.getLong(2);
                });
        named.query("""
                SELECT s.quarter, sum(g.attendances) FROM %1$s.guest g
                JOIN %1$s.session s ON s.session_id = g.session_id AND %2$s
                WHERE s.quarter BETWEEN :from AND :to AND NOT s.cancelled AND %3$s
                GROUP BY s.quarter
                """.formatted(t, at("s"), at("g")), params, rs -> {
                    byQuarter.get(rs.getString(1))[2] = rs.getLong(2);
                });
        named.query("""
                SELECT p.quarter, count(*), sum(p.audience) FROM %s.performance p
                WHERE p.quarter BETWEEN :from AND :to AND %s
                GROUP BY p.quarter
                """.formatted(t, at("p")), params, rs -> {
                    long[] row = byQuarter.get(rs.getString(1));
                    row[3] = rs.getLong(2);
                    row[4] = rs.getLong(3);
                });
        List<QuarterStatsView> views = new ArrayList<>();
        byQuarter.forEach((quarter, row) -> views.add(
                new QuarterStatsView(quarter, row[0], row[1], row[2], row[3], row[4], row[1] + row[2] + row[4])));
        return views;
    }

    private List<PerformanceStatsView> performancesIn(String t, long n, String quarter) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("n", n).addValue("q", quarter);
        Map<List<Object>, List<PerformanceStatsView.Showing>> pieces = new LinkedHashMap<>();
        named.query("""
                SELECT p.title, p.genre, p.performer_unit_id, p.performance_id, p.venue, p.performed_on, p.audience
                FROM %s.performance p WHERE p.quarter = :q AND %s
                ORDER BY p.title, p.genre, p.performer_unit_id, p.performed_on, p.venue
                """.formatted(t, at("p")), params, rs -> {
                    List<Object> piece = List.of(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class));
                    pieces.computeIfAbsent(piece, k -> new ArrayList<>()).add(new PerformanceStatsView.Showing(
                            rs.getObject(4, UUID.class), rs.getString(5), rs.getDate(6).toLocalDate(), rs.getInt(7)));
                });
        List<PerformanceStatsView> views = new ArrayList<>();
        pieces.forEach((piece, showings) -> views.add(new PerformanceStatsView((String) piece.get(0),
                (String) piece.get(1), (UUID) piece.get(2), showings.size(),
                showings.stream().mapToLong(PerformanceStatsView.Showing::audience).sum(), showings)));
        return views;
    }

    private ParticipationView participationOf(String t, long n, UUID memberId, int year) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("n", n).addValue("member", memberId)
                .addValue("first", java.sql.Date.valueOf(year + "-01-01"))
                .addValue("last", java.sql.Date.valueOf(year + "-12-31"));
        List<ParticipationView.Session> sessions = named.query("""
                SELECT DISTINCT ON (x.session_id) x.session_id, x.scheduled_on, x.unit_id, a.status, a.mode
                FROM (%s) x
                LEFT JOIN %s.attendance a ON a.session_id = x.session_id AND a.member_id = x.member_id AND %s
                WHERE x.member_id = :member
                ORDER BY x.session_id, x.scheduled_on
                """.formatted(expectedMembers(t, "s.scheduled_on BETWEEN :first AND :last"), t, at("a")), params,
                (rs, row) -> new ParticipationView.Session(rs.getObject(1, UUID.class),
                        rs.getDate(2).toLocalDate(), rs.getObject(3, UUID.class),
                        rs.getString(4) == null ? "NOT_RECORDED" : rs.getString(4), rs.getString(5)));
        List<ParticipationView.Session> ordered = new ArrayList<>(sessions);
        ordered.sort(java.util.Comparator.comparing(ParticipationView.Session::scheduledOn));
        return ParticipationView.of(memberId, year, ordered);
    }

    /** A cached answer is shared by every request that asks the same: its lists cannot be changed. */
    private static Object readOnly(Object answer) {
        return answer instanceof List<?> list ? java.util.Collections.unmodifiableList(list) : answer;
    }

    /** An estimate of the heap an answer takes (its rows, their strings, ids and maps), to bound the cache by. */
    static int bytes(Object answer) {
        if (answer instanceof java.util.Collection<?> list) {
            int sum = 64;
            for (Object row : list) {
                sum += bytes(row);
            }
            return sum;
        }
        if (answer instanceof UnitStatsView) {
            return 1_000; // two names, three ids, the guests by category
        }
        if (answer instanceof QuarterStatsView) {
            return 150;
        }
        if (answer instanceof PerformanceStatsView piece) {
            return 300 + 120 * piece.venues().size();
        }
        if (answer instanceof ParticipationView participation) {
            return 200 + 150 * participation.sessions().size();
        }
        if (answer instanceof Quarterly quarterly) {
            return 100 + bytes(quarterly.units()) + bytes(quarterly.totals()) + bytes(quarterly.performances());
        }
        return 100;
    }

    private static Map<String, Long> noGuests() {
        Map<String, Long> guests = new LinkedHashMap<>();
        GUEST_CATEGORIES.forEach(category -> guests.put(category, 0L));
        return guests;
    }
}
