package vn.ledger.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One throw-away PostgreSQL per test JVM, and a fresh database on it for every test context, so test classes
 * never see each other's rows and may run in parallel.
 */
public final class TestDatabases {

    private static final AtomicInteger counter = new AtomicInteger();
    private static EmbeddedDatabase server;

    private TestDatabases() {}

    /** Creates an empty database and answers its JDBC URL; the user is {@link #user()} with no password. */
    public static synchronized String newDatabase() {
        if (server == null) {
            server = EmbeddedDatabase.startThrowAway(); // stopped by the library's shutdown hook
        }
        String name = "test_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(server.jdbcUrl("postgres"));
        admin.setUser(server.superuser());
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + name, e);
        }
        return server.jdbcUrl(name);
    }

    public static String user() {
        return "postgres";
    }
}
