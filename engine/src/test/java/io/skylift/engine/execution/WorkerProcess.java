package io.skylift.engine.execution;

import io.skylift.engine.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A worker as its own JVM, for tests that kill it with {@code kill -9}: opens the journal by URL,
 * runs a {@link Runner} with a {@link TableCreateHandler} on the fake cloud's database, and exits
 * 0 once the execution has ended. It prints a line when each attempt starts and when its end is
 * journaled, so a test that may not open the journal (an H2 file is held by one process) sees it
 * work. Started by {@link WorkerProcesses}; arguments are
 * {@code --db URL --cloud URL --worker ID --execution UUID} and optionally {@code --pause-ms},
 * {@code --lease-ms}, {@code --max-tasks}, {@code --fail-task}.
 */
public final class WorkerProcess {

    /** The runner's claim rounds, as often as a test's short leases need. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private WorkerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        String worker = required(options, "--worker");
        UUID executionId = UUID.fromString(required(options, "--execution"));
        String journalUrl = required(options, "--db");
        String cloudUrl = options.getOrDefault("--cloud", journalUrl);
        Duration lease = Duration.ofMillis(Long.parseLong(options.getOrDefault("--lease-ms", "1500")));
        Duration pause = Duration.ofMillis(Long.parseLong(options.getOrDefault("--pause-ms", "20")));
        int maxTasks = Integer.parseInt(options.getOrDefault("--max-tasks", "8"));
        Clock clock = Clock.systemUTC();
        try (Database journalDatabase = Database.open(journalUrl);
             Database cloudDatabase = cloudUrl.equals(journalUrl) ? null : Database.open(cloudUrl)) {
            TableCloud cloud = new TableCloud(cloudDatabase == null ? journalDatabase : cloudDatabase);
            Journal journal = Journal.of(journalDatabase, clock);
            RunnerOptions runnerOptions = RunnerOptions.of(worker).withMaxConcurrentTasks(maxTasks).withLeaseDuration(lease)
                    .withPollInterval(POLL_INTERVAL);
            TableCreateHandler handler = new TableCreateHandler(cloud, worker, pause, Optional.ofNullable(options.get("--fail-task")));
            try (Runner runner = Runner.start(journalDatabase, TaskHandlers.of(List.of(handler)), runnerOptions, clock, new Printer())) {
                System.out.println(WorkerProcesses.READY + " after " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
                Execution execution = journal.execution(executionId).orElseThrow(() -> new IllegalArgumentException("no execution " + executionId));
                while (!execution.status().isFinal()) {
                    Thread.sleep(100);
                    execution = journal.execution(executionId).orElseThrow();
                }
                System.out.println("worker " + runner.workerId() + ": execution " + executionId + " ended " + execution.status());
            }
        }
    }

    /** One line per attempt started and per attempt ended, with the time, for {@link WorkerProcesses}. */
    private static final class Printer implements RunnerListener {

        @Override
        public void started(Task task) {
            print(WorkerProcesses.STARTED, task);
        }

        @Override
        public void ended(Task task) {
            print(WorkerProcesses.ENDED, task);
        }

        private static void print(String what, Task task) {
            System.out.println(Instant.now() + " " + what + " " + task.id() + " " + task.status());
        }
    }

    private static Map<String, String> parse(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("arguments come in pairs (--name value): " + List.of(args));
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }
}
