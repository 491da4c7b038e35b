package io.skylift.engine.execution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One round of a worker, in one transaction holding the claim lock: give back tasks whose lease
 * expired, move executions along (finish, skip or cancel what has not started, queue cleanup,
 * finalise), then claim runnable tasks within the per-execution and per-key limits.
 */
final class ClaimRound {

    private static final String LEASED = "('RUNNING', 'CANCELLING', 'CLEANING')";

    /** Every status but COMPLETED, so "is any task not completed" is index ranges, not a scan. */
    private static final String NOT_COMPLETED = Arrays.stream(TaskStatus.values()).filter(status -> status != TaskStatus.COMPLETED)
            .map(status -> "'" + status.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    /**
     * Run: pending with every dependency completed ({@code waiting_on} counts those that are not).
     * A range of {@code task_claim_idx (status, execution_id, waiting_on, seq)} read in index order
     * (the ORDER BY spells out the index, equal columns included, so H2 sees it needs no sort): a
     * round reads the rows it returns plus any still in backoff, whatever the table holds.
     */
    private static final String READY = "SELECT t.id FROM task t WHERE t.status = 'PENDING' AND t.execution_id = ? AND t.waiting_on = 0 "
            + "AND t.not_before <= ? ORDER BY t.status, t.execution_id, t.waiting_on, t.seq FETCH FIRST ? ROWS ONLY";

    /** Cleanup: queued with no dependent still to clean. */
    private static final String CLEANABLE = "SELECT t.id FROM task t WHERE t.execution_id = ? AND t.status = 'CLEANUP_PENDING' "
            + "AND t.not_before <= ? AND NOT EXISTS (SELECT 1 FROM task_dependency d "
            + "JOIN task c ON c.execution_id = d.execution_id AND c.id = d.task_id "
            + "WHERE d.execution_id = t.execution_id AND d.depends_on = t.id AND c.status IN ('CLEANUP_PENDING', 'CLEANING')) "
            + "ORDER BY t.seq FETCH FIRST ? ROWS ONLY";

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

    /**
     * Moves one execution along; also called by cancel so it takes effect at once. Each test is an
     * {@code EXISTS} or a count over ranges of {@code task_claim_idx}, never a pass over all the
     * execution's tasks, so settling an execution whose tasks did not change costs a few index look-ups.
     */
    static void settle(Connection connection, Execution execution, Instant now) throws SQLException {
        UUID id = execution.id();
        switch (execution.status()) {
            case RUNNING -> {
                if (!any(connection, id, NOT_COMPLETED)) {
                    int total = count(connection, id, null);
                    ExecutionTable.move(connection, id, ExecutionStatus.RUNNING, ExecutionStatus.COMPLETED, now, "all " + total + " tasks completed");
                }
            }
            case FAILING, CANCELLING -> {
                boolean cancelling = execution.status() == ExecutionStatus.CANCELLING;
                if (!cancelling) {
                    // A pending task with an intent ran before (its worker died, or it waits to retry) and may
                    // have made something: it is canceled, not skipped, so that cleanup undoes it.
                    TaskTable.moveAll(connection, id, TaskStatus.PENDING, TaskStatus.CANCELED, HAS_INTENT, now,
                            "execution failed while it was to run again: " + execution.error().orElse(""));
                }
                TaskTable.moveAll(connection, id, TaskStatus.PENDING, cancelling ? TaskStatus.CANCELED : TaskStatus.SKIPPED, "", now,
                        cancelling ? "execution cancelled" : "execution failed: " + execution.error().orElse(""));
                if (cancelling) {
                    TaskTable.moveAll(connection, id, TaskStatus.RUNNING, TaskStatus.CANCELLING, "", now, "execution cancelled");
                }
                if (any(connection, id, "('RUNNING', 'CANCELLING')")) {
                    return;
                }
                if (execution.onFailure() == OnFailure.CLEAN_UP) {
                    for (TaskStatus from : List.of(TaskStatus.COMPLETED, TaskStatus.ERROR, TaskStatus.CANCELED)) {
                        TaskTable.moveAll(connection, id, from, TaskStatus.CLEANUP_PENDING, HAS_INTENT, now, "queued for cleanup");
                    }
                }
                if (!any(connection, id, "('CLEANUP_PENDING', 'CLEANING')")) {
                    int failed = count(connection, id, "('CLEANUP_FAILED')");
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

    /** Whether the execution has a task in one of {@code statuses} (an SQL list of literals). */
    private static boolean any(Connection connection, UUID executionId, String statuses) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM task WHERE execution_id = ? AND status IN " + statuses + " FETCH FIRST 1 ROWS ONLY")) {
            statement.setObject(1, executionId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** How many of the execution's tasks are in one of {@code statuses} (an SQL list of literals), or in any when null. */
    private static int count(Connection connection, UUID executionId, String statuses) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM task WHERE execution_id = ?" + (statuses == null ? "" : " AND status IN " + statuses))) {
            statement.setObject(1, executionId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
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
        // Oldest execution first (as settled this round), each read through its own index range;
        // more candidates than free slots, since some wait on a full key.
        List<Execution> executions = new ArrayList<>(ExecutionTable.active(connection));
        executions.sort(Comparator.comparing(Execution::createdAt).thenComparing(execution -> execution.id().toString()));
        int limit = free * 4 + 64;
        Map<TaskKey, Candidate> candidates = new LinkedHashMap<>();
        for (Execution execution : executions) {
            if (candidates.size() >= limit) {
                break;
            }
            if (options.execution().isPresent() && !options.execution().get().equals(execution.id())) {
                continue;
            }
            if (perExecution.getOrDefault(execution.id(), 0) >= execution.maxParallel()) {
                // None of its tasks could be claimed this round.
                continue;
            }
            TaskStatus status = switch (execution.status()) {
                case RUNNING -> TaskStatus.PENDING;
                case FAILING, CANCELLING -> TaskStatus.CLEANUP_PENDING;
                default -> null;
            };
            if (status == null) {
                continue;
            }
            List<TaskKey> tasks = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(status == TaskStatus.PENDING ? READY : CLEANABLE)) {
                statement.setObject(1, execution.id());
                statement.setObject(2, now.atOffset(ZoneOffset.UTC));
                statement.setInt(3, limit - candidates.size());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        tasks.add(new TaskKey(execution.id(), rows.getString(1)));
                    }
                }
            }
            Map<String, List<String>> keys = options.keyLimits().isEmpty() ? Map.of() : keys(connection, execution.id(), tasks);
            for (TaskKey task : tasks) {
                candidates.put(task, new Candidate(task, status, execution.maxParallel(), keys.getOrDefault(task.taskId(), List.of())));
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

    /** The concurrency keys of the given tasks of one execution, by task id. */
    private static Map<String, List<String>> keys(Connection connection, UUID executionId, List<TaskKey> tasks) throws SQLException {
        Map<String, List<String>> keys = new HashMap<>();
        for (int from = 0; from < tasks.size(); from += 100) {
            List<TaskKey> chunk = tasks.subList(from, Math.min(tasks.size(), from + 100));
            try (PreparedStatement statement = connection.prepareStatement("SELECT task_id, limit_key FROM task_key WHERE execution_id = ? AND task_id IN "
                    + chunk.stream().map(task -> "?").collect(Collectors.joining(", ", "(", ")")))) {
                statement.setObject(1, executionId);
                for (int i = 0; i < chunk.size(); i++) {
                    statement.setString(i + 2, chunk.get(i).taskId());
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        keys.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(2));
                    }
                }
            }
        }
        return keys;
    }
}
