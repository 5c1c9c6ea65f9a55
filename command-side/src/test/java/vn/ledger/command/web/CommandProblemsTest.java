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
    void otherFailuresAreNot() {
        assertThat(CommandProblems.databaseUnavailable(new IllegalStateException("a bug"))).isFalse();
        assertThat(CommandProblems.databaseUnavailable(new CommandExecutionException("command failed",
                new NullPointerException()))).isFalse();
    }
}
