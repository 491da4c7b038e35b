package io.skylift.cli;

import io.skylift.engine.execution.Runner;
import io.skylift.engine.execution.RunnerOptions;
import io.skylift.engine.execution.TaskHandlers;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skylift worker}: runs tasks of every execution in the database until stopped. */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description = {"Run tasks of every execution in the database until stopped, one line per task started or ended.",
                "Several workers may share one PostgreSQL database (--db); each task runs on one of them at a time, and the tasks of "
                        + "a worker that dies are taken over once its lease expires. SIGTERM or Ctrl-C stops claiming, lets running tasks "
                        + "finish, then exits."},
        footerHeading = "%nExamples:%n",
        footer = {"  skylift worker", "  skylift --db 'jdbc:postgresql://db.example/skylift?user=skylift' worker --max-tasks 32"})
final class WorkerCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--max-tasks", paramLabel = "N", defaultValue = "16", description = "Tasks this worker runs at once (default: ${DEFAULT-VALUE}).")
    int maxTasks;

    @Option(names = "--worker-id", paramLabel = "ID", description = "Name in the journal of the tasks it holds (default: HOST-PID).")
    String workerId;

    @Option(names = "--lease", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long a task stays this worker's without a renewal; after that another worker takes it over (default: ${DEFAULT-VALUE}).")
    long leaseSeconds;

    WorkerCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws InterruptedException {
        RunnerOptions options = RunnerOptions.of(Optional.ofNullable(workerId).orElseGet(WorkerCommand::defaultWorkerId))
                .withMaxConcurrentTasks(maxTasks)
                .withLeaseDuration(Duration.ofSeconds(leaseSeconds))
                .withPollInterval(Duration.ofMillis(Math.min(500, leaseSeconds * 1000 / 4)));
        TaskHandlers handlers = session.handlers();
        StopSignal stop = session.stopSignal();
        session.output().line("worker " + options.workerId() + " started; task types: "
                + (handlers.types().isEmpty() ? "none installed" : String.join(", ", handlers.types())));
        Runner runner = session.engine().startRunner(handlers, options, new TaskLines(session.output().writer()));
        try {
            while (!stop.awaitAsked(Duration.ofSeconds(1))) {
                // The runner works on its own threads until asked to stop.
            }
            session.output().line("worker " + options.workerId() + " stopping: running tasks finish first");
        }
        finally {
            runner.close();
            session.output().line("worker " + options.workerId() + " stopped");
            stop.stopped();
        }
        return ExitStatus.OK.code();
    }

    /** {@code HOST-PID}: tells an operator which machine and process holds a task. */
    static String defaultWorkerId() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter(name -> !name.isBlank()).orElse("localhost");
        return host + "-" + ProcessHandle.current().pid();
    }
}
