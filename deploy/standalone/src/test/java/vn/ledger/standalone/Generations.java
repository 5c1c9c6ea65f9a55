package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Compares two generations of a projection's tables row for row. */
final class Generations {

    static final List<String> STATS_TABLES = List.of("session", "session_unit", "attendance", "guest", "performance",
            "unit", "member", "membership", "exemption");

    static final List<String> SESSION_TABLES = List.of("session", "session_unit", "session_attendance",
            "session_guest", "session_performance", "session_unit_name");

    private Generations() {}

    /** Every table of stats-v1 has the same rows (as a multiset) in both schemas. */
    static void assertSameRows(JdbcTemplate jdbc, String before, String after) {
        assertSameRows(jdbc, before, after, STATS_TABLES);
    }

    /** Every one of {@code tables} has the same rows (as a multiset) in both schemas. */
    static void assertSameRows(JdbcTemplate jdbc, String before, String after, List<String> tables) {
        for (String table : tables) {
            long rows = jdbc.queryForObject("SELECT count(*) FROM " + before + "." + table, Long.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + after + "." + table, Long.class))
                    .as("rows of %s", table).isEqualTo(rows);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM (SELECT * FROM " + before + "." + table
                    + " EXCEPT ALL SELECT * FROM " + after + "." + table + ") missing", Long.class))
                    .as("rows of %s.%s missing from %s", before, table, after).isZero();
        }
    }
}
