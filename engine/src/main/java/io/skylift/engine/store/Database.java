package io.skylift.engine.store;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The database behind a Skylift home, reached by JDBC URL so the embedded H2 file can be swapped
 * for a shared PostgreSQL ({@code jdbc:postgresql://host:5432/skylift?user=...&password=...})
 * without code changes. Opening it applies pending migrations.
 */
public final class Database implements AutoCloseable {

    /** H2's code for "the file is locked by another process". */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final String POSTGRESQL = "jdbc:postgresql:";
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    /** Connections of one process: a runner's dispatcher plus its tasks' short transactions. */
    private static final int POOL_SIZE = 10;
    /** One lock per embedded database (URL without its settings), shared by every {@link Database} on it in this process. */
    private static final Map<String, ReentrantLock> EMBEDDED_LOCKS = new ConcurrentHashMap<>();

    /** Where connections come from: the pool for a server, or the driver for an embedded file. */
    private sealed interface Connections {
        Connection get() throws SQLException;

        void close() throws SQLException;
    }

    private record Pooled(HikariDataSource pool) implements Connections {
        @Override
        public Connection get() throws SQLException {
            return pool.getConnection();
        }

        @Override
        public void close() {
            pool.close();
        }
    }

    /**
     * An embedded H2 database closes with its last connection; holding one keeps it open, so each
     * transaction does not reopen the file, and opening one more connection to it costs little.
     *
     * <p>Its transactions run one at a time ({@code lock}). H2's MVStore writes a commit by
     * saving each changed map (every table and index is one) in turn while other transactions
     * go on changing them, so the file holds a consistent state only when nothing else runs
     * during the save (h2database issue 2080). After a {@code kill -9} in the middle of concurrent
     * transactions, a reopened journal showed a task row COMPLETED whose index entry still said
     * RUNNING (the execution never settled), and intents committed before a cloud create were
     * gone (the resumed task created again). Commits were already serialised by the store lock
     * (WRITE_DELAY 0 saves at every commit), so taking turns costs little, and no transaction ever
     * waits for another's row lock.
     */
    private record Embedded(String url, Connection anchor, ReentrantLock lock) implements Connections {
        @Override
        public Connection get() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public void close() throws SQLException {
            anchor.close();
        }
    }

    private final String shownUrl;
    private final Connections connections;

    private Database(String shownUrl, Connections connections) {
        this.shownUrl = shownUrl;
        this.connections = connections;
    }

    /** Opens the database at {@code url} and brings its schema up to date. */
    public static Database open(String url) {
        requireNonNull(url, "url is null");
        String shown = redact(url);
        Connections connections = url.startsWith(POSTGRESQL) ? pool(url, shown) : embedded(url, shown);
        FluentConfiguration flyway = Flyway.configure(Database.class.getClassLoader())
                // Through SLF4J like the rest of Skylift, so its INFO lines stay off the CLI's stderr.
                .loggers("slf4j")
                .locations("classpath:db/migration");
        try {
            switch (connections) {
                case Pooled pooled -> flyway.dataSource(pooled.pool());
                case Embedded embedded -> flyway.dataSource(url, null, null);
            }
            // Several workers may start at once on a new PostgreSQL: Flyway serialises them with a lock.
            flyway.load().migrate();
            return new Database(shown, connections);
        }
        catch (FlywayException e) {
            closeQuietly(connections, e);
            throw new SkyliftException(ErrorCode.INTERNAL, "cannot migrate the database " + shown + ": " + e.getMessage(), e);
        }
    }

    /** The URL with any password masked, for messages. */
    public static String redact(String url) {
        return PASSWORD.matcher(requireNonNull(url, "url is null")).replaceAll("$1******");
    }

    private static Connections pool(String url, String shown) {
        // One plain attempt first: its failure is one clear line, where the pool's would also log a trace.
        try (Connection probe = DriverManager.getConnection(url)) {
            probe.isValid(5);
        }
        catch (SQLException e) {
            throw unreachable(shown, e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("skylift");
        config.setMaximumPoolSize(POOL_SIZE);
        // An unreachable server fails the open within seconds, with the driver's reason.
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        config.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
        try {
            return new Pooled(new HikariDataSource(config));
        }
        catch (HikariPool.PoolInitializationException e) {
            throw unreachable(shown, e.getCause() == null ? e : e.getCause());
        }
    }

    private static SkyliftException unreachable(String shown, Throwable cause) {
        String reason = String.valueOf(cause.getMessage()).strip().replaceAll("\\.$", "");
        return new SkyliftException(ErrorCode.INVALID_INPUT, "cannot connect to the database " + shown + ": " + reason
                + "; check the URL (--db or SKYLIFT_DATABASE_URL) and that the server is running", cause);
    }

    private static Connections embedded(String url, String shown) {
        Connection anchor;
        try {
            anchor = DriverManager.getConnection(url);
        }
        catch (SQLException e) {
            throw failedToOpen(shown, e);
        }
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY")) {
            // H2 writes commits to its file up to 500 ms later by default, so a killed process loses the
            // last ones: an intent lost after its side effect was made is a duplicate on resume (CrashIT).
            try (Statement statement = anchor.createStatement()) {
                statement.execute("SET WRITE_DELAY 0");
            }
            catch (SQLException e) {
                SkyliftException failure = new SkyliftException(ErrorCode.INTERNAL,
                        "cannot make the database " + shown + " write each commit at once: " + e.getMessage(), e);
                closeQuietly(new Embedded(url, anchor, lock(url)), failure);
                throw failure;
            }
        }
        return new Embedded(url, anchor, lock(url));
    }

    private static ReentrantLock lock(String url) {
        int settings = url.indexOf(';');
        // Fair, so a runner's claim round is not starved by its tasks' heartbeats.
        return EMBEDDED_LOCKS.computeIfAbsent(settings < 0 ? url : url.substring(0, settings), key -> new ReentrantLock(true));
    }

    /** A unit of work on one connection; all of it is committed, or none. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction, rolled back when it throws anything. On an embedded
     * database, transactions of this process take turns (see {@link Embedded}).
     */
    public <T> T inTransaction(Work<T> work) {
        requireNonNull(work, "work is null");
        if (connections instanceof Embedded embedded) {
            embedded.lock().lock();
            try {
                return transaction(work);
            }
            finally {
                embedded.lock().unlock();
            }
        }
        return transaction(work);
    }

    private <T> T transaction(Work<T> work) {
        try (Connection connection = connections.get()) {
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
            throw new SkyliftException(ErrorCode.INTERNAL, "database " + shownUrl + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connections.close();
        }
        catch (SQLException e) {
            throw new SkyliftException(ErrorCode.INTERNAL, "cannot close the database " + shownUrl + ": " + e.getMessage(), e);
        }
    }

    private static SkyliftException failedToOpen(String shown, SQLException e) {
        if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
            return new SkyliftException(ErrorCode.INVALID_INPUT,
                    "the database " + shown + " is in use by another skylift process: wait for it to finish", e);
        }
        return new SkyliftException(ErrorCode.INTERNAL, "cannot open the database " + shown + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connections connections, Exception failure) {
        try {
            connections.close();
        }
        catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
