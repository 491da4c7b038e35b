package io.skylift.cli;

import io.skylift.engine.execution.Execution;
import io.skylift.engine.execution.Journal;
import io.skylift.engine.execution.Task;
import io.skylift.engine.execution.TaskError;
import io.skylift.engine.execution.TaskStatus;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skylift execution ...}: see, stop, resume, restart and clean up executions. */
@Command(
        name = "execution",
        description = "See where executions stand; cancel, resume, restart or clean them up.",
        mixinStandardHelpOptions = true,
        subcommands = {
                ExecutionCommand.ListExecutions.class,
                ExecutionCommand.Show.class,
                ExecutionCommand.History.class,
                ExecutionCommand.Current.class,
                ExecutionCommand.Cancel.class,
                ExecutionCommand.Resume.class,
                ExecutionCommand.RestartFrom.class,
                ExecutionCommand.Cleanup.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  skylift execution list",
                "  skylift execution show 2f1c0f6e --follow",
                "  skylift execution restart-from 2f1c0f6e copy-image-web1"})
final class ExecutionCommand {

    private ExecutionCommand() {}

    /** The execution id argument: a whole id or a unique prefix of one. */
    abstract static class OnExecution {

        final Session session;

        @Parameters(index = "0", paramLabel = "ID", description = "The execution's id, or its first characters if no other begins so.")
        String id;

        OnExecution(Session session) {
            this.session = session;
        }

        Journal journal() {
            return session.engine().journal();
        }

