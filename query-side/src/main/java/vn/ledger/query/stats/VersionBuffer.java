package vn.ledger.query.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ledger.query.projection.SetStatements;
import vn.ledger.query.projection.SetStatements.Column;
import vn.ledger.query.projection.WriteBehind;

/**
 * The versions {@link StatsWriter} writes in one transaction, kept in memory until it commits. A key's pending
 * versions are in position order: each but the last is closed by the next one's position. The first of them ends
 * the version the database holds as current, if that one is older. Reads see the pending versions first, then the
 * database's current rows (read once per key and transaction).
 */
final class VersionBuffer implements WriteBehind.Buffer {

    /** What is pending for one key. */
    private static final class Pending {
        /** The database's current values when first read, or null when it has none; only if {@link #read}. */
        Object[] stored;
        boolean read;
        /** Where the database's current version ends: the position of the first pending version. */
        long closeAt = -1;
        final List<Version> versions = new ArrayList<>(1);

        Version last() {
            return versions.isEmpty() ? null : versions.get(versions.size() - 1);
        }
    }

    private static final class Version {
        final long from;
        Long to;
        Object[] values;

        Version(long from, Object[] values) {
            this.from = from;
            this.values = values;
        }
    }

    private final JdbcTemplate jdbc;
    private final String schema;
    private final Map<StatsTables.Table, Map<List<Object>, Pending>> tables = new HashMap<>();

    VersionBuffer(JdbcTemplate jdbc, String schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    /** The current values of {@code key}: its latest pending version, else the database's; null when none. */
    Object[] current(StatsTables.Table table, List<Object> key) {
        Pending pending = pendingOf(table).computeIfAbsent(key, k -> new Pending());
        Version last = pending.last();
        if (last != null) {
            return last.values;
        }
        if (!pending.read) {
            pending.stored = stored(table, key);
            pending.read = true;
        }
        return pending.stored;
    }

    /**
     * The current rows whose first key column is {@code first} (e.g. a member's memberships), by key: the
     * database's, overlaid with the pending versions.
     */
    Map<List<Object>, Object[]> currentOf(String name, Object first) {
        StatsTables.Table table = StatsTables.named(name);
        Map<List<Object>, Object[]> rows = new LinkedHashMap<>();
        List<Column> keys = table.keys();
        jdbc.query("SELECT * FROM " + schema + "." + table.name() + " WHERE " + keys.get(0).name()
                + " = ? AND valid_to IS NULL", resultSet -> {
                    List<Object> key = new ArrayList<>();
                    for (Column column : keys) {
                        key.add(StatsTables.read(resultSet, column));
                    }
                    rows.put(key, values(resultSet, table));
                }, first);
        pendingOf(table).forEach((key, pending) -> {
            if (key.get(0).equals(first) && pending.last() != null) {
                rows.put(key, pending.last().values);
            }
        });
        return rows;
    }

    /** Makes {@code values} the row of {@code key} from position {@code p} on. */
    void put(StatsTables.Table table, List<Object> key, Object[] values, long p) {
        Pending pending = pendingOf(table).computeIfAbsent(key, k -> new Pending());
        Version last = pending.last();
        if (last == null) {
            pending.closeAt = p;
            pending.versions.add(new Version(p, values));
        } else if (last.from == p) {
            last.values = values; // a second write at the same position replaces the first
        } else {
            last.to = p;
            pending.versions.add(new Version(p, values));
        }
    }

    /** Per table: one statement ends the database's current versions, one writes the pending versions. */
    @Override
    public void flush() {
        for (StatsTables.Table table : StatsTables.ALL) {
            Map<List<Object>, Pending> pending = tables.get(table);
            if (pending == null) {
                continue;
            }
            List<Object[]> closes = new ArrayList<>();
            List<Object[]> versions = new ArrayList<>();
            int keyCount = table.keys().size();
            int valueCount = table.values().size();
            pending.forEach((key, entry) -> {
                if (entry.versions.isEmpty()) {
                    return; // only read
                }
                Object[] close = key.toArray(new Object[keyCount + 1]);
                close[keyCount] = entry.closeAt;
                closes.add(close);
                for (Version version : entry.versions) {
                    Object[] row = new Object[keyCount + valueCount + 2];
                    for (int i = 0; i < keyCount; i++) {
                        row[i] = key.get(i);
                    }
                    System.arraycopy(version.values, 0, row, keyCount, valueCount);
                    row[keyCount + valueCount] = version.from;
                    row[keyCount + valueCount + 1] = version.to;
                    versions.add(row);
                }
            });
            String name = schema + "." + table.name();
            SetStatements.closeVersions(jdbc, name, table.keys(), closes);
            SetStatements.upsert(jdbc, name, table.versionColumns(), table.conflictColumns(), versions);
        }
        tables.clear();
    }

    private Map<List<Object>, Pending> pendingOf(StatsTables.Table table) {
        return tables.computeIfAbsent(table, t -> new HashMap<>());
    }

    private Object[] stored(StatsTables.Table table, List<Object> key) {
        List<Column> keys = table.keys();
        String match = String.join(" AND ", keys.stream().map(column -> column.name() + " = ?").toList());
        List<Object[]> rows = jdbc.query("SELECT * FROM " + schema + "." + table.name() + " WHERE " + match
                + " AND valid_to IS NULL", (resultSet, n) -> values(resultSet, table), key.toArray());
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static Object[] values(java.sql.ResultSet resultSet, StatsTables.Table table) throws java.sql.SQLException {
        Object[] values = new Object[table.values().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = StatsTables.read(resultSet, table.values().get(i));
        }
        return values;
    }
}
