package io.skylift.engine.execution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One round of a worker, in one transaction holding the claim lock: give back tasks whose lease
 * expired, move executions along (finish, skip or cancel what has not started, queue cleanup,
 * finalise), then claim runnable tasks within the per-execution and per-key limits.
 */
final class ClaimRound {

    private static final String LEASED = "('RUNNING', 'CANCELLING', 'CLEANING')";

    /** Run: pending with every dependency completed. Cleanup: queued with no dependent still to clean. */
    private static final String RUNNABLE = "SELECT t.execution_id, t.id, t.status, e.max_parallel, k.limit_key FROM task t "
            + "JOIN execution e ON e.id = t.execution_id "
            + "LEFT JOIN task_key k ON k.execution_id = t.execution_id AND k.task_id = t.id "
            + "WHERE t.not_before <= ? AND ("
            + "(e.status = 'RUNNING' AND t.status = 'PENDING' AND NOT EXISTS (SELECT 1 FROM task_dependency d JOIN task p "
            + "ON p.execution_id = d.execution_id AND p.id = d.depends_on "
            + "WHERE d.execution_id = t.execution_id AND d.task_id = t.id AND p.status <> 'COMPLETED')) "
            + "OR (e.status IN ('FAILING', 'CANCELLING') AND t.status = 'CLEANUP_PENDING' AND NOT EXISTS (SELECT 1 FROM task_dependency d "
            + "JOIN task c ON c.execution_id = d.execution_id AND c.id = d.task_id "
            + "WHERE d.execution_id = t.execution_id AND d.depends_on = t.id AND c.status IN ('CLEANUP_PENDING', 'CLEANING')))) ";

    private static final String RUNNABLE_ORDER = "ORDER BY e.created_at, t.execution_id, t.seq FETCH FIRST ? ROWS ONLY";

    private static final String HAS_INTENT = " AND EXISTS (SELECT 1 FROM side_effect_intent i WHERE i.execution_id = t.execution_id AND i.task_id = t.id)";

    private record Candidate(TaskKey task, TaskStatus status, int maxParallel, List<String> keys) {}

    private ClaimRound() {
    }

