package io.skylift.bench.engine;

import io.skylift.engine.execution.Execution;
import io.skylift.engine.execution.ExecutionStatus;
import io.skylift.engine.execution.Journal;
import io.skylift.engine.execution.NewExecution;
import io.skylift.engine.execution.Runner;
import io.skylift.engine.execution.RunnerOptions;
import io.skylift.engine.execution.TaskContext;
import io.skylift.engine.execution.TaskHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The graph as one execution: journaled, then run by one runner with the engine's default
 * options except the parallelism, until the journal says COMPLETED. The database is opened and
 * migrated before the clock starts; journaling the execution is timed, since a user waits for it.
 */
final class EngineTrial {

    private static final long STATUS_POLL_MILLIS = 2;

    private EngineTrial() {
    }

    static Measurement run(Workload workload, DatabaseTarget target, Duration timeout) throws InterruptedException {
        try (DatabaseTarget.Opened opened = target.open()) {
            Clock clock = Clock.systemUTC();
            Journal journal = Journal.of(opened.database(), clock);
            NewExecution execution = NewExecution.of("bench", workload.newTasks()).withMaxParallel(workload.parallelism());
            Map<String, String> digests = new ConcurrentHashMap<>();
            AtomicInteger bodies = new AtomicInteger();
            CountDownLatch allRan = new CountDownLatch(workload.tasks());
            TaskHandler handler = new TaskHandler() {
                @Override
                public String type() {
                    return Workload.TYPE;
                }

                @Override
                public Map<String, Object> run(TaskContext context) throws InterruptedException {
                    Map<String, Object> outputs = workload.run(context.taskId(), context.dependencyOutputs());
                    bodies.incrementAndGet();
                    digests.put(context.taskId(), outputs.get("digest").toString());
                    allRan.countDown();
                    return outputs;
                }
            };
            RunnerOptions options = RunnerOptions.of("bench").withMaxConcurrentTasks(workload.parallelism());
            try (HeapWatch heap = HeapWatch.start()) {
                long cpu0 = ExecutorTrial.processCpuNanos();
                long t0 = System.nanoTime();
                UUID id = journal.create(execution);
                long created = System.nanoTime();
                Runner runner = Runner.start(opened.database(), List.of(handler), options, clock);
                try {
                    long deadline = t0 + timeout.toNanos();
                    if (!allRan.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("the engine ran " + bodies.get() + " of " + workload.tasks() + " tasks in " + timeout
                                + " on " + target.name());
                    }
                    awaitCompleted(journal, id, deadline);
                    long wall = System.nanoTime() - t0;
                    long cpu = ExecutorTrial.processCpuNanos() - cpu0;
                    if (bodies.get() != workload.tasks()) {
                        throw new IllegalStateException("the engine ran " + bodies.get() + " task bodies for " + workload.tasks() + " tasks");
                    }
                    return new Measurement(Duration.ofNanos(wall), Duration.ofNanos(cpu), heap.peakBytes(), heap.largestAfterGcBytes(), Duration.ofNanos(created - t0),
                            Checksum.of(digests));
                }
                finally {
                    runner.close();
                }
            }
        }
    }

    private static void awaitCompleted(Journal journal, UUID id, long deadline) throws InterruptedException {
        while (true) {
            Execution execution = journal.execution(id).orElseThrow();
            if (execution.status() == ExecutionStatus.COMPLETED) {
                return;
            }
            if (execution.status() != ExecutionStatus.RUNNING || System.nanoTime() > deadline) {
                throw new IllegalStateException("execution " + id + " is " + execution.status() + " rather than COMPLETED: "
                        + execution.error().orElse("no error recorded"));
            }
            Thread.sleep(STATUS_POLL_MILLIS);
        }
    }
}
