package io.skylift.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.engine.store.Database;
import io.skylift.engine.store.TestPostgres;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three worker processes on one PostgreSQL run an execution of a thousand tasks; one is killed
 * with {@code kill -9} midway, while it holds tasks. The other two take its tasks over once their
 * leases expire and finish the run, each side effect made once (the fake cloud is a table in the
 * same database).
 */
class MultiWorkerIT {

    private static final int TASKS = 1000;
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    private final String url = TestPostgres.freshSchema("it_multi");
    private final long seed = Long.getLong("skylift.crash.seed", new Random().nextLong());
    private WorkerProcesses workers;

    @AfterEach
    void cleanUp() throws Exception {
        if (workers != null) {
            workers.killAll();
        }
        TestPostgres.dropSchema(url);
    }

    @Test
    void threeWorkersOneKilledMidway_everyTaskDoneOnce() throws Exception {
        System.out.println("MultiWorkerIT: seed " + seed + " (replay with -Dskylift.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        workers = new WorkerProcesses(Path.of("target", "multi-worker-it", String.valueOf(seed)).toAbsolutePath());
        try (Database database = Database.open(url)) {
            TableCloud cloud = new TableCloud(database).createTable();
            Journal journal = Journal.of(database, Clock.systemUTC());
            List<NewTask> tasks = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                NewTask task = NewTask.of("t" + i, TableCreateHandler.TYPE);
                for (int d = random.nextInt(3); d > 0 && i > 0; d--) {
                    task = task.dependingOn("t" + random.nextInt(i));
                }
                tasks.add(task);
            }
            UUID id = journal.create(NewExecution.of("multi", tasks).withMaxParallel(48));
            String[] args = {"--db", url, "--execution", id.toString(), "--pause-ms", "20", "--lease-ms", "2000", "--max-tasks", "16"};
            Map<String, Process> processes = new java.util.LinkedHashMap<>();
            for (String worker : List.of("w1", "w2", "w3")) {
                processes.put(worker, workers.start(worker, args));
            }

            // Midway, at a moment w2 holds tasks, so some must be taken over.
            int killAt = TASKS / 4 + random.nextInt(TASKS / 2);
            awaitCondition(() -> cloud.resources(id).size() >= killAt && running(database, "w2") > 0, "w2 running tasks past " + killAt);
            int heldByKilled = running(database, "w2");
            WorkerProcesses.kill(processes.get("w2"));
            System.out.println("  killed w2 after " + cloud.resources(id).size() + " creates, holding " + heldByKilled + " tasks");

            for (String worker : List.of("w1", "w3")) {
                Process process = processes.get(worker);
                assertThat(process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("%s ended within %s", worker, DEADLINE).isTrue();
                assertThat(process.exitValue()).as("exit of %s; see %s", worker, workers.log(worker)).isZero();
            }

            assertThat(journal.execution(id).orElseThrow().status()).isEqualTo(ExecutionStatus.COMPLETED);
            List<TableCloud.Resource> resources = cloud.resources(id);
            assertThat(resources.stream().collect(Collectors.groupingBy(TableCloud.Resource::marker, Collectors.counting())))
                    .as("creates per task").hasSize(TASKS).allSatisfy((marker, count) -> assertThat(count).as(marker).isEqualTo(1));
            Map<String, String> created = resources.stream().collect(Collectors.toMap(TableCloud.Resource::marker, TableCloud.Resource::id));
            assertThat(journal.tasks(id)).allSatisfy(task -> {
                assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
                assertThat(task.outputs()).as(task.id()).containsEntry("id", created.get(id + "/" + task.id()));
            });
            Map<String, Long> byWorker = resources.stream()
                    .collect(Collectors.groupingBy(TableCloud.Resource::worker, java.util.TreeMap::new, Collectors.counting()));
            assertThat(byWorker).containsOnlyKeys("w1", "w2", "w3");
            List<Event> events = journal.events(id, 0, 100_000);
            long takenOver = events.stream().filter(event -> event.message().equals("lease of worker w2 expired")).count();
            assertThat(takenOver).as("tasks of w2 given back after its lease expired").isPositive();
            System.out.println("  creates by " + byWorker + ", " + takenOver + " tasks taken over from w2");
        }
    }

    private static int running(Database database, String worker) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM task WHERE worker = ? AND status = 'RUNNING'")) {
                statement.setString(1, worker);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + DEADLINE + ": " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
