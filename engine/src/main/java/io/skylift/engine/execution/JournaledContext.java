package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

import io.skylift.engine.store.Database;
import io.skylift.model.ResourceRef;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The context of one claimed attempt. Each write locks the task's row and checks the lease epoch
 * of the claim first, so a worker that lost the task cannot journal anything for it.
 */
final class JournaledContext implements TaskContext {

    /** What an attempt is given at its start. */
    record Start(Task task, Map<String, Map<String, Object>> dependencyOutputs) {}

    private final Database database;
    private final TaskTable.Claim claim;
    private final Start start;
    private final Clock clock;
    private final Duration lease;
    private final AtomicBoolean cancelled;
    private final AtomicBoolean dead;

    JournaledContext(Database database, TaskTable.Claim claim, Start start, Clock clock, Duration lease, AtomicBoolean cancelled,
            AtomicBoolean dead) {
        this.database = requireNonNull(database, "database is null");
        this.claim = requireNonNull(claim, "claim is null");
        this.start = requireNonNull(start, "start is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.lease = requireNonNull(lease, "lease is null");
        this.cancelled = requireNonNull(cancelled, "cancelled is null");
        this.dead = requireNonNull(dead, "dead is null");
    }

    @Override
    public UUID executionId() {
        return claim.task().executionId();
    }

    @Override
    public String taskId() {
        return claim.task().taskId();
    }

    @Override
    public Optional<ResourceRef> resource() {
        return start.task().resource();
    }

    @Override
    public int attempt() {
        return claim.attempt();
    }

    @Override
    public Map<String, Object> inputs() {
        return start.task().inputs();
    }

    @Override
    public Map<String, Map<String, Object>> dependencyOutputs() {
        return start.dependencyOutputs();
    }

    @Override
    public Map<String, Object> outputs() {
        return start.task().outputs();
    }

    @Override
    public Optional<Map<String, Object>> checkpoint() {
        return start.task().checkpoint();
    }

    @Override
    public void heartbeat(Progress progress) {
        requireNonNull(progress, "progress is null");
        beat(progress, Optional.empty());
    }

    @Override
    public void heartbeat(Progress progress, Map<String, Object> checkpoint) {
        requireNonNull(progress, "progress is null");
        beat(progress, Optional.of(Map.copyOf(requireNonNull(checkpoint, "checkpoint is null"))));
    }

    private void beat(Progress progress, Optional<Map<String, Object>> checkpoint) {
        TaskStatus status = held((connection, current) -> {
            TaskTable.heartbeat(connection, claim.task(), progress, checkpoint, clock.instant().plus(lease), clock.instant());
            return current;
        });
        if (status == TaskStatus.CANCELLING) {
            cancelled.set(true);
        }
    }

    @Override
    public Intent intent(String key) {
        requireNonNull(key, "key is null");
        return held((connection, current) -> {
            Optional<Intent> known = IntentTable.find(connection, claim.task(), key);
            if (known.isPresent()) {
                return known.get();
            }
            IntentTable.record(connection, claim.task(), key, claim.attempt(), clock.instant());
            return new Intent(key, IntentState.NEW, Optional.empty());
        });
    }

    @Override
    public void markDone(String key, String result) {
        requireNonNull(key, "key is null");
        requireNonNull(result, "result is null");
        held((connection, current) -> {
            if (!IntentTable.markDone(connection, claim.task(), key, result, clock.instant())) {
                throw new IllegalStateException("task " + claim.task() + " marked intent " + key + " done without recording it first");
            }
            return null;
        });
    }

    @Override
    public List<Intent> intents() {
        return database.inTransaction(connection -> IntentTable.list(connection, claim.task()));
    }

    @Override
    public void throwIfCancelled() {
        // Cleanup runs because of a cancel: it must not stop for one.
        if (!claim.cleanup() && cancelled.get()) {
            throw new TaskCancelledException("task " + claim.task() + " was cancelled");
        }
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @FunctionalInterface
    private interface HeldWork<T> {
        T run(Connection connection, TaskStatus current) throws SQLException;
    }

    private <T> T held(HeldWork<T> work) {
        if (dead.get()) {
            throw new LeaseLostException("worker of task " + claim.task() + " has stopped");
        }
        return database.inTransaction(connection -> {
            TaskStatus current = TaskTable.lockHeld(connection, claim.task(), claim.epoch())
                    .orElseThrow(() -> new LeaseLostException("task " + claim.task() + " is no longer held by this worker: its lease expired"));
            return work.run(connection, current);
        });
    }
}
