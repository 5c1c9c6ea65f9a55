package vn.ledger.query.stats;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
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
import vn.ledger.events.GuestCategory;

/**
 * Reads the statistics from the {@code stats-v1} tables. Each answer is read in one repeatable-read snapshot
 * together with the processor's position, so the numbers and the position they reflect always match.
 */
@Component
class StatsQueries {

    /** Guest categories of {@code api.md}, in its order; guests are counted by category, never by name. */
    static final List<String> GUEST_CATEGORIES = Arrays.stream(GuestCategory.values()).map(Enum::name).toList();

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
        Map<UUID, UnitTotals> byUnit = new HashMap<>();
        jdbc.query("""
                SELECT su.unit_id, count(*) AS planned,
                       count(*) FILTER (WHERE s.held AND NOT s.cancelled) AS held,
                       count(*) FILTER (WHERE s.cancelled) AS cancelled
                FROM read_model.stats_session_v1 s
                JOIN read_model.stats_session_unit_v1 su USING (session_id)
                WHERE s.quarter = ?
                GROUP BY su.unit_id
                """, rs -> {
                    UnitTotals unit = byUnit.computeIfAbsent(rs.getObject(1, UUID.class), UnitTotals::new);
                    unit.planned = rs.getLong(2);
                    unit.held = rs.getLong(3);
                    unit.cancelled = rs.getLong(4);
                }, quarter);
        jdbc.query("""
                SELECT su.unit_id, count(*) AS expected, count(*) FILTER (WHERE a.status = 'PRESENT') AS present
                FROM read_model.stats_attendance_v1 a
                JOIN read_model.stats_session_v1 s USING (session_id)
                JOIN read_model.stats_session_unit_v1 su USING (session_id)
                WHERE s.quarter = ? AND NOT s.cancelled
                GROUP BY su.unit_id
                """, rs -> {
                    UnitTotals unit = byUnit.computeIfAbsent(rs.getObject(1, UUID.class), UnitTotals::new);
                    unit.expected = rs.getLong(2);
                    unit.present = rs.getLong(3);
                }, quarter);
        jdbc.query("""
                SELECT su.unit_id, g.category, sum(g.attendances)
                FROM read_model.stats_guest_v1 g
                JOIN read_model.stats_session_v1 s USING (session_id)
                JOIN read_model.stats_session_unit_v1 su USING (session_id)
                WHERE s.quarter = ? AND NOT s.cancelled
                GROUP BY su.unit_id, g.category
                """, rs -> {
                    UnitTotals unit = byUnit.computeIfAbsent(rs.getObject(1, UUID.class), UnitTotals::new);
                    unit.guests.put(rs.getString(2), rs.getLong(3));
                }, quarter);
        jdbc.query("""
                SELECT performer_unit_id, count(*), sum(audience)
                FROM read_model.stats_performance_v1
                WHERE quarter = ?
                GROUP BY performer_unit_id
                """, rs -> {
                    UnitTotals unit = byUnit.computeIfAbsent(rs.getObject(1, UUID.class), UnitTotals::new);
                    unit.showings = rs.getLong(2);
                    unit.audience = rs.getLong(3);
                }, quarter);
        // the roster as it stands now: a renamed unit shows its new name beside the statistics it made under the old
        jdbc.query("""
                SELECT unit_id, name, parent_unit_id, merged_into_unit_id
                FROM read_model.stats_unit_v1
                WHERE unit_id IN (
                    SELECT su.unit_id
                    FROM read_model.stats_session_unit_v1 su
                    JOIN read_model.stats_session_v1 s USING (session_id)
                    WHERE s.quarter = ?
                    UNION
                    SELECT performer_unit_id FROM read_model.stats_performance_v1 WHERE quarter = ?)
                """, rs -> {
                    UnitTotals unit = byUnit.get(rs.getObject(1, UUID.class));
                    unit.name = rs.getString(2);
                    unit.parentUnitId = rs.getObject(3, UUID.class);
                    unit.mergedIntoUnitId = rs.getObject(4, UUID.class);
                }, quarter, quarter);
        return byUnit.values().stream()
                .map(UnitTotals::view)
                .sorted(Comparator.comparing(UnitStatsView::unitName, Comparator.nullsLast(unitNames()))
                        .thenComparing(view -> view.unitId().toString()))
                .toList();
    }

    /** Vietnamese order, so that "Chi bộ Đông" comes after "Chi bộ Dương" rather than after every plain letter. */
    private static Comparator<Object> unitNames() {
        return Collator.getInstance(Locale.forLanguageTag("vi"));
    }

    private List<QuarterStatsView> quartersBetween(Quarter from, Quarter to) {
        Map<String, long[]> byQuarter = new LinkedHashMap<>();
        // [held, memberAttendances, guestAttendances, showings, audience]
        for (Quarter quarter : from.through(to)) {
            byQuarter.put(quarter.toString(), new long[5]);
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
                SELECT s.quarter, sum(g.attendances)
                FROM read_model.stats_guest_v1 g
                JOIN read_model.stats_session_v1 s USING (session_id)
                WHERE s.quarter BETWEEN ? AND ? AND NOT s.cancelled
                GROUP BY s.quarter
                """, rs -> {
                    byQuarter.get(rs.getString(1))[2] = rs.getLong(2);
                }, first, last);
        jdbc.query("""
                SELECT quarter, count(*), sum(audience) FROM read_model.stats_performance_v1
                WHERE quarter BETWEEN ? AND ?
                GROUP BY quarter
                """, rs -> {
                    long[] row = byQuarter.get(rs.getString(1));
                    row[3] = rs.getLong(2);
                    row[4] = rs.getLong(3);
                }, first, last);
        List<QuarterStatsView> views = new ArrayList<>();
        byQuarter.forEach((quarter, row) -> views.add(
                new QuarterStatsView(quarter, row[0], row[1], row[2], row[3], row[4], row[1] + row[2] + row[4])));
        return views;
    }

    /** One unit's numbers while its rows are read; every guest category is there, zero until counted. */
    private static final class UnitTotals {

        final UUID unitId;
        String name;
        UUID parentUnitId;
        UUID mergedIntoUnitId;
        long planned;
        long held;
        long cancelled;
        long expected;
        long present;
        final Map<String, Long> guests = new LinkedHashMap<>();
        long showings;
        long audience;

        UnitTotals(UUID unitId) {
            this.unitId = unitId;
            GUEST_CATEGORIES.forEach(category -> guests.put(category, 0L));
        }

        UnitStatsView view() {
            return new UnitStatsView(unitId, name, parentUnitId, mergedIntoUnitId, planned, held, cancelled,
                    expected, present, expected == 0 ? null : (double) present / expected, guests, showings,
                    audience);
        }
    }
}
