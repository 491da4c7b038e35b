package io.skylift.engine.execution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Appends to and reads the {@code execution_event} table; the caller owns the transaction. */
final class EventTable {

    private static final int MESSAGE_LIMIT = 4000;

    private EventTable() {
    }

    static void append(Connection connection, UUID executionId, String taskId, Instant at, Event.Kind kind, String status, String message)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO execution_event (execution_id, task_id, at, kind, status, message) VALUES (?, ?, ?, ?, ?, ?)")) {
            statement.setObject(1, executionId);
            if (taskId == null) {
                statement.setNull(2, Types.VARCHAR);
            }
            else {
                statement.setString(2, taskId);
            }
            statement.setObject(3, at.atOffset(ZoneOffset.UTC));
            statement.setString(4, kind.name());
            statement.setString(5, status);
            statement.setString(6, truncate(message));
            statement.executeUpdate();
        }
    }

    /** One status event for every task of the execution in {@code from}, written before the bulk change itself. */
    static void appendForAll(Connection connection, UUID executionId, TaskStatus from, TaskStatus to, String condition, Instant at,
            String message) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO execution_event (execution_id, task_id, at, kind, status, message) "
                        + "SELECT execution_id, id, ?, ?, ?, ? FROM task t WHERE execution_id = ? AND status = ?" + condition)) {
            statement.setObject(1, at.atOffset(ZoneOffset.UTC));
            statement.setString(2, Event.Kind.TASK_STATUS.name());
            statement.setString(3, to.name());
            statement.setString(4, truncate(message));
            statement.setObject(5, executionId);
            statement.setString(6, from.name());
            statement.executeUpdate();
        }
    }

    static List<Event> after(Connection connection, UUID executionId, long afterSequence, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT seq, task_id, at, kind, status, message FROM execution_event WHERE execution_id = ? AND seq > ? ORDER BY seq "
                        + "FETCH FIRST ? ROWS ONLY")) {
            statement.setObject(1, executionId);
            statement.setLong(2, afterSequence);
            statement.setInt(3, limit);
            try (ResultSet rows = statement.executeQuery()) {
                List<Event> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(new Event(rows.getLong("seq"), executionId, Optional.ofNullable(rows.getString("task_id")),
                            rows.getObject("at", OffsetDateTime.class).toInstant(), Event.Kind.valueOf(rows.getString("kind")),
                            rows.getString("status"), rows.getString("message")));
                }
                return events;
            }
        }
    }

    static String truncate(String message) {
        return message.length() <= MESSAGE_LIMIT ? message : message.substring(0, MESSAGE_LIMIT - 3) + "...";
    }
}
