package io.skylift.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.engine.store.Database;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A long task heartbeats how far it got; when its worker dies, the next attempt starts from
 * that checkpoint instead of from the beginning, so no chunk is sent twice.
 */
class CheckpointResumeTest {

    private static final int CHUNKS = 10;
    private static final int CRASH_AFTER = 5;
    private static final Duration LEASE = Duration.ofSeconds(5);

    private final Database database = Database.open("jdbc:h2:mem:checkpoint-" + UUID.randomUUID());
    private final FakeClock clock = new FakeClock();
    private final Journal journal = Journal.of(database, clock);
    private final List<Runner> runners = new CopyOnWriteArrayList<>();
    /** Every chunk sent, with the attempt that sent it: "3@1" is chunk 3 sent by attempt 1. */
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final CountDownLatch crashed = new CountDownLatch(1);

    @AfterEach
    void closeAll() {
        runners.forEach(Runner::close);
        database.close();
    }

    /** Copies CHUNKS chunks from the checkpoint on; its first attempt hangs after CRASH_AFTER of them, like a killed process. */
    private final TaskHandler copy = new TaskHandler() {
        @Override
        public String type() {
            return "copy";
        }

        @Override
        public Map<String, Object> run(TaskContext context) throws Exception {
            int from = context.checkpoint().map(checkpoint -> ((Number) checkpoint.get("chunk")).intValue()).orElse(0);
            for (int chunk = from; chunk < CHUNKS; chunk++) {
                if (context.attempt() == 1 && chunk == CRASH_AFTER) {
                    crashed.countDown();
                    new CountDownLatch(1).await();
                }
                sent.add(chunk + "@" + context.attempt());
                context.heartbeat(Progress.of(chunk + 1, CHUNKS, "chunk " + chunk), Map.of("chunk", chunk + 1));
            }
            return Map.of("chunks", CHUNKS, "resumed_from", from);
        }
    };

    private Runner start(String worker) {
        Runner runner = Runner.start(database, List.of(copy),
                RunnerOptions.of(worker).withPollInterval(Duration.ofMillis(10)).withLeaseDuration(LEASE), clock);
        runners.add(runner);
        return runner;
    }

    @Test
    void deadWorker_nextAttemptResumesFromTheLastCheckpoint() throws Exception {
        UUID id = journal.create(NewExecution.of("copy", List.of(NewTask.of("disk", "copy"))));
        Runner first = start("w1");
        assertThat(crashed.await(15, TimeUnit.SECONDS)).as("the first attempt reached its crash point").isTrue();
        first.crash();

        start("w2");
        clock.advance(LEASE.plusSeconds(1));
        awaitCompleted(id);

        assertThat(sent).containsExactly("0@1", "1@1", "2@1", "3@1", "4@1", "5@2", "6@2", "7@2", "8@2", "9@2");
        Task task = journal.tasks(id).getFirst();
        assertThat(task.attempts()).isEqualTo(2);
        assertThat(task.outputs()).containsEntry("resumed_from", CRASH_AFTER);
        assertThat(task.progress().current()).isEqualTo(CHUNKS);
    }

    private void awaitCompleted(UUID id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (journal.execution(id).orElseThrow().status() != ExecutionStatus.COMPLETED) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("execution " + id + " is " + journal.execution(id).orElseThrow().status() + " after 15 s");
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
