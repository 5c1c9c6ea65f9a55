package vn.ledger.security;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database is out of reach for now, so a client should retry (503 with Retry-After)
 * rather than see a fault (500) or a refusal (401): no connection within the pool's {@code connection-timeout} (the
 * database is down, restarting, or every connection is busy), or a connection broken under the request (the server
 * stopped: SQL state class 08, or 57P01 to 57P03).
 */
public final class DatabaseOutage {

    /** Seconds a client is asked to wait before trying again. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseOutage() {}

    public static boolean causedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof ConnectException
                    || (cause instanceof SQLException sql && (connectionLost(sql.getSQLState())
                            || closedByPool(sql)))) {
                return true;
            }
            // a rollback that failed on the broken connection hides what broke it (Hikari's "Connection is closed"
            // has no SQL state): the failure the rollback was for tells
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && causedBy(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * HikariCP's answer on a connection it has already evicted as broken (after a statement on it failed with a
     * connection error): the rest of that transaction's statements, and its rollback, fail so, without a SQL state.
     */
    static boolean closedByPool(SQLException sql) {
        return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
    }

    /** The SQL states of a broken or refused connection. */
    static boolean connectionLost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }
}
