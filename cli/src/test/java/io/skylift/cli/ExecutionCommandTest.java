package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skylift.engine.Home;
import io.skylift.engine.execution.DeadWorker;
import io.skylift.engine.execution.ExecutionStatus;
import io.skylift.engine.execution.Journal;
import io.skylift.engine.execution.NewExecution;
import io.skylift.engine.execution.NewTask;
import io.skylift.engine.execution.OnFailure;
import io.skylift.engine.execution.Runner;
import io.skylift.engine.execution.RunnerOptions;
import io.skylift.engine.execution.Task;
import io.skylift.engine.execution.TaskStatus;
import io.skylift.engine.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives {@code skylift execution ...} and {@code skylift worker} in-process on a temporary home:
 * executions are journaled by the test, handlers are {@link RecordingHandler}s.
 */
class ExecutionCommandTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path home;

    private final RecordingHandler handler = new RecordingHandler();
    private final List<Runner> runners = new ArrayList<>();
    private InProcessSkylift skylift;
    private Database database;
    private Journal journal;

    @BeforeEach
    void open() {
        skylift = new InProcessSkylift(home).withHandlers(handler);
        // The same embedded database the commands open: H2 shares it within this JVM.
        database = Database.open(Home.of(home).databaseUrl());
        journal = Journal.of(database, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        handler.release.countDown();
        runners.forEach(Runner::close);
        database.close();
    }

    private static NewTask task(String id, String... dependsOn) {
        return NewTask.of(id, RecordingHandler.TYPE).dependingOn(dependsOn);
    }

    /** a -> b -> c, and d on its own. */
    private UUID chain() {
        return journal.create(NewExecution.of("chain", List.of(task("a"), task("b", "a"), task("c", "b"), task("d"))));
    }

    private int run(String... args) {
        return skylift.run(args);
    }

    private Runner startRunner() {
        Runner runner = Runner.start(database, List.of(handler), RunnerOptions.of("test-worker").withPollInterval(Duration.ofMillis(10)),
                Clock.systemUTC());
        runners.add(runner);
        return runner;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within %s", WAIT).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void list_showsEveryExecutionNewestFirstInEachFormat() throws Exception {
        UUID first = journal.create(NewExecution.of("first", List.of(task("a"))));
        Thread.sleep(5);
        UUID second = chain();

        assertThat(run("execution", "list")).as(skylift.err()).isZero();
        assertThat(skylift.out()).contains("| id ", "| name ", "| status ", "| completed | tasks |", "| " + second + " | chain ", "| RUNNING ");
        assertThat(skylift.out().indexOf(second.toString())).isLessThan(skylift.out().indexOf(first.toString()));

        assertThat(run("execution", "list", "-f", "value", "-c", "id", "-c", "tasks")).isZero();
        assertThat(skylift.out()).isEqualTo(second + "\t4\n" + first + "\t1\n");

        assertThat(run("execution", "list", "-f", "json")).isZero();
        assertThat(json(skylift.out()).get(0).path("name").asText()).isEqualTo("chain");
        assertThat(json(skylift.out()).get(1).path("completed").asInt()).isZero();
    }

    @Test
    void show_printsStatusAndTaskTable_andAcceptsAnIdPrefix() throws Exception {
        UUID id = chain();

        assertThat(run("execution", "show", id.toString().substring(0, 8))).as(skylift.err()).isZero();
        assertThat(skylift.out()).contains("| status ", "| RUNNING", "| tasks ", "PENDING=4", "| task | type   | status  | attempts |",
                "| c    | record | PENDING | 0 ");

        assertThat(run("execution", "show", id.toString(), "-f", "value", "-c", "status")).isZero();
        assertThat(skylift.out()).isEqualTo("RUNNING\n");

        assertThat(run("execution", "show", id.toString(), "-f", "json")).isZero();
        JsonNode shown = json(skylift.out());
        assertThat(shown.path("on_failure").asText()).isEqualTo("CLEAN_UP");
        assertThat(shown.path("task_list")).hasSize(4);
        assertThat(shown.path("task_list").get(1).path("task").asText()).isEqualTo("b");

        assertThat(run("execution", "show", id.toString(), "-f", "yaml")).isZero();
        assertThat(skylift.out()).contains("status: RUNNING", "task_list:", "- task: a");
    }

    @Test
    void resume_ofAnExecutionNoWorkerRuns_runsItHereUntilItCompletes() {
        UUID id = chain();

        assertThat(run("execution", "resume", id.toString(), "-f", "value", "-c", "status")).as(skylift.err()).isZero();

        assertThat(skylift.out()).isEqualTo("COMPLETED\n");
        assertThat(skylift.err()).contains(id + " a started attempt 1 (record)", id + " c COMPLETED");
        assertThat(handler.creates).containsOnly(Map.entry("a", 1), Map.entry("b", 1), Map.entry("c", 1), Map.entry("d", 1));
    }

    @Test
    void history_listsEveryTaskWithStatusTimingAndAttempts() throws Exception {
        UUID id = chain();
        run("execution", "resume", id.toString());

        assertThat(run("execution", "history", id.toString())).as(skylift.err()).isZero();
        assertThat(skylift.out()).contains("| task | type   | status    | attempts | started_at", "| finished_at", "| duration", "| d    | record | COMPLETED | 1 ");

        assertThat(run("execution", "history", id.toString(), "-f", "json")).isZero();
        JsonNode history = json(skylift.out());
        assertThat(history).hasSize(4);
        assertThat(history.get(0).path("started_at").asText()).isNotEmpty();
        assertThat(history.get(0).path("duration").asText()).endsWith("s");
    }

    @Test
    void current_showsWhatRunsNowWithItsProgress() throws Exception {
        UUID id = journal.create(NewExecution.of("one", List.of(NewTask.of("copy", RecordingHandler.TYPE).withInput("block", true), task("next", "copy"))));
        startRunner();
        assertThat(handler.blocked.await(20, TimeUnit.SECONDS)).isTrue();

        assertThat(run("execution", "current", id.toString())).as(skylift.err()).isZero();
        assertThat(skylift.out()).contains("| copy | record | RUNNING | 1        | 3/10     | 3072  | copying ").doesNotContain("next");

        handler.release.countDown();
        await(() -> journal.get(id).status() == ExecutionStatus.COMPLETED);
        assertThat(run("execution", "current", id.toString(), "-f", "json")).isZero();
        assertThat(skylift.out()).isEqualTo("[ ]\n");
    }

    @Test
    void cancel_stopsAnExecutionAndSaysSo_andASecondCancelIsRefused() {
        UUID id = chain();

        assertThat(run("execution", "cancel", id.toString(), "-f", "value", "-c", "status")).as(skylift.err()).isZero();
        assertThat(skylift.out()).isEqualTo("CANCELED\n");
        assertThat(journal.tasks(id)).allSatisfy(task -> assertThat(task.status()).isEqualTo(TaskStatus.CANCELED));

        assertThat(run("execution", "cancel", id.toString())).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).isEqualTo("skylift: execution " + id + " has already ended CANCELED; there is nothing to cancel\n");
    }

    @Test
    void restartFrom_rerunsTheTaskAndItsDependentsOnly_withoutRepeatingSideEffects() {
        UUID id = chain();
        run("execution", "resume", id.toString());
        assertThat(handler.runs).containsOnly(Map.entry("a", 1), Map.entry("b", 1), Map.entry("c", 1), Map.entry("d", 1));

        assertThat(run("execution", "restart-from", id.toString(), "b", "-f", "value", "-c", "status")).as(skylift.err()).isZero();

        assertThat(skylift.out()).isEqualTo("COMPLETED\n");
        assertThat(skylift.err()).startsWith("skylift: 2 task(s) to run again: b, c\n");
        assertThat(handler.runs).containsOnly(Map.entry("a", 1), Map.entry("b", 2), Map.entry("c", 2), Map.entry("d", 1));
        // Their intents were kept: what the first run made is found, not made again.
        assertThat(handler.creates).containsOnly(Map.entry("a", 1), Map.entry("b", 1), Map.entry("c", 1), Map.entry("d", 1));
    }

    @Test
    void restartFrom_afterAFailure_alsoRunsTasksThatDidNotComplete() {
        UUID id = journal.create(NewExecution.of("failing", List.of(task("a"), NewTask.of("b", RecordingHandler.TYPE).withInput("fail", true)
                .dependingOn("a"), task("c", "b"))).withOnFailure(OnFailure.KEEP));
        assertThat(run("execution", "resume", id.toString())).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).contains("skylift: execution " + id + " ended ERROR: task b failed: told to fail");

        assertThat(run("execution", "restart-from", id.toString(), "a", "--no-wait", "-f", "value", "-c", "status")).as(skylift.err()).isZero();

        assertThat(skylift.out()).isEqualTo("RUNNING\n");
        assertThat(journal.tasks(id)).allSatisfy(task -> {
            assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
            assertThat(task.attempts()).isZero();
            assertThat(task.error()).isEmpty();
        });
        assertThat(journal.get(id).error()).isEmpty();
    }

    @Test
    void failedTaskThatWasCleanedUp_stillGivesItsErrorsExitCode() {
        UUID id = journal.create(NewExecution.of("cleaned", List.of(task("a"),
                NewTask.of("b", RecordingHandler.TYPE).withInput("cloud_fails", true).dependingOn("a"))));

        assertThat(run("execution", "resume", id.toString())).isEqualTo(ExitStatus.EXTERNAL_ERROR.code());

        assertThat(journal.tasks(id)).extracting(Task::status).containsExactly(TaskStatus.CLEANED, TaskStatus.CLEANED);
        assertThat(skylift.err()).contains("ended ERROR: task b failed: the cloud refused");
    }

    @Test
    void cleanup_ofARunThatKeptItsResources_undoesThemNow() {
        UUID id = journal.create(NewExecution.of("kept", List.of(task("a"), task("b", "a"),
                NewTask.of("c", RecordingHandler.TYPE).withInput("fail", true).dependingOn("b"))).withOnFailure(OnFailure.KEEP));
        run("execution", "resume", id.toString());
        assertThat(journal.get(id).status()).isEqualTo(ExecutionStatus.ERROR);
        assertThat(handler.cleanups).isEmpty();

        assertThat(run("execution", "cleanup", id.toString(), "-f", "json")).as(skylift.err()).isZero();

        assertThat(skylift.err()).startsWith("skylift: 2 task(s) to clean up\n");
        assertThat(handler.cleanups).containsExactly("b", "a");
        assertThat(journal.get(id).status()).isEqualTo(ExecutionStatus.ERROR);
        assertThat(journal.get(id).error()).hasValueSatisfying(error -> assertThat(error).contains("task c failed"));
        assertThat(journal.tasks(id)).extracting(task -> task.status())
                .containsExactly(TaskStatus.CLEANED, TaskStatus.CLEANED, TaskStatus.ERROR);

        assertThat(run("execution", "cleanup", id.toString())).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).isEqualTo("skylift: execution " + id + " was already cleaned up when it ended ERROR (see skylift execution history "
                + id + ")\n");
    }

    @Test
    void resume_afterItsWorkerDied_takesItsTaskBackAndFinishes() throws Exception {
        UUID id = chain();
        DeadWorker.claimAndDie(database, RecordingHandler.TYPE);
        assertThat(journal.tasks(id)).filteredOn(task -> task.status() == TaskStatus.RUNNING).hasSize(1);

        assertThat(run("execution", "resume", id.toString(), "-f", "value", "-c", "status")).as(skylift.err()).isZero();

        assertThat(skylift.err()).startsWith("skylift: took back 1 task(s) from workers that stopped renewing them\n");
        assertThat(skylift.out()).isEqualTo("COMPLETED\n");
        assertThat(journal.tasks(id)).allSatisfy(task -> assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED));
    }

    @Test
    void showFollow_printsEventsUntilTheExecutionEnds() throws Exception {
        UUID id = journal.create(NewExecution.of("followed", List.of(NewTask.of("copy", RecordingHandler.TYPE).withInput("block", true), task("next", "copy"))));
        startRunner();
        assertThat(handler.blocked.await(20, TimeUnit.SECONDS)).isTrue();
        InProcessSkylift follower = new InProcessSkylift(home);
        CompletableFuture<Integer> following = CompletableFuture.supplyAsync(
                () -> follower.run("execution", "show", id.toString(), "--follow", "--interval", "20", "-c", "status"));
        Thread.sleep(200);
        assertThat(following).isNotDone();

        handler.release.countDown();

        assertThat(following.get(20, TimeUnit.SECONDS)).as(follower.err()).isZero();
        assertThat(follower.out()).contains("| status | RUNNING |", "  execution  RUNNING  created with 2 tasks", "  copy  progress  3/10 3072 bytes copying",
                "  next  COMPLETED  completed", "  execution  COMPLETED  all 2 tasks completed");
        assertThat(follower.out().lines().filter(line -> line.contains("  next  COMPLETED")).count()).isEqualTo(1);
    }

    @Test
    void worker_runsTasksUntilStopped_printingALinePerTask() throws Exception {
        UUID id = chain();
        InProcessSkylift worker = new InProcessSkylift(home).withHandlers(handler);
        CompletableFuture<Integer> working = CompletableFuture.supplyAsync(() -> worker.run("worker", "--worker-id", "w1"));
        await(() -> journal.get(id).status() == ExecutionStatus.COMPLETED);

        worker.stopSignal().ask();

        assertThat(working.get(20, TimeUnit.SECONDS)).as(worker.err()).isZero();
        assertThat(worker.out()).startsWith("worker w1 started; task types: record\n")
                .contains(id + " a started attempt 1 (record)\n", id + " d COMPLETED\n")
                .endsWith("worker w1 stopping: running tasks finish first\nworker w1 stopped\n");
    }

    @Test
    void aTaskTypeNoHandlerKnows_failsWithAUserError() {
        UUID id = journal.create(NewExecution.of("unknown", List.of(NewTask.of("x", "nobody-knows"))));

        assertThat(run("execution", "resume", id.toString())).isEqualTo(ExitStatus.INVALID_INPUT.code());

        assertThat(skylift.err()).contains(id + " x ERROR UNSUPPORTED: no handler for task type 'nobody-knows' in this skylift (it has: record)");
        assertThat(run("execution", "history", id.toString(), "-f", "value", "-c", "error")).isZero();
        assertThat(skylift.out()).startsWith("UNSUPPORTED: no handler for task type 'nobody-knows'");
    }

    @Test
    void unknownExecution_oneLineNamingTheIdAndTheList() {
        UUID unknown = UUID.randomUUID();
        for (String verb : List.of("show", "history", "current", "cancel", "resume", "cleanup")) {
            assertThat(run("execution", verb, unknown.toString())).as(verb).isEqualTo(ExitStatus.INVALID_INPUT.code());
            assertThat(skylift.err()).as(verb).isEqualTo("skylift: no execution " + unknown + "; see skylift execution list\n");
            assertThat(skylift.out()).isEmpty();
        }
        assertThat(run("execution", "restart-from", unknown.toString(), "a")).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).isEqualTo("skylift: no execution " + unknown + "; see skylift execution list\n");

        assertThat(run("execution", "show", "not-an-id")).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).startsWith("skylift: 'not-an-id' is not an execution id (a UUID such as").endsWith("see skylift execution list\n");
    }

    @Test
    void restartFrom_unknownTask_namesItAndSomeThatExist_andChangesNothing() {
        UUID id = chain();
        run("execution", "resume", id.toString());

        assertThat(run("execution", "restart-from", id.toString(), "nope")).isEqualTo(ExitStatus.INVALID_INPUT.code());

        assertThat(skylift.err()).isEqualTo("skylift: execution " + id + " has no task 'nope'; its tasks include a, b, c, d (all: skylift execution history "
                + id + ")\n");
        assertThat(journal.get(id).status()).isEqualTo(ExecutionStatus.COMPLETED);
    }

    @Test
    void restartFrom_whileRunning_namesTheFix() {
        UUID id = chain();

        assertThat(run("execution", "restart-from", id.toString(), "b")).isEqualTo(ExitStatus.INVALID_INPUT.code());

        assertThat(skylift.err()).isEqualTo("skylift: execution " + id + " is RUNNING; to restart it from b, first stop it with skylift execution cancel "
                + id + " or wait for it to end\n");
        assertThat(journal.tasks(id)).allSatisfy(task -> assertThat(task.status()).isEqualTo(TaskStatus.PENDING));
    }

    @Test
    void unreachableDatabase_oneLineWithTheUrlButNotItsPassword() {
        String url = "jdbc:h2:tcp://127.0.0.1:1/skylift;USER=sa;PASSWORD=hunter2";

        assertThat(run("--db", url, "execution", "list")).isEqualTo(ExitStatus.EXTERNAL_ERROR.code());
        assertThat(skylift.err()).startsWith("skylift: cannot reach the database jdbc:h2:tcp://127.0.0.1:1/skylift;USER=sa;PASSWORD=***: ")
                .endsWith("; check the URL given with --db\n").doesNotContain("hunter2").hasLineCount(1);

        skylift.with(Home.DATABASE_URL_VARIABLE, "jdbc:postgresql://skylift:hunter2@127.0.0.1:1/skylift");
        assertThat(run("execution", "list")).isEqualTo(ExitStatus.EXTERNAL_ERROR.code());
        assertThat(skylift.err()).startsWith("skylift: cannot reach the database jdbc:postgresql://skylift:***@127.0.0.1:1/skylift: ")
                .endsWith("; check SKYLIFT_DATABASE_URL or give another URL with --db\n").doesNotContain("hunter2").hasLineCount(1);
    }
}
