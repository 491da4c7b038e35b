package io.skylift.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The migrations and the pool on a real PostgreSQL. */
class DatabaseIT {

    private final String url = TestPostgres.freshSchema("it_database");

    @AfterEach
    void dropSchema() {
        TestPostgres.dropSchema(url);
    }

    @Test
    void open_migratesAnEmptySchemaAndIsIdempotent() {
        try (Database database = Database.open(url)) {
            assertThat(versions(database)).containsExactly("1", "2", "3");
        }
        try (Database database = Database.open(url)) {
            assertThat(versions(database)).containsExactly("1", "2", "3");
            assertThat(database.<Integer>inTransaction(connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM claim_lock")) {
                    rows.next();
                    return rows.getInt(1);
                }
            })).isEqualTo(1);
        }
    }

    @Test
    void open_unreachableServer_oneLineWithoutThePassword() {
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/skylift?user=skylift&password=hunter2"))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageStartingWith("cannot connect to the database jdbc:postgresql://127.0.0.1:1/skylift?user=skylift&password=******: ")
                .hasMessageContaining("check the URL (--db or SKYLIFT_DATABASE_URL)")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("\n");
    }

    private static List<String> versions(Database database) {
        return database.inTransaction(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
                List<String> versions = new ArrayList<>();
                while (rows.next()) {
                    versions.add(rows.getString(1));
                }
                return versions;
            }
        });
    }
}
