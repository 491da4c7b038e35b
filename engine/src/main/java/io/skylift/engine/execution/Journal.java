package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

import io.skylift.engine.store.Database;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creates, reads, cancels, restarts, resumes and cleans up executions in the database; runners do
 * the rest. Operator requests take the claim lock, so they never interleave with a claim round.
 */
public final class Journal {

    private final Database database;
    private final Clock clock;

    private Journal(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public static Journal of(Database database, Clock clock) {
        return new Journal(requireNonNull(database, "database is null"), requireNonNull(clock, "clock is null"));
    }

    /** Journals the execution with every task pending; a runner starts it. */
    public UUID create(NewExecution execution) {
        requireNonNull(execution, "execution is null");
        UUID id = UUID.randomUUID();
        database.inTransaction(connection -> {
            ExecutionTable.insert(connection, id, execution, clock.instant());
            TaskTable.insertAll(connection, id, execution.tasks(), clock.instant());
            return null;
        });
        return id;
    }

    public Optional<Execution> execution(UUID id) {
        requireNonNull(id, "id is null");
        return database.inTransaction(connection -> ExecutionTable.find(connection, id));
    }

    /**
     * The execution {@code id}.
     *
     * @throws SkyliftException NOT_FOUND naming the id
     */
    public Execution get(UUID id) {
        return execution(id).orElseThrow(() -> notFound(id));
    }

    /** Every execution with its task counts, newest first. */
    public List<ExecutionSummary> list() {
        return database.inTransaction(connection -> {
            Map<UUID, Map<TaskStatus, Integer>> counts = TaskTable.countsByExecution(connection);
            return ExecutionTable.all(connection).stream()
                    .map(execution -> new ExecutionSummary(execution, counts.getOrDefault(execution.id(), Map.of())))
                    .toList();
        });
    }

    /** Every task of the execution, in creation order. */
    public List<Task> tasks(UUID executionId) {
        requireNonNull(executionId, "executionId is null");
        return database.inTransaction(connection -> TaskTable.list(connection, executionId));
    }

    /** Events after {@code afterSequence} (0 for the first), oldest first, at most {@code limit}. */
    public List<Event> events(UUID executionId, long afterSequence, int limit) {
        requireNonNull(executionId, "executionId is null");
        return database.inTransaction(connection -> EventTable.after(connection, executionId, afterSequence, limit));
    }

    public List<Intent> intents(UUID executionId, String taskId) {
        TaskKey key = new TaskKey(executionId, taskId);
        return database.inTransaction(connection -> IntentTable.list(connection, key));
    }

    /**
     * Asks the execution to stop: tasks not started are cancelled, running ones stop at their next
     * checkpoint, then cleanup runs. Cancelling an execution already cancelling does nothing.
     *
     * @throws SkyliftException NOT_FOUND for an unknown id, INVALID_INPUT when it has already ended
     */
    public void cancel(UUID executionId) {
        requireNonNull(executionId, "executionId is null");
        database.inTransaction(connection -> {
            ClaimRound.lock(connection);
            Execution execution = ExecutionTable.find(connection, executionId).orElseThrow(() -> notFound(executionId));
            if (execution.status().isFinal()) {
                throw new SkyliftException(ErrorCode.INVALID_INPUT,
                        "execution " + executionId + " has already ended " + execution.status() + "; there is nothing to cancel");
            }
            if (execution.status() != ExecutionStatus.CANCELLING) {
                ExecutionTable.move(connection, executionId, execution.status(), ExecutionStatus.CANCELLING, clock.instant(), "cancel asked");
                ClaimRound.settle(connection, ExecutionTable.find(connection, executionId).orElseThrow(), clock.instant());
            }
            return null;
        });
    }

    /**
     * Runs {@code taskId} again, with every task that depends on it, directly or not, and every
     * task that did not complete (the execution completes only when all do). Completed tasks that
     * do not depend on it keep their outputs. Intents are kept, so a side effect an earlier attempt
     * made is found rather than made twice. The execution moves back to RUNNING.
     *
     * @return the ids of the tasks to run again, in creation order
     * @throws SkyliftException NOT_FOUND for an unknown execution or task; INVALID_INPUT while the
     *                          execution runs, or once its resources were cleaned up
     */
    public List<String> restartFrom(UUID executionId, String taskId) {
        requireNonNull(executionId, "executionId is null");
        requireNonNull(taskId, "taskId is null");
        return database.inTransaction(connection -> {
            ClaimRound.lock(connection);
            Execution execution = ended(connection, executionId, "restart it from " + taskId);
            List<Task> tasks = TaskTable.list(connection, executionId);
            if (tasks.stream().noneMatch(task -> task.id().equals(taskId))) {
                List<String> some = tasks.stream().map(Task::id).limit(5).toList();
                throw new SkyliftException(ErrorCode.NOT_FOUND, "execution " + executionId + " has no task '" + taskId + "'; its tasks include "
                        + String.join(", ", some) + (tasks.size() > some.size() ? ", ..." : "") + " (all: skylift execution history " + executionId + ")");
            }
            long cleaned = tasks.stream().filter(task -> CLEANUP_STATES.contains(task.status())).count();
            if (cleaned > 0) {
                throw new SkyliftException(ErrorCode.INVALID_INPUT, "execution " + executionId + " cannot be restarted: " + cleaned
                        + " of its tasks were cleaned up after it ended, so what it created is gone; start a new execution instead");
            }
            Set<String> again = dependentsOf(tasks, taskId);
            tasks.stream().filter(task -> task.status() != TaskStatus.COMPLETED).forEach(task -> again.add(task.id()));
            Instant now = clock.instant();
            List<String> restarted = new ArrayList<>();
            for (Task task : tasks) {
                if (again.contains(task.id())) {
                    TaskTable.restart(connection, new TaskKey(executionId, task.id()), task.status(), now, "restarted from task " + taskId);
                    restarted.add(task.id());
                }
            }
            ExecutionTable.move(connection, executionId, execution.status(), ExecutionStatus.RUNNING, now,
                    "restarted from task " + taskId + ": " + restarted.size() + " of " + tasks.size() + " tasks to run again");
            return List.copyOf(restarted);
        });
    }

    /**
     * Undoes what a failed or cancelled execution that kept its resources ({@link OnFailure#KEEP})
     * created: its tasks with intents are queued for cleanup, in reverse dependency order, and a
     * runner does it. The execution moves ERROR -> FAILING (or CANCELED -> CANCELLING) until done.
     *
     * @return how many tasks were queued for cleanup; 0 when none had made a side effect
     * @throws SkyliftException NOT_FOUND for an unknown id; INVALID_INPUT while it runs, when it
     *                          completed, or when it was already cleaned up
     */
    public int cleanup(UUID executionId) {
        requireNonNull(executionId, "executionId is null");
        return database.inTransaction(connection -> {
            ClaimRound.lock(connection);
            Execution execution = ended(connection, executionId, "clean it up (cleanup runs by itself when a run fails or is cancelled)");
            if (execution.status() == ExecutionStatus.COMPLETED) {
                throw new SkyliftException(ErrorCode.INVALID_INPUT, "execution " + executionId
                        + " completed; cleanup only undoes a failed or cancelled run, and would remove what this one migrated");
            }
            if (execution.onFailure() == OnFailure.CLEAN_UP) {
                throw new SkyliftException(ErrorCode.INVALID_INPUT, "execution " + executionId + " was already cleaned up when it ended "
                        + execution.status() + " (see skylift execution history " + executionId + ")");
            }
            Instant now = clock.instant();
            ExecutionTable.cleanUpOnFailure(connection, executionId);
            ExecutionStatus to = execution.status() == ExecutionStatus.CANCELED ? ExecutionStatus.CANCELLING : ExecutionStatus.FAILING;
            ExecutionTable.move(connection, executionId, execution.status(), to, now, "cleanup asked");
            ClaimRound.settle(connection, ExecutionTable.find(connection, executionId).orElseThrow(), now);
            return (int) TaskTable.list(connection, executionId).stream().filter(task -> task.status() == TaskStatus.CLEANUP_PENDING).count();
        });
    }

    /**
     * Forgets an execution that has ended: its record, tasks, intents and events. What it made in
     * the clouds stays; a failed run that kept its resources should be cleaned up first.
     *
     * @throws SkyliftException NOT_FOUND for an unknown id; INVALID_INPUT while it runs
     */
    public void delete(UUID executionId) {
        requireNonNull(executionId, "executionId is null");
        database.inTransaction(connection -> {
            ClaimRound.lock(connection);
            ended(connection, executionId, "delete it");
            ExecutionTable.delete(connection, executionId);
            return null;
        });
    }

    /**
     * Makes an execution whose workers died runnable now: the leases of its tasks are given up at
     * once instead of at their expiry, and retry backoffs end. Only for workers known to be gone:
     * a live worker loses its tasks (its writes are then refused) and its handlers may overlap
     * with the new attempt until they reach a checkpoint.
     *
     * @return how many leased tasks were taken back
     * @throws SkyliftException NOT_FOUND for an unknown id; INVALID_INPUT when it has ended
     */
    public int resume(UUID executionId) {
        requireNonNull(executionId, "executionId is null");
        return database.inTransaction(connection -> {
            ClaimRound.lock(connection);
            Execution execution = ExecutionTable.find(connection, executionId).orElseThrow(() -> notFound(executionId));
            if (execution.status() == ExecutionStatus.COMPLETED) {
                throw new SkyliftException(ErrorCode.INVALID_INPUT, "execution " + executionId + " has already completed; there is nothing to resume");
            }
            if (execution.status().isFinal()) {
                throw new SkyliftException(ErrorCode.INVALID_INPUT, "execution " + executionId + " has ended " + execution.status()
                        + "; to run it again: skylift execution restart-from " + executionId + " TASK (skylift execution history "
                        + executionId + " lists the tasks)");
            }
            Instant now = clock.instant();
            Map<TaskKey, String> leased = TaskTable.leased(connection, executionId);
            for (Map.Entry<TaskKey, String> task : leased.entrySet()) {
                TaskStatus status = TaskTable.find(connection, task.getKey()).orElseThrow().status();
                ClaimRound.giveBack(connection, task.getKey(), status, now, "resume: lease of worker " + task.getValue() + " given up");
            }
            TaskTable.endBackoff(connection, executionId, now);
            ClaimRound.settle(connection, ExecutionTable.find(connection, executionId).orElseThrow(), now);
            return leased.size();
        });
    }

    private static final Set<TaskStatus> CLEANUP_STATES = Set.of(TaskStatus.CLEANUP_PENDING, TaskStatus.CLEANING, TaskStatus.CLEANED,
            TaskStatus.CLEANUP_FAILED);

    /** The execution, which must have ended for an operator to {@code action}. */
    private static Execution ended(Connection connection, UUID executionId, String action) throws SQLException {
        Execution execution = ExecutionTable.find(connection, executionId).orElseThrow(() -> notFound(executionId));
        if (!execution.status().isFinal()) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "execution " + executionId + " is " + execution.status()
                    + "; to " + action + ", first stop it with skylift execution cancel " + executionId + " or wait for it to end");
        }
        return execution;
    }

    /** {@code taskId} and every task that depends on it, directly or not. */
    private static Set<String> dependentsOf(List<Task> tasks, String taskId) {
        Map<String, List<String>> dependents = new HashMap<>();
        tasks.forEach(task -> task.dependsOn().forEach(dependency -> dependents.computeIfAbsent(dependency, id -> new ArrayList<>()).add(task.id())));
        Set<String> found = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(taskId));
        while (!next.isEmpty()) {
            String id = next.poll();
            if (found.add(id)) {
                next.addAll(dependents.getOrDefault(id, List.of()));
            }
        }
        return found;
    }

    private static SkyliftException notFound(UUID executionId) {
        return new SkyliftException(ErrorCode.NOT_FOUND, "no execution " + executionId + "; see skylift execution list");
    }
}
