package io.skylift.engine.execution;

import io.skylift.model.ResourceRef;
import io.skylift.spi.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes the {@code task} table and its dependencies and keys; the caller owns the
 * transaction. Every status change is checked against {@link TaskStatus}'s transition table and
 * made conditional on the status it leaves, and journals an event in the same transaction.
 */
final class TaskTable {

    private static final String COLUMNS = "execution_id, id, type, resource, inputs, status, attempts, progress_current, progress_total, "
            + "progress_bytes, progress_message, checkpoint, outputs, error_code, error_message, started_at, finished_at";

    /** What changes along with a status: each present part is written. */
    record Change(TaskStatus to, String message, Optional<TaskError> error, Optional<Instant> notBefore, Optional<Map<String, Object>> outputs) {

        static Change to(TaskStatus to, String message) {
            return new Change(to, message, Optional.empty(), Optional.empty(), Optional.empty());
        }

        Change withError(TaskError error) {
            return new Change(to, message, Optional.of(error), notBefore, outputs);
        }

        Change withNotBefore(Instant instant) {
            return new Change(to, message, error, Optional.of(instant), outputs);
        }

        Change withOutputs(Map<String, Object> values) {
            return new Change(to, message, error, notBefore, Optional.of(values));
        }
    }

    /** A claimed task: the epoch fences every later write, the attempt is the one just started. */
    record Claim(TaskKey task, boolean cleanup, int epoch, int attempt) {}

    private TaskTable() {
    }

    static void insertAll(Connection connection, UUID executionId, List<NewTask> tasks, Instant now) throws SQLException {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO task (execution_id, id, seq, type, resource, inputs, "
                + "status, attempts, cleanup_attempts, not_before, lease_epoch, progress_current, progress_total, progress_bytes, "
                + "progress_message, outputs, updated_at, waiting_on) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, 0, ?, 0, 0, 0, 0, '', '{}', ?, ?)")) {
            int seq = 0;
            for (NewTask task : tasks) {
                statement.setObject(1, executionId);
                statement.setString(2, task.id());
                statement.setInt(3, seq++);
                statement.setString(4, task.type());
                if (task.resource().isPresent()) {
                    statement.setString(5, task.resource().get().toString());
                }
                else {
                    statement.setNull(5, Types.VARCHAR);
                }
                statement.setString(6, JsonColumns.write(task.inputs()));
                statement.setObject(7, at);
                statement.setObject(8, at);
                // Every task starts PENDING, so each dependency is one still to complete.
                statement.setInt(9, (int) task.dependsOn().stream().distinct().count());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement dependencies = connection.prepareStatement(
                "INSERT INTO task_dependency (execution_id, task_id, depends_on) VALUES (?, ?, ?)");
             PreparedStatement keys = connection.prepareStatement("INSERT INTO task_key (execution_id, task_id, limit_key) VALUES (?, ?, ?)")) {
            for (NewTask task : tasks) {
                for (String dependency : task.dependsOn()) {
                    dependencies.setObject(1, executionId);
                    dependencies.setString(2, task.id());
                    dependencies.setString(3, dependency);
                    dependencies.addBatch();
                }
                for (String key : task.concurrencyKeys()) {
                    keys.setObject(1, executionId);
                    keys.setString(2, task.id());
                    keys.setString(3, key);
                    keys.addBatch();
                }
            }
            dependencies.executeBatch();
            keys.executeBatch();
        }
    }

    static List<Task> list(Connection connection, UUID executionId) throws SQLException {
        Map<String, List<String>> dependencies = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT task_id, depends_on FROM task_dependency WHERE execution_id = ? ORDER BY task_id, depends_on")) {
            statement.setObject(1, executionId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    dependencies.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM task WHERE execution_id = ? ORDER BY seq")) {
            statement.setObject(1, executionId);
            try (ResultSet rows = statement.executeQuery()) {
                List<Task> tasks = new ArrayList<>();
                while (rows.next()) {
                    tasks.add(task(rows, dependencies.getOrDefault(rows.getString("id"), List.of())));
                }
                return tasks;
            }
        }
    }

