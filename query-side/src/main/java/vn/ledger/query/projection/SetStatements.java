package vn.ledger.query.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Set-based writes of many rows in one statement: each column travels as one {@code text[]} parameter, unnested
 * into rows and cast to the column's type. One statement per table and batch replaces a statement per row, which is
 * what makes a rebuild fast; its rows are the same as those statements would write.
 */
public final class SetStatements {

    /** A column and the SQL type its text is cast to ({@code uuid}, {@code date}, {@code text}, ...). */
    public record Column(String name, String type) {}

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private SetStatements() {}

    /**
     * Inserts {@code rows} (values in the order of {@code columns}) into {@code table}; a row whose
     * {@code conflictColumns} match an existing row replaces that row's other columns. No two rows may share the
     * conflict columns.
     */
    public static void upsert(JdbcTemplate jdbc, String table, List<Column> columns, List<String> conflictColumns,
                              List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> updates = columns.stream().map(Column::name).filter(name -> !conflictColumns.contains(name))
                .map(name -> name + " = EXCLUDED." + name).toList();
        String sql = "INSERT INTO " + table + " (" + names(columns) + ") SELECT " + casts(columns, "r")
                + " FROM " + unnest(columns, "r") + " ON CONFLICT (" + String.join(", ", conflictColumns) + ") DO "
                + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + String.join(", ", updates));
        execute(jdbc, sql, columns.size(), rows);
    }

    /**
     * For each row of {@code keys} values followed by a position p, ends the current version of that key (the row
     * with {@code valid_to} NULL and {@code valid_from} before p) at p.
     */
    public static void closeVersions(JdbcTemplate jdbc, String table, List<Column> keys, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Column> columns = new ArrayList<>(keys);
        columns.add(new Column("p", "bigint"));
        String match = String.join(" AND ", keys.stream()
                .map(key -> "t." + key.name() + " = r." + key.name() + "::" + key.type()).toList());
        String sql = "UPDATE " + table + " t SET valid_to = r.p::bigint FROM " + unnest(columns, "r") + " WHERE "
                + match + " AND t.valid_to IS NULL AND t.valid_from < r.p::bigint";
        // one primary-key lookup per key, whatever the planner estimates: seeing thousands of keys it would rather
        // hash the whole table, and a table a rebuild has just made looks empty to it, so it may scan the table for
        // every key (both a scan of the whole table per batch, which makes a rebuild slow down as its tables grow)
        // (after a failure the transaction is rolled back, and the settings with it)
        jdbc.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_hashjoin = off;"
                + " SET LOCAL enable_mergejoin = off");
        execute(jdbc, sql, columns.size(), rows);
        jdbc.execute("SET LOCAL enable_seqscan = DEFAULT; SET LOCAL enable_hashjoin = DEFAULT;"
                + " SET LOCAL enable_mergejoin = DEFAULT");
    }

    private static void execute(JdbcTemplate jdbc, String sql, int width, List<Object[]> rows) {
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int column = 0; column < width; column++) {
                statement.setArray(column + 1, textArray(connection, rows, column));
            }
            return statement;
        });
    }

    private static java.sql.Array textArray(Connection connection, List<Object[]> rows, int column)
            throws SQLException {
        String[] texts = new String[rows.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = text(rows.get(i)[column]);
        }
        return connection.createArrayOf("text", texts);
    }

    /** A value as PostgreSQL reads it back with a cast: dates as yyyy-mm-dd, instants with their offset. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime dateTime) {
            return INSTANT.format(dateTime);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof List<?> list) { // a text[] column: an array literal, every element quoted
            StringBuilder literal = new StringBuilder("{");
            for (Object element : list) {
                if (literal.length() > 1) {
                    literal.append(',');
                }
                if (element == null) {
                    literal.append("NULL");
                    continue;
                }
                literal.append('"').append(element.toString().replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            }
            return literal.append('}').toString();
        }
        return value.toString(); // UUID, String, java.sql.Date (yyyy-mm-dd), numbers, booleans
    }

    private static String names(List<Column> columns) {
        return String.join(", ", columns.stream().map(Column::name).toList());
    }

    private static String casts(List<Column> columns, String alias) {
        return String.join(", ", columns.stream()
                .map(column -> alias + "." + column.name() + "::" + column.type()).toList());
    }

    private static String unnest(List<Column> columns, String alias) {
        return "unnest(" + String.join(", ", IntStream.range(0, columns.size()).mapToObj(i -> "?::text[]").toList())
                + ") AS " + alias + " (" + names(columns) + ")";
    }
}
