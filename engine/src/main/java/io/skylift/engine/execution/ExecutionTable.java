package io.skylift.engine.execution;

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

/** Reads and writes the {@code execution} table; the caller owns the transaction. */
final class ExecutionTable {

    private ExecutionTable() {
    }

    static void insert(Connection connection, UUID id, NewExecution execution, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO execution (id, name, status, max_parallel, on_failure, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            statement.setObject(1, id);
            statement.setString(2, execution.name());
            statement.setString(3, ExecutionStatus.RUNNING.name());
            statement.setInt(4, execution.maxParallel());
            statement.setString(5, execution.onFailure().name());
            statement.setObject(6, now.atOffset(ZoneOffset.UTC));
            statement.setObject(7, now.atOffset(ZoneOffset.UTC));
            statement.executeUpdate();
        }
        EventTable.append(connection, id, null, now, Event.Kind.EXECUTION_STATUS, ExecutionStatus.RUNNING.name(),
                "created with " + execution.tasks().size() + " tasks");
    }

    static Optional<Execution> find(Connection connection, UUID id) throws SQLException {
        List<Execution> found = select(connection, "WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** Every execution, newest first. */
    static List<Execution> all(Connection connection) throws SQLException {
        return select(connection, "ORDER BY created_at DESC, id", null);
    }

    /** Keeps the resources of a failed or cancelled run no longer: the next settle queues their cleanup. */
    static void cleanUpOnFailure(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE execution SET on_failure = ? WHERE id = ?")) {
            statement.setString(1, OnFailure.CLEAN_UP.name());
            statement.setObject(2, id);
            statement.executeUpdate();
        }
    }

    /** Deletes the execution with its tasks, intents and events (the foreign keys cascade). */
    static void delete(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM execution WHERE id = ?")) {
            statement.setObject(1, id);
            statement.executeUpdate();
        }
    }

    /** Executions that are not final, oldest first. */
    static List<Execution> active(Connection connection) throws SQLException {
        return select(connection, "WHERE status IN ('RUNNING', 'FAILING', 'CANCELLING') ORDER BY created_at", null);
    }

    /**
     * Moves the execution from {@code from} to {@code to}, checked against the transition table.
     *
     * @return false when it was no longer in {@code from}
     */
    static boolean move(Connection connection, UUID id, ExecutionStatus from, ExecutionStatus to, Instant now, String message)
            throws SQLException {
        from.checkMoveTo(to);
        // The first failure names the task that stopped the run; a cleanup asked later keeps it, a restart clears it.
        boolean failing = to == ExecutionStatus.FAILING && from == ExecutionStatus.RUNNING;
        boolean restarting = to == ExecutionStatus.RUNNING;
        try (PreparedStatement statement = connection.prepareStatement("UPDATE execution SET status = ?, updated_at = ?"
                + (failing ? ", error_message = ?" : "") + (restarting ? ", error_message = NULL" : "") + " WHERE id = ? AND status = ?")) {
            int index = 1;
            statement.setString(index++, to.name());
            statement.setObject(index++, now.atOffset(ZoneOffset.UTC));
            if (failing) {
                statement.setString(index++, EventTable.truncate(message));
            }
            statement.setObject(index++, id);
            statement.setString(index, from.name());
            if (statement.executeUpdate() == 0) {
                return false;
            }
        }
        EventTable.append(connection, id, null, now, Event.Kind.EXECUTION_STATUS, to.name(), message);
        return true;
    }

    private static List<Execution> select(Connection connection, String where, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, name, status, max_parallel, on_failure, error_message, created_at, updated_at FROM execution " + where)) {
            if (id != null) {
                statement.setObject(1, id);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Execution> executions = new ArrayList<>();
                while (rows.next()) {
                    executions.add(new Execution(rows.getObject("id", UUID.class), rows.getString("name"),
                            ExecutionStatus.valueOf(rows.getString("status")), rows.getInt("max_parallel"),
                            OnFailure.valueOf(rows.getString("on_failure")), rows.getObject("created_at", OffsetDateTime.class).toInstant(),
                            rows.getObject("updated_at", OffsetDateTime.class).toInstant(), Optional.ofNullable(rows.getString("error_message"))));
                }
                return executions;
            }
        }
    }
}