    static Optional<Task> find(Connection connection, TaskKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM task WHERE execution_id = ? AND id = ?")) {
            statement.setObject(1, key.executionId());
            statement.setString(2, key.taskId());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(task(rows, List.of())) : Optional.empty();
            }
        }
    }

    /** Outputs of the tasks {@code key} depends on, by task id. */
    static Map<String, Map<String, Object>> dependencyOutputs(Connection connection, TaskKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT p.id, p.outputs FROM task_dependency d JOIN task p "
                + "ON p.execution_id = d.execution_id AND p.id = d.depends_on WHERE d.execution_id = ? AND d.task_id = ? ORDER BY p.seq")) {
            statement.setObject(1, key.executionId());
            statement.setString(2, key.taskId());
            try (ResultSet rows = statement.executeQuery()) {
                Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
                while (rows.next()) {
                    outputs.put(rows.getString(1), JsonColumns.read(rows.getString(2)));
                }
                return outputs;
            }
        }
    }

    /**
     * Locks the task's row and returns its status if the caller still holds its lease: the
     * status is leased and no claim since {@code epoch} has taken it over.
     */
    static Optional<TaskStatus> lockHeld(Connection connection, TaskKey key, int epoch) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT status, lease_epoch FROM task WHERE execution_id = ? AND id = ? FOR UPDATE")) {
            statement.setObject(1, key.executionId());
            statement.setString(2, key.taskId());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next() || rows.getInt("lease_epoch") != epoch) {
                    return Optional.empty();
                }
                TaskStatus status = TaskStatus.valueOf(rows.getString("status"));
                return status.isLeased() ? Optional.of(status) : Optional.empty();
            }
        }
    }

    /**
     * Moves one task from {@code from}, releasing its lease.
     *
     * @return false when it was no longer in {@code from}
     */
    static boolean move(Connection connection, TaskKey key, TaskStatus from, Change change, Instant now) throws SQLException {
        from.checkMoveTo(change.to());
        StringBuilder sql = new StringBuilder("UPDATE task SET status = ?, updated_at = ?, worker = NULL, lease_until = NULL");
        List<Object> values = new ArrayList<>(List.of(change.to().name(), now.atOffset(ZoneOffset.UTC)));
        if (change.error().isPresent()) {
            sql.append(", error_code = ?, error_category = ?, error_message = ?");
            TaskError error = change.error().get();
            values.addAll(List.of(error.code().name(), error.category().name(), EventTable.truncate(error.message())));
        }
        if (change.notBefore().isPresent()) {
            sql.append(", not_before = ?");
            values.add(change.notBefore().get().atOffset(ZoneOffset.UTC));
        }
        if (change.outputs().isPresent()) {
            sql.append(", outputs = ?");
            values.add(JsonColumns.write(change.outputs().get()));
        }
        if (change.to() == TaskStatus.COMPLETED || change.to() == TaskStatus.ERROR || change.to() == TaskStatus.CANCELED) {
            sql.append(", finished_at = ?");
            values.add(now.atOffset(ZoneOffset.UTC));
        }
        sql.append(" WHERE execution_id = ? AND id = ? AND status = ?");
        values.addAll(List.of(key.executionId(), key.taskId(), from.name()));
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            if (statement.executeUpdate() == 0) {
                return false;
            }
        }
        if (change.to() == TaskStatus.COMPLETED && from != TaskStatus.COMPLETED) {
            addWaitingOn(connection, key, -1);
        }
        else if (from == TaskStatus.COMPLETED && change.to() != TaskStatus.COMPLETED) {
            addWaitingOn(connection, key, 1);
        }
        EventTable.append(connection, key.executionId(), key.taskId(), now, Event.Kind.TASK_STATUS, change.to().name(), change.message());
        return true;
    }

    /**
     * Keeps {@code waiting_on} (the number of a task's dependencies not COMPLETED) right when
     * {@code key} moves into ({@code -1}) or out of ({@code +1}) COMPLETED; the caller's
     * transaction made that move.
     */
    private static void addWaitingOn(Connection connection, TaskKey key, int delta) throws SQLException {
        // The dependents first (task_dependency_dependents_idx), then each by primary key: H2 would
        // evaluate "id IN (SELECT ...)" on every task of the execution.
        List<String> dependents = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT task_id FROM task_dependency WHERE execution_id = ? AND depends_on = ?")) {
            statement.setObject(1, key.executionId());
            statement.setString(2, key.taskId());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    dependents.add(rows.getString(1));
                }
            }
        }
        if (dependents.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE task SET waiting_on = waiting_on + ? WHERE execution_id = ? AND id = ?")) {
            for (String dependent : dependents) {
                statement.setInt(1, delta);
                statement.setObject(2, key.executionId());
                statement.setString(3, dependent);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Recounts {@code waiting_on} for every task of the execution, after a move of many tasks into or out of COMPLETED. */
    private static void recountWaitingOn(Connection connection, UUID executionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE task t SET waiting_on = (SELECT COUNT(*) FROM task_dependency d "
                + "JOIN task p ON p.execution_id = d.execution_id AND p.id = d.depends_on "
                + "WHERE d.execution_id = t.execution_id AND d.task_id = t.id AND p.status <> 'COMPLETED') WHERE t.execution_id = ?")) {
            statement.setObject(1, executionId);
            statement.executeUpdate();
        }
    }

    /**
     * Moves every task of the execution in {@code from} that meets {@code condition} (SQL on
     * alias {@code t}, may be empty), leases untouched.
     */
    static int moveAll(Connection connection, UUID executionId, TaskStatus from, TaskStatus to, String condition, Instant now, String message)
            throws SQLException {
        from.checkMoveTo(to);
        EventTable.appendForAll(connection, executionId, from, to, condition, now, message);
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE task t SET status = ?, updated_at = ?, not_before = ? WHERE execution_id = ? AND status = ?" + condition)) {
            statement.setString(1, to.name());
            statement.setObject(2, now.atOffset(ZoneOffset.UTC));
            statement.setObject(3, now.atOffset(ZoneOffset.UTC));
            statement.setObject(4, executionId);
            statement.setString(5, from.name());
            int moved = statement.executeUpdate();
            if (moved > 0 && from != to && (from == TaskStatus.COMPLETED || to == TaskStatus.COMPLETED)) {
                recountWaitingOn(connection, executionId);
            }
            return moved;
        }
    }

    /**
     * Moves an ended task back to PENDING as if never run: attempts, progress, checkpoint, outputs
     * and error are cleared. Its intents stay, so a side effect already made is found, not repeated.
     */
    static void restart(Connection connection, TaskKey key, TaskStatus from, Instant now, String message) throws SQLException {
        from.checkMoveTo(TaskStatus.PENDING);
        try (PreparedStatement statement = connection.prepareStatement("UPDATE task SET status = 'PENDING', attempts = 0, not_before = ?, "
                + "worker = NULL, lease_until = NULL, progress_current = 0, progress_total = 0, progress_bytes = 0, progress_message = '', "
                + "checkpoint = NULL, outputs = '{}', error_code = NULL, error_category = NULL, error_message = NULL, started_at = NULL, "
                + "finished_at = NULL, updated_at = ? WHERE execution_id = ? AND id = ? AND status = ?")) {
            statement.setObject(1, now.atOffset(ZoneOffset.UTC));
            statement.setObject(2, now.atOffset(ZoneOffset.UTC));
            statement.setObject(3, key.executionId());
            statement.setString(4, key.taskId());
            statement.setString(5, from.name());
            if (statement.executeUpdate() == 0) {
                throw new IllegalStateException("task " + key + " was not " + from + " while the claim lock was held");
            }
        }
        if (from == TaskStatus.COMPLETED) {
            addWaitingOn(connection, key, 1);
        }
        EventTable.append(connection, key.executionId(), key.taskId(), now, Event.Kind.TASK_STATUS, TaskStatus.PENDING.name(), message);
    }

    /** Tasks of the execution held under a lease, with the worker holding each. */
    static Map<TaskKey, String> leased(Connection connection, UUID executionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, worker FROM task WHERE execution_id = ? AND status IN ('RUNNING', 'CANCELLING', 'CLEANING') ORDER BY seq")) {
            statement.setObject(1, executionId);
            try (ResultSet rows = statement.executeQuery()) {
                Map<TaskKey, String> leased = new LinkedHashMap<>();
                while (rows.next()) {
                    leased.put(new TaskKey(executionId, rows.getString(1)), rows.getString(2));
                }
                return leased;
            }
        }
    }

    /** Ends the backoff of the execution's waiting tasks, so they are runnable now. */
    static void endBackoff(Connection connection, UUID executionId, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE task SET not_before = ? "
                + "WHERE execution_id = ? AND status IN ('PENDING', 'CLEANUP_PENDING') AND not_before > ?")) {
            statement.setObject(1, now.atOffset(ZoneOffset.UTC));
            statement.setObject(2, executionId);
            statement.setObject(3, now.atOffset(ZoneOffset.UTC));
            statement.executeUpdate();
        }
    }

    /** How many tasks each execution has in each status. */
    static Map<UUID, Map<TaskStatus, Integer>> countsByExecution(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT execution_id, status, COUNT(*) FROM task GROUP BY execution_id, status");
             ResultSet rows = statement.executeQuery()) {
            Map<UUID, Map<TaskStatus, Integer>> counts = new HashMap<>();
            while (rows.next()) {
                counts.computeIfAbsent(rows.getObject(1, UUID.class), id -> new java.util.EnumMap<>(TaskStatus.class))
                        .put(TaskStatus.valueOf(rows.getString(2)), rows.getInt(3));
            }
            return counts;
        }
    }

    /** Claims a task in {@code from} (PENDING or CLEANUP_PENDING) for {@code worker}; the caller holds the claim lock. */
    static Claim claim(Connection connection, TaskKey key, TaskStatus from, String worker, Instant leaseUntil, Instant now) throws SQLException {
        boolean cleanup = from == TaskStatus.CLEANUP_PENDING;
        TaskStatus to = cleanup ? TaskStatus.CLEANING : TaskStatus.RUNNING;
        from.checkMoveTo(to);
        String counter = cleanup ? "cleanup_attempts" : "attempts";
        try (PreparedStatement statement = connection.prepareStatement("UPDATE task SET status = ?, worker = ?, lease_until = ?, "
                + "lease_epoch = lease_epoch + 1, " + counter + " = " + counter + " + 1, started_at = COALESCE(started_at, ?), updated_at = ? "
                + "WHERE execution_id = ? AND id = ? AND status = ?")) {
            statement.setString(1, to.name());
            statement.setString(2, worker);
            statement.setObject(3, leaseUntil.atOffset(ZoneOffset.UTC));
            statement.setObject(4, now.atOffset(ZoneOffset.UTC));
            statement.setObject(5, now.atOffset(ZoneOffset.UTC));
            statement.setObject(6, key.executionId());
            statement.setString(7, key.taskId());
            statement.setString(8, from.name());
            if (statement.executeUpdate() == 0) {
                throw new IllegalStateException("task " + key + " was not " + from + " while the claim lock was held");
            }
        }
        int epoch;
        int attempt;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT lease_epoch, " + counter + " FROM task WHERE execution_id = ? AND id = ?")) {
            statement.setObject(1, key.executionId());
            statement.setString(2, key.taskId());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                epoch = rows.getInt(1);
                attempt = rows.getInt(2);
            }
        }
        EventTable.append(connection, key.executionId(), key.taskId(), now, Event.Kind.TASK_STATUS, to.name(),
                (cleanup ? "cleanup attempt " : "attempt ") + attempt + " on worker " + worker);
        return new Claim(key, cleanup, epoch, attempt);
    }

    /** Journals progress and perhaps a checkpoint, and extends the lease; the caller holds the row lock. */
    static void heartbeat(Connection connection, TaskKey key, Progress progress, Optional<Map<String, Object>> checkpoint, Instant leaseUntil,
            Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE task SET progress_current = ?, progress_total = ?, "
                + "progress_bytes = ?, progress_message = ?, lease_until = ?, updated_at = ?" + (checkpoint.isPresent() ? ", checkpoint = ?" : "")
                + " WHERE execution_id = ? AND id = ?")) {
            int index = 1;
            statement.setLong(index++, progress.current());
            statement.setLong(index++, progress.total());
            statement.setLong(index++, progress.bytes());
            statement.setString(index++, EventTable.truncate(progress.message()));
            statement.setObject(index++, leaseUntil.atOffset(ZoneOffset.UTC));
            statement.setObject(index++, now.atOffset(ZoneOffset.UTC));
            if (checkpoint.isPresent()) {
                statement.setString(index++, JsonColumns.write(checkpoint.get()));
            }
            statement.setObject(index++, key.executionId());
            statement.setString(index, key.taskId());
            statement.executeUpdate();
        }
        EventTable.append(connection, key.executionId(), key.taskId(), now, Event.Kind.PROGRESS, TaskStatus.RUNNING.name(),
                progress.current() + "/" + progress.total() + (progress.bytes() > 0 ? " " + progress.bytes() + " bytes" : "")
                        + (progress.message().isEmpty() ? "" : " " + progress.message()));
    }

    /**
     * Extends the leases of the tasks {@code worker} holds; returns those of them asked to cancel.
     * A row another transaction has locked is skipped rather than waited for: that transaction is
     * this worker ending or heartbeating the task (which moves its lease itself), or a claim round
     * or an operator taking it over. Waiting for it would hold the locks already taken on the
     * worker's other rows and fail the whole renewal after the lock timeout, and with it the claim
     * round behind it, for as long as that one transaction stays open. A skipped lease is renewed
     * by the next round, a poll interval later, well inside the lease.
     */
    static List<TaskKey> renew(Connection connection, String worker, Instant leaseUntil) throws SQLException {
        List<TaskKey> held = new ArrayList<>();
        List<TaskKey> cancelling = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT execution_id, id, status FROM task "
                + "WHERE worker = ? AND status IN ('RUNNING', 'CANCELLING', 'CLEANING') FOR UPDATE SKIP LOCKED")) {
            statement.setString(1, worker);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    TaskKey key = new TaskKey(rows.getObject(1, UUID.class), rows.getString(2));
                    held.add(key);
                    if (TaskStatus.valueOf(rows.getString(3)) == TaskStatus.CANCELLING) {
                        cancelling.add(key);
                    }
                }
            }
        }
        if (held.isEmpty()) {
            return cancelling;
        }
        try (PreparedStatement statement = connection.prepareStatement("UPDATE task SET lease_until = ? WHERE execution_id = ? AND id = ?")) {
            for (TaskKey key : held) {
                statement.setObject(1, leaseUntil.atOffset(ZoneOffset.UTC));
                statement.setObject(2, key.executionId());
                statement.setString(3, key.taskId());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        return cancelling;
    }

    private static Task task(ResultSet rows, List<String> dependsOn) throws SQLException {
        String resource = rows.getString("resource");
        String checkpoint = rows.getString("checkpoint");
        String errorCode = rows.getString("error_code");
        String errorMessage = rows.getString("error_message");
        OffsetDateTime startedAt = rows.getObject("started_at", OffsetDateTime.class);
        OffsetDateTime finishedAt = rows.getObject("finished_at", OffsetDateTime.class);
        return new Task(rows.getObject("execution_id", UUID.class), rows.getString("id"), rows.getString("type"),
                Optional.ofNullable(resource).map(ResourceRef::parse), JsonColumns.read(rows.getString("inputs")), dependsOn,
                TaskStatus.valueOf(rows.getString("status")), rows.getInt("attempts"),
                new Progress(rows.getLong("progress_current"), rows.getLong("progress_total"), rows.getLong("progress_bytes"),
                        rows.getString("progress_message")),
                Optional.ofNullable(checkpoint).map(JsonColumns::read), JsonColumns.read(rows.getString("outputs")),
                Optional.ofNullable(errorCode).map(code -> new TaskError(ErrorCode.valueOf(code), errorMessage)),
                Optional.ofNullable(startedAt).map(OffsetDateTime::toInstant), Optional.ofNullable(finishedAt).map(OffsetDateTime::toInstant));
    }
}
