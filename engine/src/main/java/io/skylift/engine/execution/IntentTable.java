package io.skylift.engine.execution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes the {@code side_effect_intent} table; the caller owns the transaction and holds the task's row lock. */
final class IntentTable {

    private IntentTable() {
    }

    static Optional<Intent> find(Connection connection, TaskKey task, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT intent_key, state, result FROM side_effect_intent WHERE execution_id = ? AND task_id = ? AND intent_key = ?")) {
            statement.setObject(1, task.executionId());
            statement.setString(2, task.taskId());
            statement.setString(3, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(intent(rows)) : Optional.empty();
            }
        }
    }

    static List<Intent> list(Connection connection, TaskKey task) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT intent_key, state, result FROM side_effect_intent WHERE execution_id = ? AND task_id = ? ORDER BY seq")) {
            statement.setObject(1, task.executionId());
            statement.setString(2, task.taskId());
            try (ResultSet rows = statement.executeQuery()) {
                List<Intent> intents = new ArrayList<>();
                while (rows.next()) {
                    intents.add(intent(rows));
                }
                return intents;
            }
        }
    }

    static void record(Connection connection, TaskKey task, String key, int attempt, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO side_effect_intent (execution_id, task_id, intent_key, seq, state, attempt, recorded_at) "
                        + "SELECT ?, ?, ?, COUNT(*) + 1, 'RECORDED', ?, ? FROM side_effect_intent WHERE execution_id = ? AND task_id = ?")) {
            statement.setObject(1, task.executionId());
            statement.setString(2, task.taskId());
            statement.setString(3, key);
            statement.setInt(4, attempt);
            statement.setObject(5, now.atOffset(ZoneOffset.UTC));
            statement.setObject(6, task.executionId());
            statement.setString(7, task.taskId());
            statement.executeUpdate();
        }
    }

    /** @return false when no such intent was recorded */
    static boolean markDone(Connection connection, TaskKey task, String key, String result, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE side_effect_intent SET state = 'DONE', result = ?, done_at = ? WHERE execution_id = ? AND task_id = ? AND intent_key = ?")) {
            statement.setString(1, result);
            statement.setObject(2, now.atOffset(ZoneOffset.UTC));
            statement.setObject(3, task.executionId());
            statement.setString(4, task.taskId());
            statement.setString(5, key);
            return statement.executeUpdate() > 0;
        }
    }

    private static Intent intent(ResultSet rows) throws SQLException {
        IntentState state = "DONE".equals(rows.getString("state")) ? IntentState.DONE : IntentState.RECORDED;
        return new Intent(rows.getString("intent_key"), state, Optional.ofNullable(rows.getString("result")).filter(r -> state == IntentState.DONE));
    }
}
