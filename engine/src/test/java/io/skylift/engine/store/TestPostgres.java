package io.skylift.engine.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL the integration tests run on, from {@code SKYLIFT_TEST_POSTGRES_URL}. Missing, it
 * fails the test rather than skipping it: a test that did not run proves nothing. Each test gets
 * a schema of its own, so runs never see each other's executions.
 */
public final class TestPostgres {

    private static final String VARIABLE = "SKYLIFT_TEST_POSTGRES_URL";

    private TestPostgres() {
    }

    public static String url() {
        String url = System.getenv(VARIABLE);
        if (url == null || url.isBlank()) {
            throw new AssertionError(VARIABLE + " is not set" + ("true".equals(System.getenv("CI")) ? " in CI" : "")
                    + ": run `testbed/postgres start` as root and export " + VARIABLE + "=\"$(testbed/postgres url)\""
                    + " (bin/test-all does both)");
        }
        return url;
    }

    /** Creates an empty schema and returns a URL whose connections work in it. */
    public static String freshSchema(String prefix) {
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops the schema of a URL from {@link #freshSchema}, with everything in it. */
    public static void dropSchema(String schemaUrl) {
        execute("DROP SCHEMA IF EXISTS " + schemaUrl.substring(schemaUrl.lastIndexOf("currentSchema=") + "currentSchema=".length()) + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new AssertionError("cannot run " + sql + " on " + Database.redact(url()) + ": " + e.getMessage()
                    + "; is `testbed/postgres status` fine?", e);
        }
    }
}
