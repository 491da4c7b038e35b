package io.skylift.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.engine.endpoint.Endpoints;
import io.skylift.engine.execution.ExecutionStatus;
import io.skylift.engine.execution.Journal;
import io.skylift.engine.execution.NewExecution;
import io.skylift.engine.execution.Runner;
import io.skylift.engine.execution.RunnerListener;
import io.skylift.engine.execution.RunnerOptions;
import io.skylift.engine.execution.TaskHandlers;
import io.skylift.engine.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The real engine on H2 in memory, with the transfer task handlers, running executions to their end for a test. */
final class EngineHarness implements AutoCloseable {

    final Database database = Database.open("jdbc:h2:mem:transfer-" + UUID.randomUUID());
    final Journal journal = Journal.of(database, Clock.systemUTC());
    private final Runner runner;

    EngineHarness(Endpoints endpoints) {
        runner = Runner.start(database, TaskHandlers.of(new BundleHandlers().handlers(endpoints)),
                RunnerOptions.of("test").withPollInterval(Duration.ofMillis(10)), Clock.systemUTC(), RunnerListener.NONE);
    }

    /** Creates the execution and waits up to 20 s for it to end with {@code expected}; its id. */
    UUID run(NewExecution execution, ExecutionStatus expected) {
        UUID id = journal.create(execution);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!journal.get(id).status().isFinal()) {
            assertThat(System.nanoTime()).as("execution ended in time").isLessThan(deadline);
            runner.wakeUp();
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(journal.get(id).status()).as(() -> journal.tasks(id).stream()
                .map(t -> t.id() + "=" + t.status() + t.error().map(e -> " " + e.message()).orElse("")).collect(Collectors.joining(", ")))
                .isEqualTo(expected);
        return id;
    }

    @Override
    public void close() {
        runner.close();
        database.close();
    }
}
