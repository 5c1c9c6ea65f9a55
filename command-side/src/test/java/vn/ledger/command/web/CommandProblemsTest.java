package vn.ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures tell the client to retry (503 with Retry-After) rather than report a fault (500). */
class CommandProblemsTest {

    @Test
    void noConnectionInTimeIsUnavailableHoweverDeepItIsWrapped() {
        SQLTransientConnectionException timeout = new SQLTransientConnectionException(
                "ledger - Connection is not available, request timed out after 30000ms");
        assertThat(CommandProblems.databaseUnavailable(timeout)).isTrue();
        assertThat(CommandProblems.databaseUnavailable(new CommandExecutionException("command failed",
                new CannotCreateTransactionException("no transaction", timeout)))).isTrue();
        assertThat(CommandProblems.databaseUnavailable(
                new CannotGetJdbcConnectionException("no connection", timeout))).isTrue();
    }

    @Test
    void aConnectionBrokenByARestartingDatabaseIsUnavailable() {
        // what the PostgreSQL driver says when the server stops under a statement, or is still starting
        assertThat(CommandProblems.databaseUnavailable(new CommandExecutionException("command failed",
                new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(CommandProblems.databaseUnavailable(new java.sql.SQLException(
                "terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(CommandProblems.databaseUnavailable(new java.sql.SQLException(
                "the database system is starting up", "57P03"))).isTrue();
        // the Idempotency-Key filter's transaction: its statement broke, then its rollback on the closed connection
        org.springframework.transaction.TransactionSystemException rollbackFailed =
                new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                        new java.sql.SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException(
                "INSERT INTO command_model.idempotency_key", new java.sql.SQLException(
                        "FATAL: terminating connection due to administrator command", "57P01")));
        assertThat(CommandProblems.databaseUnavailable(rollbackFailed)).isTrue();
        // the statements after the one that broke the connection, on the connection the pool has evicted
        assertThat(CommandProblems.databaseUnavailable(new org.axonframework.common.jdbc.JdbcException(
                "Failed to create a SQL statement", new java.sql.SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(CommandProblems.databaseUnavailable(new java.sql.SQLException("duplicate key", "23505"))).isFalse();
        assertThat(CommandProblems.databaseUnavailable(new IllegalStateException("a bug"))).isFalse();
        assertThat(CommandProblems.databaseUnavailable(new CommandExecutionException("command failed",
                new NullPointerException()))).isFalse();
    }
}
