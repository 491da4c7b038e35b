package io.skylift.engine.execution;

import io.skylift.engine.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A worker that claims a task and dies as if killed while running it, leaving the task leased. For other modules' tests. */
public final class DeadWorker {

    private DeadWorker() {
    }

    /** Claims one task of {@code type} under a long lease, then dies; returns once it is dead. */
    public static void claimAndDie(Database database, String type) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        TaskHandler handler = new TaskHandler() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Map<String, Object> run(TaskContext context) throws Exception {
                running.countDown();
                new CountDownLatch(1).await();
                return Map.of();
            }
        };
        RunnerOptions options = RunnerOptions.of("dead-worker").withMaxConcurrentTasks(1).withLeaseDuration(Duration.ofMinutes(10))
                .withPollInterval(Duration.ofMillis(10));
        Runner runner = Runner.start(database, List.of(handler), options, Clock.systemUTC());
        if (!running.await(15, TimeUnit.SECONDS)) {
            runner.close();
            throw new IllegalStateException("the dead worker never claimed a task of type " + type);
        }
        runner.crash();
    }
}
