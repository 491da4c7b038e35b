package io.skylift.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.engine.store.Database;
import io.skylift.spi.ErrorCategory;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunnerTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Database database = Database.open(databaseUrl());
    private final FakeClock clock = new FakeClock();
    private final Journal journal = Journal.of(database, clock);
    private final FakeCloud cloud = new FakeCloud();
    private final List<Runner> runners = new ArrayList<>();

    @AfterEach
    void closeAll() {
        runners.forEach(Runner::close);
        database.close();
    }

    /** A new, empty database for each test; {@link RunnerPostgresIT} runs every test here on PostgreSQL. */
    String databaseUrl() {
        return "jdbc:h2:mem:runner-" + UUID.randomUUID();
    }

    private Runner start(String worker, TaskHandler handler) {
        return start(options(worker), handler);
    }

    private Runner start(RunnerOptions options, TaskHandler handler) {
        Runner runner = Runner.start(database, List.of(handler), options, clock);
        runners.add(runner);
        return runner;
    }

    private static RunnerOptions options(String worker) {
        return RunnerOptions.of(worker).withPollInterval(Duration.ofMillis(10)).withLeaseDuration(Duration.ofSeconds(5));
    }

    @Test
    void randomGraph_twoWorkersMakeEachSideEffectExactlyOnce() {
        Random random = new Random(42);
        List<NewTask> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            NewTask task = NewTask.of("t" + i, CreateHandler.TYPE);
            for (int d = random.nextInt(4); d > 0 && i > 0; d--) {
                task = task.dependingOn("t" + random.nextInt(i));
            }
            tasks.add(task);
        }
        UUID id = journal.create(NewExecution.of("dag", tasks).withMaxParallel(16));
        start("w1", CreateHandler.on(cloud));
        start("w2", CreateHandler.on(cloud));

        awaitStatus(id, ExecutionStatus.COMPLETED);

        assertThat(cloud.allCreates()).hasSize(200).allSatisfy((marker, count) -> assertThat(count).as(marker).isEqualTo(1));
        List<Task> journaled = journal.tasks(id);
        assertThat(journaled).allSatisfy(task -> {
            assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(task.attempts()).isEqualTo(1);
            assertThat(task.outputs()).containsEntry("id", cloud.findByMarker(id + "/" + task.id()).orElseThrow());
            assertThat(task.checkpoint()).contains(task.outputs());
        });
        List<Event> events = journal.events(id, 0, 10_000);
        assertThat(events).extracting(Event::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(events).filteredOn(event -> event.kind() == Event.Kind.TASK_STATUS && event.status().equals("COMPLETED")).hasSize(200);
        assertThat(events.getLast().status()).isEqualTo("COMPLETED");
        assertWaitingOnCountsUnfinishedDependencies(id);
    }

    @Test
    void restartFrom_completedTask_itsDependentsWaitForItAgain() {
        CreateHandler handler = CreateHandler.on(cloud);
        UUID id = journal.create(NewExecution.of("chain", List.of(NewTask.of("a", CreateHandler.TYPE),
                NewTask.of("b", CreateHandler.TYPE).dependingOn("a"), NewTask.of("c", CreateHandler.TYPE).dependingOn("a", "b"))));
        Runner runner = start("w1", handler);
        awaitStatus(id, ExecutionStatus.COMPLETED);
        runner.close();
        assertWaitingOnCountsUnfinishedDependencies(id);

        journal.restartFrom(id, "a");

        // a is PENDING again: b waits on it, c on both.
        assertWaitingOnCountsUnfinishedDependencies(id);
        assertThat(waitingOn(id, "b")).isEqualTo(1);
        assertThat(waitingOn(id, "c")).isEqualTo(2);
        start("w2", handler);
        awaitStatus(id, ExecutionStatus.COMPLETED);
        assertWaitingOnCountsUnfinishedDependencies(id);
        assertThat(journal.tasks(id)).allSatisfy(task -> assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED));
        assertThat(cloud.allCreates()).hasSize(3).allSatisfy((marker, count) -> assertThat(count).as(marker).isEqualTo(1));
    }

    /** {@code waiting_on} equals what the V2 claim query computed: dependencies not COMPLETED. */
    private void assertWaitingOnCountsUnfinishedDependencies(UUID id) {
        List<String> wrong = database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement("SELECT t.id, t.waiting_on, (SELECT COUNT(*) FROM task_dependency d JOIN task p "
                    + "ON p.execution_id = d.execution_id AND p.id = d.depends_on WHERE d.execution_id = t.execution_id AND d.task_id = t.id "
                    + "AND p.status <> 'COMPLETED') FROM task t WHERE t.execution_id = ?")) {
                statement.setObject(1, id);
                try (var rows = statement.executeQuery()) {
                    List<String> mismatches = new ArrayList<>();
                    while (rows.next()) {
                        if (rows.getInt(2) != rows.getInt(3)) {
                            mismatches.add(rows.getString(1) + ": waiting_on " + rows.getInt(2) + ", unfinished " + rows.getInt(3));
                        }
                    }
                    return mismatches;
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    private int waitingOn(UUID id, String task) {
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement("SELECT waiting_on FROM task WHERE execution_id = ? AND id = ?")) {
                statement.setObject(1, id);
                statement.setString(2, task);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    @Test
    void claims_respectPerKeyAndPerExecutionLimits() {
        List<NewTask> uploads = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            uploads.add(NewTask.of("upload" + i, CreateHandler.TYPE).withInput("key", "glance").limitedBy("endpoint:dst/image-upload"));
        }
        List<NewTask> others = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            others.add(NewTask.of("other" + i, CreateHandler.TYPE).withInput("key", "narrow"));
        }
        UUID first = journal.create(NewExecution.of("uploads", uploads).withMaxParallel(10));
        UUID second = journal.create(NewExecution.of("narrow", others).withMaxParallel(2));
        CreateHandler handler = CreateHandler.on(cloud).working(Duration.ofMillis(30));
        start(options("w1").withKeyLimit("endpoint:dst/image-upload", 3), handler);
        start(options("w2").withKeyLimit("endpoint:dst/image-upload", 3), handler);

        awaitStatus(first, ExecutionStatus.COMPLETED);
        awaitStatus(second, ExecutionStatus.COMPLETED);

        assertThat(cloud.busiest("glance")).isEqualTo(3);
        assertThat(cloud.busiest("narrow")).isEqualTo(2);
    }

    @Test
    void retryableError_retriedAfterBackoffThenSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CreateHandler handler = CreateHandler.on(cloud)
                .retrying(RetryPolicy.standard().withInitialInterval(Duration.ofSeconds(10)))
                .beforeCreate(context -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new SkyliftException(ErrorCode.CLOUD_UNAVAILABLE, "glance answered 503");
                    }
                });
        UUID id = journal.create(NewExecution.of("retry", List.of(NewTask.of("a", CreateHandler.TYPE))));
        start("w1", handler);

        Task waiting = awaitTask(id, "a", task -> task.status() == TaskStatus.PENDING && task.attempts() == 1);
        assertThat(waiting.error()).contains(new TaskError(ErrorCode.CLOUD_UNAVAILABLE, "glance answered 503"));
        // The backoff is measured on the journal's clock: until it moves, the task waits.
        TimeUnit.MILLISECONDS.sleep(150);
        assertThat(task(id, "a").status()).isEqualTo(TaskStatus.PENDING);
        clock.advance(Duration.ofSeconds(10));

        awaitStatus(id, ExecutionStatus.COMPLETED);
        assertThat(task(id, "a").attempts()).isEqualTo(2);
        assertThat(cloud.creates(id + "/a")).isEqualTo(1);
    }

    /** Found by CrashIT: a task whose worker died went back to PENDING, was then skipped, and what it made stayed. */
    @Test
    void failure_whileACrashedTaskWaitsToRunAgain_cleansUpWhatItMade() throws Exception {
        CountDownLatch created = new CountDownLatch(1);
        CreateHandler handler = CreateHandler.on(cloud)
                .afterCreate(context -> {
                    if (context.taskId().equals("b") && context.attempt() == 1) {
                        created.countDown();
                        new CountDownLatch(1).await();
                    }
                })
                .beforeCreate(context -> {
                    if (context.taskId().equals("a")) {
                        created.await();
                        throw new SkyliftException(ErrorCode.INVALID_INPUT, "network a: CIDR overlaps");
                    }
                });
        UUID id = journal.create(NewExecution.of("fails", List.of(NewTask.of("a", CreateHandler.TYPE), NewTask.of("b", CreateHandler.TYPE))));
        Runner first = start("w1", handler);
        awaitCondition(() -> journal.execution(id).orElseThrow().status() == ExecutionStatus.FAILING);
        first.crash();

        start("w2", handler);
        clock.advance(Duration.ofSeconds(6));
        awaitStatus(id, ExecutionStatus.ERROR);

        assertThat(task(id, "b").status()).isEqualTo(TaskStatus.CLEANED);
        assertThat(cloud.resources()).isEmpty();
        assertThat(cloud.deleted()).containsExactly(id + "/b");
    }

    @Test
    void userError_notRetriedAndCleanupUndoesInReverseOrder() {
        CreateHandler handler = CreateHandler.on(cloud).beforeCreate(context -> {
            if (context.taskId().equals("c")) {
                throw new SkyliftException(ErrorCode.QUOTA_EXCEEDED, "quota of 10 servers reached in project demo");
            }
        });
        UUID id = journal.create(NewExecution.of("fails", List.of(NewTask.of("a", CreateHandler.TYPE),
                NewTask.of("b", CreateHandler.TYPE).dependingOn("a"), NewTask.of("c", CreateHandler.TYPE).dependingOn("b"),
                NewTask.of("d", CreateHandler.TYPE).dependingOn("c"))));
        start("w1", handler);

        Execution execution = awaitStatus(id, ExecutionStatus.ERROR);

        assertThat(execution.error()).contains("task c failed: quota of 10 servers reached in project demo");
        Task failed = task(id, "c");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.error().orElseThrow().category()).isEqualTo(ErrorCategory.USER);
        assertThat(task(id, "a").status()).isEqualTo(TaskStatus.CLEANED);
        assertThat(task(id, "b").status()).isEqualTo(TaskStatus.CLEANED);
        // c failed before it recorded an intent: nothing to undo.
        assertThat(failed.status()).isEqualTo(TaskStatus.ERROR);
        assertThat(task(id, "d").status()).isEqualTo(TaskStatus.SKIPPED);
        assertThat(cloud.resources()).isEmpty();
        assertThat(cloud.deleted()).containsExactly(id + "/b", id + "/a");
        assertWaitingOnCountsUnfinishedDependencies(id);
    }

    @Test
    void failure_keepsCreatedResourcesWhenAsked() {
        CreateHandler handler = CreateHandler.on(cloud).beforeCreate(context -> {
            if (context.taskId().equals("b")) {
                throw new IllegalStateException("bug in handler");
            }
        });
        UUID id = journal.create(NewExecution.of("keep", List.of(NewTask.of("a", CreateHandler.TYPE),
                NewTask.of("b", CreateHandler.TYPE).dependingOn("a"))).withOnFailure(OnFailure.KEEP));
        start("w1", handler);

        awaitStatus(id, ExecutionStatus.ERROR);

        assertThat(task(id, "b").error().orElseThrow().code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(task(id, "a").status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(cloud.resources()).containsOnlyKeys(id + "/a");
    }

    @Test
    void cancel_stopsRunningTaskAtCheckpointAndCleansUp() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CreateHandler handler = CreateHandler.on(cloud).afterCreate(context -> {
            if (context.taskId().equals("slow")) {
                started.countDown();
                // A long copy that heartbeats and checks for cancel at each chunk.
                for (int chunk = 0; ; chunk++) {
                    context.heartbeat(Progress.of(chunk, 1000, "copying").withBytes(chunk * 4096L), Map.of("chunk", chunk));
                    context.throwIfCancelled();
                    TimeUnit.MILLISECONDS.sleep(5);
                }
            }
        });
        UUID id = journal.create(NewExecution.of("cancel", List.of(NewTask.of("a", CreateHandler.TYPE),
                NewTask.of("slow", CreateHandler.TYPE).dependingOn("a"), NewTask.of("after", CreateHandler.TYPE).dependingOn("slow"))));
        start("w1", handler);
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        journal.cancel(id);

        awaitStatus(id, ExecutionStatus.CANCELED);
        assertThat(task(id, "after").status()).isEqualTo(TaskStatus.CANCELED);
        assertThat(task(id, "slow").status()).isEqualTo(TaskStatus.CLEANED);
        assertThat(task(id, "a").status()).isEqualTo(TaskStatus.CLEANED);
        assertThat(cloud.resources()).isEmpty();
        assertThat(journal.events(id, 0, 10_000)).extracting(Event::status).contains("CANCELLING", "CANCELED", "CLEANED");
        assertThatThrownBy(() -> journal.cancel(id)).isInstanceOf(SkyliftException.class).hasMessageContaining("already ended CANCELED");
    }

    @Test
    void cancel_unknownExecutionIsNotFound() {
        assertThatThrownBy(() -> journal.cancel(UUID.randomUUID()))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void crash_afterSideEffectBeforeJournal_resumedByAnotherWorkerExactlyOnce() throws Exception {
        CountDownLatch created = new CountDownLatch(1);
        CreateHandler handler = CreateHandler.on(cloud).afterCreate(context -> {
            if (context.taskId().equals("b") && context.attempt() == 1) {
                created.countDown();
                new CountDownLatch(1).await();
            }
        });
        UUID id = journal.create(NewExecution.of("crash", List.of(NewTask.of("a", CreateHandler.TYPE),
                NewTask.of("b", CreateHandler.TYPE).dependingOn("a"), NewTask.of("c", CreateHandler.TYPE).dependingOn("b"))));
        Runner first = start("w1", handler);
        assertThat(created.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        first.crash();
        start("w2", handler);
        // w2 must not take b while w1's lease stands.
        TimeUnit.MILLISECONDS.sleep(100);
        assertThat(task(id, "b").status()).isEqualTo(TaskStatus.RUNNING);
        clock.advance(Duration.ofSeconds(6));

        awaitStatus(id, ExecutionStatus.COMPLETED);
        assertThat(cloud.allCreates()).containsOnly(Map.entry(id + "/a", 1), Map.entry(id + "/b", 1), Map.entry(id + "/c", 1));
        assertThat(task(id, "b").attempts()).isEqualTo(2);
        assertThat(task(id, "b").outputs()).containsEntry("id", cloud.findByMarker(id + "/b").orElseThrow());
        assertThat(journal.intents(id, "b")).extracting(Intent::state).containsExactly(IntentState.DONE);
        assertThat(journal.events(id, 0, 10_000)).extracting(Event::message).contains("lease of worker w1 expired");
    }

    @Test
    void staleWorker_cannotJournalAfterItsLeaseWasTaken() throws Exception {
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> staleFailure = new AtomicReference<>();
        CreateHandler handler = CreateHandler.on(cloud).afterCreate(context -> {
            if (context.attempt() == 1) {
                created.countDown();
                release.await();
                try {
                    context.markDone("create", "from-the-stale-worker");
                }
                catch (RuntimeException e) {
                    staleFailure.set(e);
                    throw e;
                }
            }
        });
        UUID id = journal.create(NewExecution.of("fence", List.of(NewTask.of("a", CreateHandler.TYPE))));
        Runner first = start("w1", handler);
        assertThat(created.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        first.freeze();
        clock.advance(Duration.ofSeconds(6));
        start("w2", handler);
        awaitStatus(id, ExecutionStatus.COMPLETED);
        String id2 = task(id, "a").outputs().get("id").toString();

        release.countDown();

        awaitCondition(() -> staleFailure.get() != null);
        assertThat(staleFailure.get()).isInstanceOf(LeaseLostException.class);
        assertThat(task(id, "a").outputs()).containsEntry("id", id2);
        assertThat(journal.intents(id, "a")).extracting(intent -> intent.result().orElseThrow()).containsExactly(id2);
        assertThat(cloud.creates(id + "/a")).isEqualTo(1);
    }

    private Task task(UUID executionId, String taskId) {
        return journal.tasks(executionId).stream().filter(task -> task.id().equals(taskId)).findFirst().orElseThrow();
    }

    private Task awaitTask(UUID executionId, String taskId, Predicate<Task> condition) {
        awaitCondition(() -> condition.test(task(executionId, taskId)));
        return task(executionId, taskId);
    }

    private Execution awaitStatus(UUID id, ExecutionStatus status) {
        awaitCondition(() -> journal.execution(id).orElseThrow().status().isFinal());
        Execution execution = journal.execution(id).orElseThrow();
        assertThat(execution.status())
                .as(() -> "tasks: " + journal.tasks(id).stream().map(t -> t.id() + "=" + t.status() + t.error().map(e -> " " + e).orElse(""))
                        .collect(Collectors.joining(", ")))
                .isEqualTo(status);
        return execution;
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
