package io.skylift.bench.engine;

import io.skylift.engine.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/** Where a run journals: a fresh, empty database each time, so runs do not slow each other down. */
sealed interface DatabaseTarget {

    String name();

    /** A new empty database, migrated; closing it removes it. */
    Opened open();

    /** An open database and what removes it once closed. */
    record Opened(Database database, Runnable removal) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
            removal.run();
        }
    }

    /** An H2 file in a new temporary directory, the way a Skylift home opens it. */
    record H2File() implements DatabaseTarget {

        @Override
        public String name() {
            return "H2 file";
        }

        @Override
        public Opened open() {
            Path directory;
            try {
                directory = Files.createTempDirectory("skylift-bench-");
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary directory for the H2 file", e);
            }
            Database database = Database.open("jdbc:h2:file:" + directory.resolve("skylift"));
            return new Opened(database, () -> deleteTree(directory));
        }

        private static void deleteTree(Path directory) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + directory, e);
            }
        }
    }

    /** A new schema in the PostgreSQL database at {@code url} (which carries user and password), dropped afterwards. */
    record Postgres(String url) implements DatabaseTarget {

        @Override
        public String name() {
            return "PostgreSQL";
        }

        @Override
        public Opened open() {
            String schema = "skylift_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            execute("CREATE SCHEMA " + schema);
            Database database;
            try {
                database = Database.open(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            }
            catch (RuntimeException e) {
                execute("DROP SCHEMA " + schema + " CASCADE");
                throw e;
            }
            return new Opened(database, () -> execute("DROP SCHEMA " + schema + " CASCADE"));
        }

        /** Fails at once on a URL that cannot be reached, rather than after minutes of H2 runs. */
        void check() {
            execute("SELECT 1");
        }

        private void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + redacted() + " refused '" + sql + "': " + e.getMessage(), e);
            }
        }

        /** The URL without its query, where the password is. */
        String redacted() {
            int query = url.indexOf('?');
            return query < 0 ? url : url.substring(0, query) + "?...";
        }
    }
}