    /** Serialises this transaction with every other round and cancel, on every worker. */
    static void lock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM claim_lock WHERE id = 1 FOR UPDATE");
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("the claim_lock row is missing: the V2 migration did not run");
            }
        }
    }

    static List<TaskTable.Claim> run(Connection connection, RunnerOptions options, int free, Instant now) throws SQLException {
        lock(connection);
        recoverExpired(connection, now);
        for (Execution execution : ExecutionTable.active(connection)) {
            settle(connection, execution, now);
        }
        return free <= 0 ? List.of() : claim(connection, options, free, now);
    }

    /** A worker that stops renewing is presumed dead: its tasks go back to be claimed again, with their intents. */
    private static void recoverExpired(Connection connection, Instant now) throws SQLException {
        record Expired(TaskKey task, TaskStatus status, String worker) {}
        List<Expired> expired = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT execution_id, id, status, worker FROM task WHERE status IN " + LEASED + " AND lease_until < ?")) {
            statement.setObject(1, now.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    expired.add(new Expired(new TaskKey(rows.getObject(1, UUID.class), rows.getString(2)), TaskStatus.valueOf(rows.getString(3)),
                            rows.getString(4)));
                }
            }
        }
        for (Expired task : expired) {
            giveBack(connection, task.task(), task.status(), now, "lease of worker " + task.worker() + " expired");
        }
    }

    /** Takes a leased task from its worker: it runs again, or its cancel or cleanup is done. */
    static void giveBack(Connection connection, TaskKey task, TaskStatus status, Instant now, String message) throws SQLException {
        TaskStatus to = switch (status) {
            case RUNNING -> TaskStatus.PENDING;
            case CANCELLING -> TaskStatus.CANCELED;
            case CLEANING -> TaskStatus.CLEANUP_PENDING;
            default -> throw new IllegalStateException("not a leased status: " + status);
        };
        TaskTable.move(connection, task, status, TaskTable.Change.to(to, message).withNotBefore(now), now);
    }

    /** Moves one execution along; also called by cancel so it takes effect at once. */
    static void settle(Connection connection, Execution execution, Instant now) throws SQLException {
        UUID id = execution.id();
        Map<TaskStatus, Integer> counts = counts(connection, id);
        switch (execution.status()) {
            case RUNNING -> {
                int total = counts.values().stream().mapToInt(Integer::intValue).sum();
                if (counts.get(TaskStatus.COMPLETED) == total) {
                    ExecutionTable.move(connection, id, ExecutionStatus.RUNNING, ExecutionStatus.COMPLETED, now, "all " + total + " tasks completed");
                }
            }
            case FAILING, CANCELLING -> {
                boolean cancelling = execution.status() == ExecutionStatus.CANCELLING;
                TaskTable.moveAll(connection, id, TaskStatus.PENDING, cancelling ? TaskStatus.CANCELED : TaskStatus.SKIPPED, "", now,
                        cancelling ? "execution cancelled" : "execution failed: " + execution.error().orElse(""));
                if (cancelling) {
                    TaskTable.moveAll(connection, id, TaskStatus.RUNNING, TaskStatus.CANCELLING, "", now, "execution cancelled");
                }
                counts = counts(connection, id);
                if (counts.get(TaskStatus.RUNNING) + counts.get(TaskStatus.CANCELLING) > 0) {
                    return;
                }
                if (execution.onFailure() == OnFailure.CLEAN_UP) {
                    for (TaskStatus from : List.of(TaskStatus.COMPLETED, TaskStatus.ERROR, TaskStatus.CANCELED)) {
                        TaskTable.moveAll(connection, id, from, TaskStatus.CLEANUP_PENDING, HAS_INTENT, now, "queued for cleanup");
                    }
                    counts = counts(connection, id);
                }
                if (counts.get(TaskStatus.CLEANUP_PENDING) + counts.get(TaskStatus.CLEANING) == 0) {
                    int failed = counts.get(TaskStatus.CLEANUP_FAILED);
                    String message = (execution.onFailure() == OnFailure.KEEP ? "stopped; created resources kept"
                            : failed == 0 ? "stopped; cleanup done" : "stopped; cleanup failed for " + failed + " tasks");
                    ExecutionTable.move(connection, id, execution.status(), cancelling ? ExecutionStatus.CANCELED : ExecutionStatus.ERROR, now,
                            message);
                }
            }
            default -> {
            }
        }
    }

    private static Map<TaskStatus, Integer> counts(Connection connection, UUID executionId) throws SQLException {
        Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
        for (TaskStatus status : TaskStatus.values()) {
            counts.put(status, 0);
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT status, COUNT(*) FROM task WHERE execution_id = ? GROUP BY status")) {
            statement.setObject(1, executionId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(TaskStatus.valueOf(rows.getString(1)), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    private static List<TaskTable.Claim> claim(Connection connection, RunnerOptions options, int free, Instant now) throws SQLException {
        Map<UUID, Integer> perExecution = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT execution_id, COUNT(*) FROM task WHERE status IN " + LEASED + " GROUP BY execution_id");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                perExecution.put(rows.getObject(1, UUID.class), rows.getInt(2));
            }
        }
        Map<String, Integer> perKey = new HashMap<>();
        if (!options.keyLimits().isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT k.limit_key, COUNT(*) FROM task_key k JOIN task t "
                    + "ON t.execution_id = k.execution_id AND t.id = k.task_id WHERE t.status IN " + LEASED + " GROUP BY k.limit_key");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    perKey.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        Map<TaskKey, Candidate> candidates = new LinkedHashMap<>();
        String only = options.execution().isPresent() ? "AND t.execution_id = ? " : "";
        try (PreparedStatement statement = connection.prepareStatement(RUNNABLE + only + RUNNABLE_ORDER)) {
            int index = 1;
            statement.setObject(index++, now.atOffset(ZoneOffset.UTC));
            if (options.execution().isPresent()) {
                statement.setObject(index++, options.execution().get());
            }
            // More than the free slots: some candidates wait on a full key.
            statement.setInt(index, free * 4 + 64);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    TaskKey task = new TaskKey(rows.getObject(1, UUID.class), rows.getString(2));
                    TaskStatus status = TaskStatus.valueOf(rows.getString(3));
                    int maxParallel = rows.getInt(4);
                    String key = rows.getString(5);
                    Candidate candidate = candidates.computeIfAbsent(task, t -> new Candidate(t, status, maxParallel, new ArrayList<>()));
                    if (key != null) {
                        candidate.keys().add(key);
                    }
                }
            }
        }
        Instant leaseUntil = now.plus(options.leaseDuration());
        List<TaskTable.Claim> claims = new ArrayList<>();
        for (Candidate candidate : candidates.values()) {
            if (claims.size() == free) {
                break;
            }
            UUID execution = candidate.task().executionId();
            if (perExecution.getOrDefault(execution, 0) >= candidate.maxParallel()) {
                continue;
            }
            boolean keyFull = candidate.keys().stream()
                    .anyMatch(key -> options.keyLimits().containsKey(key) && perKey.getOrDefault(key, 0) >= options.keyLimits().get(key));
            if (keyFull) {
                continue;
            }
            perExecution.merge(execution, 1, Integer::sum);
            candidate.keys().forEach(key -> perKey.merge(key, 1, Integer::sum));
            claims.add(TaskTable.claim(connection, candidate.task(), candidate.status(), options.workerId(), leaseUntil, now));
        }
        return claims;
    }
}
