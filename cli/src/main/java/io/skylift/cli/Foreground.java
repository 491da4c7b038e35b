package io.skylift.cli;

import io.skylift.engine.execution.Execution;
import io.skylift.engine.execution.ExecutionStatus;
import io.skylift.engine.execution.Journal;
import io.skylift.engine.execution.Runner;
import io.skylift.engine.execution.RunnerListener;
import io.skylift.engine.execution.RunnerOptions;
import io.skylift.engine.execution.Task;
import io.skylift.engine.execution.TaskError;
import io.skylift.engine.execution.TaskStatus;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs one execution in this process until it ends (or a stop signal drains it), for the verbs
 * that change an execution and then see it through: resume, restart-from, cleanup.
 */
final class Foreground {

    private static final Duration CHECK_EVERY = Duration.ofMillis(200);

    private Foreground() {
    }

    /** Runs the execution's tasks, one line per task on stderr, until it ends; returns it as it ended, or as it stood when stopped. */
    static Execution run(Session session, UUID id) {
        return run(session, id, Optional.empty());
    }

    /**
     * As {@link #run(Session, UUID)}, showing the bytes each task moves on {@code board}; on a
     * terminal the bars take the place of the task lines, which would break them.
     */
    static Execution run(Session session, UUID id, Optional<ProgressBoard> board) {
        Journal journal = session.engine().journal();
        RunnerOptions options = RunnerOptions.of(WorkerCommand.defaultWorkerId()).onlyExecution(id);
        StopSignal stop = session.stopSignal();
        RunnerListener listener = board.filter(ProgressBoard::isRedrawn).isPresent() ? RunnerListener.NONE : new TaskLines(session.err());
        try (Runner runner = session.engine().startRunner(session.handlers(), options, listener)) {
            while (!journal.get(id).status().isFinal()) {
                board.ifPresent(shown -> shown.update(journal.tasks(id), Instant.now()));
                if (stop.awaitAsked(CHECK_EVERY)) {
                    session.err().println("skylift: stopping: running tasks finish first; the rest waits for skylift execution resume " + id);
                    break;
                }
                runner.wakeUp();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            stop.stopped();
        }
        board.ifPresent(shown -> shown.update(journal.tasks(id), Instant.now()));
        return journal.get(id);
    }

    /**
     * Throws when the run ended without completing: the code of the task that failed decides the
     * exit status (a cancel counts as the operator's). A run stopped by a signal has not ended and
     * does not throw.
     */
    static void requireCompleted(Session session, Execution execution) {
        if (execution.status() == ExecutionStatus.COMPLETED || !execution.status().isFinal()) {
            return;
        }
        List<Task> tasks = session.engine().journal().tasks(execution.id());
        ErrorCode code = execution.status() == ExecutionStatus.CANCELED ? ErrorCode.INVALID_INPUT
                // A failed task that was cleaned up afterwards is CLEANED, and keeps its error.
                : tasks.stream().filter(task -> task.status() == TaskStatus.ERROR || task.status() == TaskStatus.CLEANUP_FAILED
                                || task.status() == TaskStatus.CLEANED)
                        .flatMap(task -> task.error().stream()).map(TaskError::code).findFirst().orElse(ErrorCode.INTERNAL);
        throw new SkyliftException(code, "execution " + execution.id() + " ended " + execution.status()
                + execution.error().map(error -> ": " + error).orElse("") + " (details: skylift execution history " + execution.id() + ")");
    }
}
