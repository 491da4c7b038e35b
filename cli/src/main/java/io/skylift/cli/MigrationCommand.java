package io.skylift.cli;

import io.skylift.engine.execution.Execution;
import io.skylift.engine.execution.Task;
import io.skylift.engine.transfer.MigrationPlan;
import io.skylift.engine.transfer.MigrationPreview;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code skylift migration ...}: migrations as the Coriolis client has them, journaled for a
 * {@code skylift worker} to run; {@code skylift migrate} does the same in the foreground.
 */
@Command(
        name = "migration",
        description = "Create migrations for a skylift worker to run, list them, see one, cancel or delete it.",
        mixinStandardHelpOptions = true,
        subcommands = {
                MigrationCommand.Create.class,
                MigrationCommand.ListMigrations.class,
                MigrationCommand.Show.class,
                MigrationCommand.Cancel.class,
                MigrationCommand.Delete.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  skylift migration create --origin-endpoint src --destination-endpoint dst --instance web-1",
                "  skylift migration show 2f1c0f6e",
                "  skylift migration cancel 2f1c0f6e"})
final class MigrationCommand {

    private MigrationCommand() {}

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Check a migration and journal it: a skylift worker on the same database runs it (skylift migrate runs one here and now).",
                    "It is checked first as skylift plan checks it: nothing is journaled when a finding is critical or an error."})
    static final class Create implements Callable<Integer> {

        private final Session session;

        @Mixin
        MigrationSpec spec;

        @Mixin
        OutputOptions output;

        Create(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            MigrationPlan.Plan plan = MigrationPreview.checkedPlan(session.engine().endpoints(), session.engine().journal(), spec.options());
            UUID id = session.engine().journal().create(plan.execution());
            session.output().show(ExecutionRows.fields(session.engine().journal().get(id), session.engine().journal().tasks(id)), output);
            return ExitStatus.OK.code();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List migrations, newest first.")
    static final class ListMigrations implements Callable<Integer> {

        private final Session session;

        @Mixin
        OutputOptions output;

        ListMigrations(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            List<Map<String, Object>> rows = session.engine().journal().list().stream()
                    .filter(summary -> isMigration(summary.execution()))
                    .map(ExecutionRows::row).toList();
            session.output().list(ExecutionRows.LIST_COLUMNS, rows, output);
            return ExitStatus.OK.code();
        }
    }

    /** A migration's id argument, refused when it names another kind of execution. */
    abstract static class OnMigration extends ExecutionCommand.OnExecution {

        OnMigration(Session session) {
            super(session);
        }

        UUID migrationId() {
            UUID id = executionId();
            if (!isMigration(journal().get(id))) {
                throw new SkyliftException(ErrorCode.NOT_FOUND, "execution " + id + " is not a migration (" + journal().get(id).name()
                        + "): see it with skylift execution show " + id);
            }
            return id;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A migration's status, and per resource what it created, found or mapped.")
    static final class Show extends OnMigration implements Callable<Integer> {

        @Mixin
        OutputOptions output;

        Show(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            UUID id = migrationId();
            Execution execution = journal().get(id);
            List<Task> tasks = journal().tasks(id);
            SequencedMap<String, Object> fields = ExecutionRows.fields(execution, tasks);
            fields.put("report", MigrationReport.summary(execution, tasks));
            ExecutionRows.showWithRows(session, fields, "resources", MigrationReport.COLUMNS, MigrationReport.rows(session, tasks), output);
            return ExitStatus.OK.code();
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Stop a migration: what it made at the destination is deleted, and the origin's temporary copies with it.")
    static final class Cancel extends OnMigration implements Callable<Integer> {

        @Mixin
        OutputOptions output;

        Cancel(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            UUID id = migrationId();
            journal().cancel(id);
            session.output().show(ExecutionRows.fields(journal().get(id), journal().tasks(id)), output);
            return ExitStatus.OK.code();
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Forget a migration that has ended (not one that runs: cancel it first). What it made at the destination stays.")
    static final class Delete extends OnMigration implements Callable<Integer> {

        Delete(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            UUID id = migrationId();
            journal().delete(id);
            session.err().println("skylift: migration " + id + " deleted");
            return ExitStatus.OK.code();
        }
    }

    static boolean isMigration(Execution execution) {
        return execution.name().startsWith(MigrationPlan.NAME_PREFIX);
    }
}
