package vn.ledger.query.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the statistics from the {@code stats-v1} tables. Each answer is read in one repeatable-read snapshot
 * together with the processor's position, so the numbers and the position they reflect always match.
 */
@Component
class StatsQueries {

    /** Guest categories of {@code api.md}; guests are counted by category, never by name. */
    static final List<String> GUEST_CATEGORIES =
            List.of("PUBLIC", "CIVIL_SERVANTS", "CULTURE_OFFICIALS", "CLUB_REPRESENTATIVES", "OTHER");

    /** A result and the event-log position it reflects ({@code null} before the first event). */
    record AtPosition<T>(Long position, T result) {}

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final TransactionTemplate snapshot;

    StatsQueries(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.snapshot = new TransactionTemplate(transactionManager);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    AtPosition<List<UnitStatsView>> units(Quarter quarter) {
        return inSnapshot(() -> unitsIn(quarter.toString()));
    }

    AtPosition<List<QuarterStatsView>> quarters(Quarter from, Quarter to) {
        return inSnapshot(() -> quartersBetween(from, to));
    }

    private <T> AtPosition<T> inSnapshot(Supplier<T> query) {
        return snapshot.execute(status -> {
            T result = query.get();
            return new AtPosition<>(position(), result);
        });
    }

    /** The lowest position any segment of the processor has reached: everything up to it is in the view. */
    private Long position() {
        List<TrackingToken> tokens = jdbc.query("""
                SELECT token, token_type FROM read_model.token_entry WHERE processor_name = ? AND token IS NOT NULL
                """, (rs, row) -> serializer.deserialize(
                        new SimpleSerializedObject<>(rs.getBytes(1), byte[].class, rs.getString(2), null)),
                StatsProjection.NAME);
        return tokens.stream()
                .map(TrackingToken::position)
                .filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong)
                .min(Long::compare)
                .orElse(null);
    }

    private List<UnitStatsView> unitsIn(String quarter) {
        Map<UUID, long[]> byUnit = new TreeMap<>();
        // [planned, held, cancelled, expected, present, showings, audience]
        jdbc.query("""
                SELECT su.unit_id, count(*) AS planned,
                       count(*) FILTER (WHERE s.held AND NOT s.cancelled) AS held,
                       count(*) FILTER (WHERE s.cancelled) AS cancelled
                FROM read_model.stats_session_v1 s
                JOIN read_model.stats_session_unit_v1 su USING (session_id)
                WHERE s.quarter = ?
                GROUP BY su.unit_id
                """, rs -> {
                    long[] row = byUnit.computeIfAbsent(rs.getObject(1, UUID.class), id -> new long[7]);
                    row[0] = rs.getLong(2);
                    row[1] = rs.getLong(3);
                    row[2] = rs.getLong(4);
                }, quarter);
        jdbc.query("""
                SELECT su.unit_id, count(*) AS expected, count(*) FILTER (WHERE a.status = 'PRESENT') AS present
                FROM read_model.stats_attendance_v1 a
                JOIN read_model.stats_session_v1 s USING (session_id)
                JOIN read_model.stats_session_unit_v1 su USING (session_id)
                WHERE s.quarter = ? AND NOT s.cancelled
                GROUP BY su.unit_id
                """, rs -> {
                    long[] row = byUnit.computeIfAbsent(rs.getObject(1, UUID.class), id -> new long[7]);
                    row[3] = rs.getLong(2);
                    row[4] = rs.getLong(3);
                }, quarter);
        jdbc.query("""
                SELECT performer_unit_id, count(*), sum(audience)
                FROM read_model.stats_performance_v1
                WHERE quarter = ?
                GROUP BY performer_unit_id
                """, rs -> {
                    long[] row = byUnit.computeIfAbsent(rs.getObject(1, UUID.class), id -> new long[7]);
                    row[5] = rs.getLong(2);
                    row[6] = rs.getLong(3);
                }, quarter);
        List<UnitStatsView> views = new ArrayList<>();
        byUnit.forEach((unitId, row) -> views.add(new UnitStatsView(
                unitId, null, row[0], row[1], row[2], row[3], row[4],
                row[3] == 0 ? null : (double) row[4] / row[3],
                noGuests(), row[5], row[6])));
        return views;
    }

    private List<QuarterStatsView> quartersBetween(Quarter from, Quarter to) {
        Map<String, long[]> byQuarter = new LinkedHashMap<>();
        // [held, memberAttendances, showings, audience]
        for (Quarter quarter : from.through(to)) {
            byQuarter.put(quarter.toString(), new long[4]);
        }
        String first = from.toString();
        String last = to.toString();
        jdbc.query("""
                SELECT quarter, count(*) FROM read_model.stats_session_v1
                WHERE quarter BETWEEN ? AND ? AND held AND NOT cancelled
                GROUP BY quarter
                """, rs -> {
                    byQuarter.get(rs.getString(1))[0] = rs.getLong(2);
                }, first, last);
        jdbc.query("""
                SELECT s.quarter, count(*)
                FROM read_model.stats_attendance_v1 a
                JOIN read_model.stats_session_v1 s USING (session_id)
                WHERE s.quarter BETWEEN ? AND ? AND a.status = 'PRESENT' AND NOT s.cancelled
                GROUP BY s.quarter
                """, rs -> {
                    byQuarter.get(rs.getString(1))[1] = rs.getLong(2);
                }, first, last);
        jdbc.query("""
                SELECT quarter, count(*), sum(audience) FROM read_model.stats_performance_v1
                WHERE quarter BETWEEN ? AND ?
                GROUP BY quarter
                """, rs -> {
                    long[] row = byQuarter.get(rs.getString(1));
                    row[2] = rs.getLong(2);
                    row[3] = rs.getLong(3);
                }, first, last);
        List<QuarterStatsView> views = new ArrayList<>();
        byQuarter.forEach((quarter, row) -> {
            long guests = 0; // guests are counted from GuestsCounted, which arrives with the whole domain (issue 3)
            views.add(new QuarterStatsView(quarter, row[0], row[1], guests, row[2], row[3], row[1] + guests + row[3]));
        });
        return views;
    }

    private static Map<String, Long> noGuests() {
        Map<String, Long> guests = new LinkedHashMap<>();
        GUEST_CATEGORIES.forEach(category -> guests.put(category, 0L));
        return guests;
    }
}
