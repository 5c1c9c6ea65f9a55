package vn.ledger.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Which failures of a query tell the client to retry (503 database-unavailable with Retry-After), not a 500. */
class QueryProblemsTest {

    @Test
    void noConnectionInTimeOrABrokenOneIsUnavailable() {
        assertThat(QueryProblems.databaseUnavailable(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("ledger-query - Connection is not available, request timed out"
                        + " after 3000ms")))).isTrue();
        assertThat(QueryProblems.databaseUnavailable(new DataAccessResourceFailureException("select",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(QueryProblems.databaseUnavailable(new IllegalStateException("query failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(QueryProblems.databaseUnavailable(new SQLException("Connection is closed"))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(QueryProblems.databaseUnavailable(new IllegalStateException("a bug"))).isFalse();
        assertThat(QueryProblems.databaseUnavailable(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(QueryProblems.databaseUnavailable(new SQLException("something else"))).isFalse();
    }
}
