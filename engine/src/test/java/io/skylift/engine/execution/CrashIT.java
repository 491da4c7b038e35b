package io.skylift.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.engine.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Kills real worker processes ({@code kill -9}) at seeded random moments of an execution of 300
 * tasks on an embedded H2 file, starts a new worker after each kill as {@code skylift execution
 * resume} would, and checks the outcome in a fake cloud kept in a database of its own (a cloud
 * does not forget what it made when the journal's process dies). One process at a time holds the
 * H2 file, as in production. Replay a failure with {@code -Dskylift.crash.seed=N}.
 */
class CrashIT {

    private static final int TASKS = 300;
    private static final int KILLS = 10;
    private static final java.util.Set<TaskStatus> ENDED_CLEAN = java.util.EnumSet.of(TaskStatus.CLEANED, TaskStatus.SKIPPED,
            TaskStatus.CANCELED, TaskStatus.ERROR);
    private static final Duration LEASE = Duration.ofMillis(1500);
    private static final Duration PAUSE = Duration.ofMillis(50);
    /**
     * For a worker to start its first attempt: start a JVM, open both databases, claim. 1.5 s on
     * an idle machine, up to 30 s on two cores at a load average of 17; a worker slower than
     * this is stuck.
     */
    private static final Duration START_UP = Duration.ofMinutes(2);
    /**
     * How many times longer than {@link #stall}'s idle-machine sum a last worker may go without
     * ending an attempt. On two cores at a load average of 17 the longest gap measured was 2.5 s,
     * against a sum of 1.7 s: sixteen leaves room for a far busier machine, and a worker that
     * stops ending attempts (a lease never taken over, an execution never settled) still fails
     * within a minute.
     */
    private static final int SLOWDOWN = 16;

    private final long seed = Long.getLong("skylift.crash.seed", new Random().nextLong());
    private final Random random = new Random(seed);
    private Path directory;
    private String journalUrl;
    private String cloudUrl;
    private WorkerProcesses workers;

    @BeforeEach
    void setUp(TestInfo test) throws Exception {
        directory = Files.createDirectories(Path.of("target", "crash-it")).toAbsolutePath()
                .resolve(test.getTestMethod().orElseThrow().getName() + "-" + seed);
        journalUrl = "jdbc:h2:file:" + directory.resolve("journal");
        // The cloud writes each create through at once: it never loses one.
        cloudUrl = "jdbc:h2:file:" + directory.resolve("cloud") + ";WRITE_DELAY=0";
        workers = new WorkerProcesses(directory);
        System.out.println(getClass().getSimpleName() + "." + test.getDisplayName() + ": seed " + seed
                + " (replay with -Dskylift.crash.seed=" + seed + "), logs in " + directory);
    }

    @AfterEach
    void killWorkers() throws Exception {
        workers.killAll();
    }

    @Test
    void killedAtRandomMoments_everySideEffectOnceAndOutputsComplete() throws Exception {
        UUID id = create(NewExecution.of("crash", randomGraph()).withMaxParallel(8));

        int kills = runKilling(id, KILLS, PAUSE, List.of());

        try (Database journalDatabase = Database.open(journalUrl); Database cloudDatabase = Database.open(cloudUrl)) {
            Journal journal = Journal.of(journalDatabase, Clock.systemUTC());
            List<TableCloud.Resource> resources = new TableCloud(cloudDatabase).resources(id);
            assertThat(journal.execution(id).orElseThrow().status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(resources.stream().collect(Collectors.groupingBy(TableCloud.Resource::marker, Collectors.counting())))
                    .as("creates per task, seed %d", seed).hasSize(TASKS).allSatisfy((marker, count) -> assertThat(count).as(marker).isEqualTo(1));
            Map<String, String> created = resources.stream().collect(Collectors.toMap(TableCloud.Resource::marker, TableCloud.Resource::id));
            assertThat(journal.tasks(id)).allSatisfy(task -> {
                assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
                assertThat(task.outputs()).as(task.id()).containsEntry("id", created.get(id + "/" + task.id()));
            });
            assertThat(resources).noneMatch(TableCloud.Resource::deleted);
            System.out.println("  " + kills + " kills, creates by " + countBy(resources, TableCloud.Resource::worker));
        }
    }

    @Test
    void failedRunKilledAtRandomMoments_leavesNothingBehind() throws Exception {
        UUID id = create(NewExecution.of("fails", randomGraph()).withMaxParallel(8));

        int kills = runKilling(id, KILLS / 2, PAUSE, List.of("--fail-task", "t" + (TASKS / 2)));

        assertNoLeftovers(id, ExecutionStatus.ERROR, kills);
    }

    @Test
    void cancelledAfterAKill_cleanupLeavesNothingBehind() throws Exception {
        UUID id = create(NewExecution.of("cancelled", randomGraph()).withMaxParallel(8));
        Process first = workers.start("w0", workerArgs(id, Duration.ofMillis(100), List.of()));
        // Once it has made something, and short of finishing (many seconds at this pace).
        assertThat(workers.awaitFirst("w0", first, WorkerProcesses.ENDED, START_UP)).isTrue();
        TimeUnit.MILLISECONDS.sleep(500 + random.nextInt(1500));
        WorkerProcesses.kill(first);
        try (Database journalDatabase = Database.open(journalUrl)) {
            Journal.of(journalDatabase, Clock.systemUTC()).cancel(id);
        }

        // Slow deletes, so the kills also land in the cleanup.
        int kills = 1 + runKilling(id, KILLS / 2, Duration.ofMillis(300), List.of());

        assertNoLeftovers(id, ExecutionStatus.CANCELED, kills);
    }

    private void assertNoLeftovers(UUID id, ExecutionStatus expected, int kills) {
        try (Database journalDatabase = Database.open(journalUrl); Database cloudDatabase = Database.open(cloudUrl)) {
            Journal journal = Journal.of(journalDatabase, Clock.systemUTC());
            List<TableCloud.Resource> resources = new TableCloud(cloudDatabase).resources(id);
            assertThat(journal.execution(id).orElseThrow().status()).isEqualTo(expected);
            assertThat(resources).as("the run made something before it stopped, seed %d", seed).isNotEmpty();
            assertThat(resources).as("leftovers, seed %d", seed).allMatch(TableCloud.Resource::deleted);
            assertThat(resources.stream().collect(Collectors.groupingBy(TableCloud.Resource::marker, Collectors.counting())))
                    .as("creates per task, seed %d", seed).allSatisfy((marker, count) -> assertThat(count).as(marker).isEqualTo(1));
            // Every task that made something was cleaned; the rest never started or stopped before their create.
            assertThat(journal.tasks(id)).extracting(Task::status)
                    .containsAnyOf(TaskStatus.CLEANED).allMatch(status -> ENDED_CLEAN.contains(status), "cleaned, skipped, canceled or error");
            System.out.println("  " + kills + " kills, " + resources.size() + " resources made and removed");
        }
    }

    /** Creates the execution and the fake cloud's table, then lets go of both files for the workers. */
    private UUID create(NewExecution execution) {
        try (Database cloudDatabase = Database.open(cloudUrl)) {
            new TableCloud(cloudDatabase).createTable();
        }
        try (Database journalDatabase = Database.open(journalUrl)) {
            return Journal.of(journalDatabase, Clock.systemUTC()).create(execution);
        }
    }

    /**
     * Starts a worker, kills it a random delay after its first attempt started (now and then
     * while it still starts), starts the next, {@code kills} times; then lets the last one finish
     * for as long as it keeps ending attempts. Returns how many were killed before they could end
     * on their own.
     *
     * <p>No deadline spans the rounds: six JVM start-ups, 1.5 s each on an idle machine and up
     * to 30 on a busy one, would count against the engine. What the engine must do is bounded
     * instead: the last worker ends an attempt at least every {@link #stall}.
     */
    private int runKilling(UUID id, int kills, Duration pause, List<String> extra) throws Exception {
        int killed = 0;
        for (int round = 1; ; round++) {
            String worker = "w" + round;
            long startedAt = System.nanoTime();
            Process process = workers.start(worker, workerArgs(id, pause, extra));
            if (round > kills) {
                Duration stall = stall(pause);
                assertThat(workers.awaitExit(worker, process, START_UP, stall))
                        .as("exit of %s, seed %d; see %s", worker, seed, workers.log(worker)).isZero();
                System.out.println("  " + worker + " ended the execution " + millisSince(startedAt)
                        + " ms after its start (it had to end an attempt every " + stall.toMillis() + " ms)");
                return killed;
            }
            long delay;
            String when;
            if (random.nextInt(5) == 0) {
                // Now and then while it starts: opening the database, migrating, the first claims.
                delay = random.nextInt(1500);
                when = delay + " ms after its start";
            }
            else {
                workers.awaitFirst(worker, process, WorkerProcesses.STARTED, START_UP);
                delay = random.nextInt(2500);
                when = delay + " ms after its first attempt, which came " + millisSince(startedAt) + " ms after its start";
            }
            if (process.waitFor(delay, TimeUnit.MILLISECONDS)) {
                assertThat(process.exitValue()).as("exit of %s; see %s", worker, workers.log(worker)).isZero();
                return killed;
            }
            WorkerProcesses.kill(process);
            killed++;
            System.out.println("  " + worker + " killed " + when);
        }
    }

    /**
     * The longest a worker may go without ending an attempt: on an idle machine, the leases a
     * killed worker held expire (one lease) and the next claim round takes them over (one poll
     * interval), then one attempt runs, three pauses of at most {@code pause}; {@link #SLOWDOWN}
     * times that for a busy one.
     */
    private static Duration stall(Duration pause) {
        return LEASE.plus(WorkerProcess.POLL_INTERVAL).plus(pause.multipliedBy(3)).multipliedBy(SLOWDOWN);
    }

    private String[] workerArgs(UUID id, Duration pause, List<String> extra) {
        Map<String, String> args = new java.util.LinkedHashMap<>(Map.of("--db", journalUrl, "--cloud", cloudUrl, "--execution", id.toString(),
                "--pause-ms", String.valueOf(pause.toMillis()), "--lease-ms", String.valueOf(LEASE.toMillis()), "--max-tasks", "8"));
        for (int i = 0; i < extra.size(); i += 2) {
            args.put(extra.get(i), extra.get(i + 1));
        }
        return args.entrySet().stream().flatMap(entry -> java.util.stream.Stream.of(entry.getKey(), entry.getValue())).toArray(String[]::new);
    }

    /** A random DAG: each task depends on up to three earlier ones. */
    private List<NewTask> randomGraph() {
        List<NewTask> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            NewTask task = NewTask.of("t" + i, TableCreateHandler.TYPE);
            for (int d = random.nextInt(4); d > 0 && i > 0; d--) {
                task = task.dependingOn("t" + random.nextInt(i));
            }
            tasks.add(task);
        }
        return tasks;
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private static <T> Map<String, Long> countBy(List<T> values, Function<T, String> key) {
        return values.stream().collect(Collectors.groupingBy(key, java.util.TreeMap::new, Collectors.counting()));
    }
}