        UUID executionId() {
            return ExecutionIds.resolve(journal(), id);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List executions, newest first.")
    static final class ListExecutions implements Callable<Integer> {

        private final Session session;

        @Mixin
        OutputOptions output;

        ListExecutions(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            List<Map<String, Object>> rows = session.engine().journal().list().stream().map(ExecutionRows::row).toList();
            session.output().list(ExecutionRows.LIST_COLUMNS, rows, output);
            return ExitStatus.OK.code();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show an execution's status and its tasks.",
                    "With --follow, then print its events, stored ones first, until it ends (as JSON lines with -f json)."},
            footerHeading = "%nExamples:%n",
            footer = {"  skylift execution show 2f1c0f6e", "  skylift execution show 2f1c0f6e -f value -c status", "  skylift execution show 2f1c0f6e --follow"})
    static final class Show extends OnExecution implements Callable<Integer> {

        @Option(names = "--follow", description = "Print events as they are journaled until the execution ends.")
        boolean follow;

        @Option(names = "--interval", paramLabel = "MILLIS", defaultValue = "500", hidden = true, description = "Poll interval of --follow.")
        long intervalMillis;

        @Mixin
        OutputOptions output;

        Show(Session session) {
            super(session);
        }

        @Override
        public Integer call() throws InterruptedException {
            UUID executionId = executionId();
            Execution execution = journal().get(executionId);
            List<Task> tasks = journal().tasks(executionId);
            ExecutionRows.showWithRows(session, ExecutionRows.fields(execution, tasks), "task_list", ExecutionRows.TASK_COLUMNS,
                    tasks.stream().map(ExecutionRows::taskRow).toList(), output);
            if (follow) {
                StopSignal stop = session.stopSignal();
                try {
                    new EventFollower(journal(), Duration.ofMillis(Math.max(10, intervalMillis)), stop).follow(executionId,
                            event -> {
                                if (output.format == OutputFormat.json) {
                                    session.output().jsonLine(ExecutionRows.eventRow(event));
                                }
                                else {
                                    session.output().line(ExecutionRows.eventLine(event));
                                }
                            });
                }
                finally {
                    stop.stopped();
                }
            }
            return ExitStatus.OK.code();
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "Every task of an execution with its status, timing and attempts, in creation order.")
    static final class History extends OnExecution implements Callable<Integer> {

        @Mixin
        OutputOptions output;

        History(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            List<Map<String, Object>> rows = journal().tasks(executionId()).stream().map(ExecutionRows::historyRow).toList();
            session.output().list(ExecutionRows.HISTORY_COLUMNS, rows, output);
            return ExitStatus.OK.code();
        }
    }

    @Command(name = "current", mixinStandardHelpOptions = true,
            description = "The tasks of an execution that run now (or are being cancelled or cleaned up), with their progress.")
    static final class Current extends OnExecution implements Callable<Integer> {

        @Mixin
        OutputOptions output;

        Current(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            UUID executionId = executionId();
            List<Map<String, Object>> rows = journal().tasks(executionId).stream()
                    .filter(task -> task.status().isLeased())
                    .map(ExecutionRows::currentRow)
                    .toList();
            session.output().list(ExecutionRows.CURRENT_COLUMNS, rows, output);
            if (rows.isEmpty() && output.format == OutputFormat.table) {
                session.err().println("skylift: no task of execution " + executionId + " runs now; it is " + journal().get(executionId).status());
            }
            return ExitStatus.OK.code();
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Stop an execution: tasks not started are cancelled, running ones stop at their next checkpoint, then cleanup runs "
                    + "(unless it keeps its resources).")
    static final class Cancel extends OnExecution implements Callable<Integer> {

        @Mixin
        OutputOptions output;

        Cancel(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            UUID executionId = executionId();
            journal().cancel(executionId);
            session.output().show(ExecutionRows.fields(journal().get(executionId), journal().tasks(executionId)), output);
            return ExitStatus.OK.code();
        }
    }

    /** The verbs that change an execution and then see it through in this process, unless told not to wait. */
    abstract static class RunsInForeground extends OnExecution {

        @Option(names = "--no-wait", description = "Only journal the change; a skylift worker on the same database runs the execution.")
        boolean noWait;

        @Mixin
        OutputOptions output;

        RunsInForeground(Session session) {
            super(session);
        }

        /** Runs the execution unless --no-wait, then prints it as it stands. */
        void runAndShow(UUID executionId) {
            Execution execution = noWait ? journal().get(executionId) : Foreground.run(session, executionId);
            session.output().show(ExecutionRows.fields(execution, journal().tasks(executionId)), output);
            if (!noWait) {
                Foreground.requireCompleted(session, execution);
            }
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = {"Finish an execution whose workers died, here and now: their tasks are taken back at once (a task's side "
                    + "effects are not repeated) and it runs in this process until it ends. Exit status 0 when it completes.",
                    "Use it only when no worker runs the execution any more."},
            footerHeading = "%nExample:%n", footer = "  skylift execution resume 2f1c0f6e")
    static final class Resume extends RunsInForeground implements Callable<Integer> {

        Resume(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            UUID executionId = executionId();
            int taken = journal().resume(executionId);
            if (taken > 0) {
                session.err().println("skylift: took back " + taken + " task(s) from workers that stopped renewing them");
            }
            runAndShow(executionId);
            return ExitStatus.OK.code();
        }
    }

    @Command(name = "restart-from", mixinStandardHelpOptions = true,
            description = {"Run an ended execution again from TASK: that task, every task depending on it, and every task that did not "
                    + "complete run again; completed tasks that do not depend on it stay done. Side effects already made are found, not "
                    + "repeated. Runs here until it ends (exit status 0 when it completes) unless --no-wait."},
            footerHeading = "%nExample:%n", footer = "  skylift execution restart-from 2f1c0f6e copy-image-web1")
    static final class RestartFrom extends RunsInForeground implements Callable<Integer> {

        @Parameters(index = "1", paramLabel = "TASK", description = "The task to run again; see skylift execution history ID.")
        String task;

        RestartFrom(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            UUID executionId = executionId();
            List<String> again = journal().restartFrom(executionId, task);
            session.err().println("skylift: " + again.size() + " task(s) to run again: " + String.join(", ", again.stream().limit(20).toList())
                    + (again.size() > 20 ? ", ..." : ""));
            runAndShow(executionId);
            return ExitStatus.OK.code();
        }
    }

    @Command(name = "cleanup", mixinStandardHelpOptions = true,
            description = {"Undo what a failed or cancelled execution created, when it was kept for debugging: each task's cleanup runs, in "
                    + "reverse dependency order. Runs here until done (exit status 0 when every cleanup succeeds) unless --no-wait."},
            footerHeading = "%nExample:%n", footer = "  skylift execution cleanup 2f1c0f6e")
    static final class Cleanup extends RunsInForeground implements Callable<Integer> {

        Cleanup(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            UUID executionId = executionId();
            int queued = journal().cleanup(executionId);
            session.err().println("skylift: " + queued + " task(s) to clean up");
            Execution execution = noWait ? journal().get(executionId) : Foreground.run(session, executionId);
            List<Task> tasks = journal().tasks(executionId);
            session.output().show(ExecutionRows.fields(execution, tasks), output);
            List<Task> failed = tasks.stream().filter(t -> t.status() == TaskStatus.CLEANUP_FAILED).toList();
            if (!failed.isEmpty()) {
                TaskError first = failed.getFirst().error().orElse(new TaskError(ErrorCode.INTERNAL, "no error journaled"));
                throw new SkyliftException(first.code(), "cleanup failed for " + failed.size() + " task(s), first " + failed.getFirst().id()
                        + ": " + first.message() + " (details: skylift execution history " + executionId + ")");
            }
            return ExitStatus.OK.code();
        }
    }
}
