package io.skylift.engine.endpoint;

import io.skylift.engine.store.Sealed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes the {@code endpoint} table; the caller owns the connection and the transaction. */
final class EndpointTable {

    /** SQLSTATE for a unique constraint violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String COLUMNS = "id, name, provider, description, created_at, key_id, connection";

    record Row(Endpoint endpoint, Sealed connection) {}

    Optional<Row> find(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM endpoint WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        }
    }

    List<Endpoint> list(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM endpoint ORDER BY name");
             ResultSet rows = statement.executeQuery()) {
            List<Endpoint> endpoints = new ArrayList<>();
            while (rows.next()) {
                endpoints.add(row(rows).endpoint());
            }
            return endpoints;
        }
    }

    long count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM endpoint");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** @return false when the name is taken */
    boolean insert(Connection connection, Row row) throws SQLException {
        Endpoint endpoint = row.endpoint();
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO endpoint (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            statement.setObject(1, endpoint.id());
            statement.setString(2, endpoint.name());
            statement.setString(3, endpoint.provider());
            statement.setString(4, endpoint.description());
            statement.setObject(5, endpoint.createdAt().atOffset(ZoneOffset.UTC));
            statement.setString(6, row.connection().keyId());
            statement.setBytes(7, row.connection().bytes());
            statement.executeUpdate();
            return true;
        }
        catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** @return false when there was no such endpoint */
    boolean delete(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM endpoint WHERE name = ?")) {
            statement.setString(1, name);
            return statement.executeUpdate() > 0;
        }
    }

    private static Row row(ResultSet rows) throws SQLException {
        Instant createdAt = rows.getObject("created_at", OffsetDateTime.class).toInstant();
        Endpoint endpoint = new Endpoint(rows.getObject("id", UUID.class), rows.getString("name"), rows.getString("provider"),
                rows.getString("description"), createdAt);
        return new Row(endpoint, new Sealed(rows.getString("key_id"), rows.getBytes("connection")));
    }
}
