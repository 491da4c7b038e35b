package io.skylift.engine.execution;

import static java.util.Objects.requireNonNull;

import io.skylift.engine.store.Database;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker: one dispatcher thread renews the leases of the tasks it runs and, in claim rounds,
 * claims runnable tasks, which run on virtual threads. Several runners, in one process or many,
 * may share a database; each claims under its own worker id.
 */
public final class Runner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Runner.class);
    /** Journal writes that end an attempt are retried: losing one would re-run a finished task. */
    private static final int WRITE_TRIES = 5;

    private enum State { ACTIVE, DRAINING, STOPPED }

    private record Running(TaskTable.Claim claim, AtomicBoolean cancelled) {}

    private final Database database;
    private final TaskHandlers handlers;
    private final RunnerOptions options;
    private final Clock clock;
    private final RunnerListener listener;
    private final Map<TaskKey, Running> running = new ConcurrentHashMap<>();
    private final ExecutorService tasks = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("skylift-task-", 0).factory());
    private final Semaphore wake = new Semaphore(0);
    /** Set by {@link #crash()}: nothing more is written, as if the process had been killed. */
    private final AtomicBoolean dead = new AtomicBoolean();
    private final Thread dispatcher;
    private volatile State state = State.ACTIVE;

    private Runner(Database database, TaskHandlers handlers, RunnerOptions options, Clock clock, RunnerListener listener) {
        this.database = database;
        this.listener = listener;
        this.handlers = handlers;
        this.options = options;
        this.clock = clock;
        this.dispatcher = Thread.ofPlatform().daemon().name("skylift-runner-" + options.workerId()).unstarted(this::dispatch);
    }

    /** Starts a worker that runs tasks of every execution in {@code database} whose type has a handler here. */
    public static Runner start(Database database, Collection<? extends TaskHandler> handlers, RunnerOptions options, Clock clock) {
        return start(database, TaskHandlers.of(handlers), options, clock);
    }

    /**
     * Starts a worker with {@code handlers}. A task whose type has no handler here fails with
     * {@link ErrorCode#UNSUPPORTED} (a user error, not retried) rather than waiting forever.
     */
    public static Runner start(Database database, TaskHandlers handlers, RunnerOptions options, Clock clock) {
        return start(database, handlers, options, clock, RunnerListener.NONE);
    }

    /** As {@link #start(Database, TaskHandlers, RunnerOptions, Clock)}, telling {@code listener} of each attempt. */
    public static Runner start(Database database, TaskHandlers handlers, RunnerOptions options, Clock clock, RunnerListener listener) {
        requireNonNull(database, "database is null");
        requireNonNull(handlers, "handlers is null");
        requireNonNull(options, "options is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(listener, "listener is null");
        Runner runner = new Runner(database, handlers, options, clock, listener);
        runner.dispatcher.start();
        return runner;
    }

    public String workerId() {
        return options.workerId();
    }

    /** Runs a claim round now instead of at the next poll. */
    public void wakeUp() {
        wake.release();
    }

    /** Stops claiming, lets running tasks finish (renewing their leases), then stops. */
    @Override
    public void close() {
        if (state == State.ACTIVE) {
            state = State.DRAINING;
        }
        wake.release();
        joinDispatcher();
        tasks.close();
    }

    /**
     * Stops as a killed process would: no lease is renewed and nothing more is journaled; running
     * handlers are interrupted and whatever they try to write is refused. For crash tests.
     */
    void crash() {
        dead.set(true);
        freeze();
        tasks.shutdownNow();
    }

    /**
     * Stops renewing leases and claiming, but lets running handlers go on and try to journal, as a
     * worker cut off by a long pause would. For tests of lease fencing.
     */
    void freeze() {
        state = State.STOPPED;
        wake.release();
        joinDispatcher();
    }

    private void joinDispatcher() {
        try {
            dispatcher.join();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch() {
        while (state == State.ACTIVE || (state == State.DRAINING && !running.isEmpty())) {
            try {
                round();
            }
            catch (RuntimeException e) {
                // A busy or briefly unreachable database: the next round tries again, well inside the lease.
                LOG.warn("worker {}: claim round failed: {}", options.workerId(), e.getMessage(), e);
            }
            try {
                wake.tryAcquire(options.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        state = State.STOPPED;
    }

    private void round() {
        if (!running.isEmpty()) {
            renew();
        }
        if (state != State.ACTIVE) {
            return;
        }
        int free = options.maxConcurrentTasks() - running.size();
        List<TaskTable.Claim> claims = database.inTransaction(connection -> ClaimRound.run(connection, options, free, clock.instant()));
        for (TaskTable.Claim claim : claims) {
            Running task = new Running(claim, new AtomicBoolean());
            running.put(claim.task(), task);
            tasks.execute(() -> attempt(task));
        }
    }

    /**
     * Extends the leases of the running tasks. A failure is logged and does not stop the claim
     * round that follows: the leases are still good for a while and the next round renews them.
     */
    private void renew() {
        List<TaskKey> cancelling;
        try {
            cancelling = database.inTransaction(
                    connection -> TaskTable.renew(connection, options.workerId(), clock.instant().plus(options.leaseDuration())));
        }
        catch (RuntimeException e) {
            LOG.warn("worker {}: cannot renew its leases: {}", options.workerId(), e.getMessage(), e);
            return;
        }
        for (TaskKey key : cancelling) {
            Running task = running.get(key);
            if (task != null) {
                task.cancelled().set(true);
            }
        }
    }

    private void attempt(Running task) {
        TaskTable.Claim claim = task.claim();
        TaskHandler handler = null;
        try {
            JournaledContext.Start start = database.inTransaction(connection -> new JournaledContext.Start(
                    TaskTable.find(connection, claim.task()).orElseThrow(),
                    TaskTable.dependencyOutputs(connection, claim.task())));
            listener.started(start.task());
            handler = handlers.find(start.task().type()).orElseThrow(() -> new SkyliftException(ErrorCode.UNSUPPORTED,
                    "no handler for task type '" + start.task().type() + "' in this skylift (it has: "
                            + (handlers.types().isEmpty() ? "none" : String.join(", ", handlers.types()))
                            + "); install the module that runs it, or run this execution on a worker that has it"));
            JournaledContext context = new JournaledContext(database, claim, start, clock, options.leaseDuration(), task.cancelled(), dead);
            if (claim.cleanup()) {
                handler.cleanup(context);
                end(claim, TaskTable.Change.to(TaskStatus.CLEANED, "cleaned up"));
            }
            else {
                Map<String, Object> outputs = handler.run(context);
                end(claim, TaskTable.Change.to(TaskStatus.COMPLETED, "completed").withOutputs(outputs == null ? Map.of() : outputs));
            }
        }
        catch (LeaseLostException e) {
            LOG.info("worker {}: {}", options.workerId(), e.getMessage());
        }
        catch (TaskCancelledException e) {
            end(claim, TaskTable.Change.to(TaskStatus.CANCELED, "stopped at a checkpoint"));
        }
        catch (Exception | Error e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            fail(claim, handler == null ? RetryPolicy.standard() : handler.retryPolicy(), TaskError.of(e));
        }
        finally {
            running.remove(claim.task());
            wake.release();
        }
    }

    /** Ends the attempt with {@code change} if this worker still holds the task. */
    private void end(TaskTable.Claim claim, TaskTable.Change change) {
        write(claim, (connection, from) -> {
            if (change.to() == TaskStatus.CANCELED && from != TaskStatus.CANCELLING) {
                // Only a cancel seen in the journal stops a task; anything else throwing it is a handler bug.
                TaskTable.move(connection, claim.task(), from, TaskTable.Change.to(TaskStatus.ERROR, "failed")
                        .withError(new TaskError(ErrorCode.INTERNAL, "handler threw TaskCancelledException while not cancelled")),
                        clock.instant());
                failExecution(connection, claim, "handler threw TaskCancelledException while not cancelled");
                return;
            }
            TaskTable.move(connection, claim.task(), from, change, clock.instant());
        });
    }

    private void fail(TaskTable.Claim claim, RetryPolicy policy, TaskError error) {
        write(claim, (connection, from) -> {
            Instant now = clock.instant();
            if (claim.cleanup()) {
                if (policy.allowsRetry(error.code(), claim.attempt())) {
                    TaskTable.move(connection, claim.task(), from, TaskTable.Change.to(TaskStatus.CLEANUP_PENDING, retryMessage(policy, claim, error))
                            .withError(error).withNotBefore(now.plus(policy.backoff(claim.attempt()))), now);
                }
                else {
                    TaskTable.move(connection, claim.task(), from, TaskTable.Change.to(TaskStatus.CLEANUP_FAILED, error.message()).withError(error), now);
                }
                return;
            }
            Optional<Execution> execution = ExecutionTable.find(connection, claim.task().executionId());
            boolean executionRunning = execution.isPresent() && execution.get().status() == ExecutionStatus.RUNNING;
            if (from == TaskStatus.RUNNING && executionRunning && policy.allowsRetry(error.code(), claim.attempt())) {
                TaskTable.move(connection, claim.task(), from, TaskTable.Change.to(TaskStatus.PENDING, retryMessage(policy, claim, error))
                        .withError(error).withNotBefore(now.plus(policy.backoff(claim.attempt()))), now);
                return;
            }
            TaskTable.move(connection, claim.task(), from, TaskTable.Change.to(TaskStatus.ERROR, error.message()).withError(error), now);
            failExecution(connection, claim, error.message());
        });
    }

    private void failExecution(Connection connection, TaskTable.Claim claim, String message) throws SQLException {
        // Only the first failure moves it; later ones find it FAILING already.
        ExecutionTable.move(connection, claim.task().executionId(), ExecutionStatus.RUNNING, ExecutionStatus.FAILING, clock.instant(),
                "task " + claim.task().taskId() + " failed: " + message);
    }

    private static String retryMessage(RetryPolicy policy, TaskTable.Claim claim, TaskError error) {
        return "attempt " + claim.attempt() + " failed, retrying in " + policy.backoff(claim.attempt()).toMillis() + " ms: " + error.message();
    }

    private void tellEnded(TaskTable.Claim claim) {
        if (listener == RunnerListener.NONE) {
            return;
        }
        try {
            database.inTransaction(connection -> TaskTable.find(connection, claim.task())).ifPresent(listener::ended);
        }
        catch (RuntimeException e) {
            LOG.warn("worker {}: cannot report the end of task {}: {}", options.workerId(), claim.task(), e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface EndWork {
        void run(Connection connection, TaskStatus from) throws SQLException;
    }

    /** Ends an attempt in one transaction if the lease is still held; retried, since it is safe to repeat (the epoch fences it). */
    private void write(TaskTable.Claim claim, EndWork work) {
        for (int tryNumber = 1; ; tryNumber++) {
            if (dead.get()) {
                return;
            }
            try {
                boolean journaled = database.inTransaction(connection -> {
                    Optional<TaskStatus> from = TaskTable.lockHeld(connection, claim.task(), claim.epoch());
                    if (from.isEmpty()) {
                        LOG.info("worker {}: task {} is no longer ours; its end is not journaled", options.workerId(), claim.task());
                        return false;
                    }
                    work.run(connection, from.get());
                    return true;
                });
                if (journaled) {
                    tellEnded(claim);
                }
                return;
            }
            catch (SkyliftException e) {
                if (tryNumber == WRITE_TRIES) {
                    // The lease will expire and another attempt will run; intents keep its side effects single.
                    LOG.error("worker {}: cannot journal the end of task {}: {}", options.workerId(), claim.task(), e.getMessage(), e);
                    return;
                }
                try {
                    Thread.sleep(50L * tryNumber);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
