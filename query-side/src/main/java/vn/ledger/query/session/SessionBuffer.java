package vn.ledger.query.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ledger.query.projection.SetStatements;
import vn.ledger.query.projection.SetStatements.Column;
import vn.ledger.query.projection.WriteBehind;

/**
 * The rows {@link SessionViewWriter} writes in one transaction, kept in memory until it commits and then written
 * with one statement per table. A session or performance row is read from the database once per transaction, then
 * changed in memory; every other table is written by natural key, the latest value of a key winning.
 */
final class SessionBuffer implements WriteBehind.Buffer {

    static final List<Column> SESSION = List.of(uuid("session_id"), text("topic"), instant("scheduled_at"),
            date("scheduled_on"), text("quarter"), text("format"), text("venue"), text("online_url"),
            text("presenter"), text("host"), new Column("basis_documents", "text[]"), text("status"),
            text("cancel_reason"), text("minutes_summary"), instant("submitted_at"), text("review_decision"),
            text("review_comment"), instant("reviewed_at"), integer("discussion_contributions"),
            text("discussion_summary"), bigint("version"), bigint("last_position"));
    static final List<Column> SESSION_UNIT = List.of(uuid("session_id"), uuid("unit_id"), integer("ordinal"));
    static final List<Column> ATTENDANCE = List.of(uuid("session_id"), uuid("member_id"), text("status"),
            text("mode"), text("note"));
    static final List<Column> GUEST = List.of(uuid("session_id"), text("category"), integer("attendances"));
    static final List<Column> PERFORMANCE = List.of(uuid("performance_id"), uuid("session_id"), text("title"),
            text("genre"), uuid("performer_unit_id"), text("venue"), date("performed_on"), integer("audience"));
    static final List<Column> UNIT_NAME = List.of(uuid("unit_id"), text("name"));

    private static final List<String> SESSION_NAMES = SESSION.stream().map(Column::name).toList();
    private static final List<String> PERFORMANCE_NAMES = PERFORMANCE.stream().map(Column::name).toList();

    private final JdbcTemplate jdbc;
    private final String schema;
    /** Session rows read or written in this transaction; null for a session the view does not have. */
    private final Map<UUID, Object[]> sessions = new HashMap<>();
    private final Set<UUID> changedSessions = new LinkedHashSet<>();
    private final Map<UUID, Object[]> performances = new HashMap<>();
    private final Set<UUID> changedPerformances = new LinkedHashSet<>();
    private final Map<List<Object>, Object[]> sessionUnits = new LinkedHashMap<>();
    private final Map<List<Object>, Object[]> attendance = new LinkedHashMap<>();
    private final Map<List<Object>, Object[]> guests = new LinkedHashMap<>();
    private final Map<List<Object>, Object[]> unitNames = new LinkedHashMap<>();

    SessionBuffer(JdbcTemplate jdbc, String schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    static int sessionColumn(String name) {
        return index(SESSION_NAMES, name);
    }

    static int performanceColumn(String name) {
        return index(PERFORMANCE_NAMES, name);
    }

    /** The session's row as it stands in this transaction, to change in place; null when the view has none. */
    Object[] session(UUID sessionId) {
        if (!sessions.containsKey(sessionId)) { // a session the view does not have is remembered as null
            sessions.put(sessionId, readOne("session", "session_id", sessionId, SESSION));
        }
        return sessions.get(sessionId);
    }

    /** A session row, new or changed, to be written. */
    void sessionChanged(UUID sessionId, Object[] row) {
        sessions.put(sessionId, row);
        changedSessions.add(sessionId);
    }

    Object[] performance(UUID performanceId) {
        if (!performances.containsKey(performanceId)) {
            performances.put(performanceId, readOne("session_performance", "performance_id", performanceId,
                    PERFORMANCE));
        }
        return performances.get(performanceId);
    }

    void performanceChanged(UUID performanceId, Object[] row) {
        performances.put(performanceId, row);
        changedPerformances.add(performanceId);
    }

    void sessionUnit(UUID sessionId, UUID unitId, int ordinal) {
        sessionUnits.put(List.of(sessionId, unitId), new Object[] {sessionId, unitId, ordinal});
    }

    void attendance(UUID sessionId, UUID memberId, String status, String mode, String note) {
        attendance.put(List.of(sessionId, memberId), new Object[] {sessionId, memberId, status, mode, note});
    }

    void guests(UUID sessionId, String category, int attendances) {
        guests.put(List.of(sessionId, category), new Object[] {sessionId, category, attendances});
    }

    void unitName(UUID unitId, String name) {
        unitNames.put(List.of(unitId), new Object[] {unitId, name});
    }

    @Override
    public void flush() {
        upsert("session", SESSION, List.of("session_id"), changed(changedSessions, sessions));
        upsert("session_unit", SESSION_UNIT, List.of("session_id", "unit_id"), new ArrayList<>(sessionUnits.values()));
        upsert("session_attendance", ATTENDANCE, List.of("session_id", "member_id"),
                new ArrayList<>(attendance.values()));
        upsert("session_guest", GUEST, List.of("session_id", "category"), new ArrayList<>(guests.values()));
        upsert("session_performance", PERFORMANCE, List.of("performance_id"),
                changed(changedPerformances, performances));
        upsert("session_unit_name", UNIT_NAME, List.of("unit_id"), new ArrayList<>(unitNames.values()));
    }

    private void upsert(String table, List<Column> columns, List<String> conflict, List<Object[]> rows) {
        SetStatements.upsert(jdbc, schema + "." + table, columns, conflict, rows);
    }

    private static List<Object[]> changed(Set<UUID> ids, Map<UUID, Object[]> rows) {
        return ids.stream().map(rows::get).toList();
    }

    private Object[] readOne(String table, String keyColumn, UUID id, List<Column> columns) {
        List<Object[]> rows = jdbc.query("SELECT * FROM " + schema + "." + table + " WHERE " + keyColumn + " = ?",
                (resultSet, n) -> read(resultSet, columns), id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static Object[] read(ResultSet row, List<Column> columns) throws SQLException {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            String name = columns.get(i).name();
            values[i] = switch (columns.get(i).type()) {
                case "uuid" -> row.getObject(name, UUID.class);
                case "date" -> row.getDate(name);
                case "timestamptz" -> row.getObject(name, OffsetDateTime.class);
                case "integer" -> row.getObject(name, Integer.class);
                case "bigint" -> row.getObject(name, Long.class);
                case "text[]" -> {
                    java.sql.Array array = row.getArray(name);
                    yield array == null ? List.of() : Arrays.asList((String[]) array.getArray());
                }
                default -> row.getString(name);
            };
        }
        return values;
    }

    private static int index(List<String> names, String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        return index;
    }

    private static Column uuid(String name) {
        return new Column(name, "uuid");
    }

    private static Column text(String name) {
        return new Column(name, "text");
    }

    private static Column date(String name) {
        return new Column(name, "date");
    }

    private static Column instant(String name) {
        return new Column(name, "timestamptz");
    }

    private static Column integer(String name) {
        return new Column(name, "integer");
    }

    private static Column bigint(String name) {
        return new Column(name, "bigint");
    }
}
