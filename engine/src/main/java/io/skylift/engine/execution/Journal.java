package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

import io.skylift.engine.store.Database;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates, reads and cancels executions in the database; runners do the rest. */
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
            Execution execution = ExecutionTable.find(connection, executionId)
                    .orElseThrow(() -> new SkyliftException(ErrorCode.NOT_FOUND, "no execution " + executionId));
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
}
