package io.skylift.engine.store;

import static java.util.Objects.requireNonNull;

import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The database behind a Skylift home, reached by JDBC URL so the embedded H2 file can be swapped
 * for a shared PostgreSQL without code changes. Opening it applies pending migrations.
 */
public final class Database implements AutoCloseable {

    /** H2's code for "the file is locked by another process". */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final String url;
    // An embedded H2 database closes with its last connection; holding one keeps it open, so each
    // transaction does not reopen the file.
    private final Connection anchor;

    private Database(String url, Connection anchor) {
        this.url = url;
        this.anchor = anchor;
    }

    /** Opens the database at {@code url} and brings its schema up to date. */
    public static Database open(String url) {
        requireNonNull(url, "url is null");
        Connection anchor;
        try {
            anchor = DriverManager.getConnection(url);
        }
        catch (SQLException e) {
            throw failedToOpen(url, e);
        }
        try {
            Flyway.configure(Database.class.getClassLoader())
                    // Through SLF4J like the rest of Skylift, so its INFO lines stay off the CLI's stderr.
                    .loggers("slf4j")
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return new Database(url, anchor);
        }
        catch (FlywayException e) {
            closeQuietly(anchor, e);
            throw new SkyliftException(ErrorCode.INTERNAL, "cannot migrate the database " + url + ": " + e.getMessage(), e);
        }
    }

    /** A unit of work on one connection; all of it is committed, or none. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction, rolled back when it throws anything. */
    public <T> T inTransaction(Work<T> work) {
        requireNonNull(work, "work is null");
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            }
            catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            }
        }
        catch (SQLException e) {
            throw new SkyliftException(ErrorCode.INTERNAL, "database " + url + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            anchor.close();
        }
        catch (SQLException e) {
            throw new SkyliftException(ErrorCode.INTERNAL, "cannot close the database " + url + ": " + e.getMessage(), e);
        }
    }

    private static SkyliftException failedToOpen(String url, SQLException e) {
        if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
            return new SkyliftException(ErrorCode.INVALID_INPUT,
                    "the database " + url + " is in use by another skylift process: wait for it to finish", e);
        }
        return new SkyliftException(ErrorCode.INTERNAL, "cannot open the database " + url + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        try {
            connection.close();
        }
        catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
