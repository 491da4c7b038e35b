package io.skylift.cli;

import io.skylift.engine.execution.Execution;
import io.skylift.engine.execution.Task;
import io.skylift.engine.transfer.MigrationOptions;
import io.skylift.engine.transfer.MigrationPlan;
import io.skylift.engine.transfer.MigrationPreview;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code skylift migrate}: a migration from cloud to cloud, run here in the foreground, ending with its report. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {
                "Move servers (with their disks, networks, security groups, keypairs, ...) or what a resource file selects from one endpoint "
                        + "to another, now, with progress bars, and print what was created, found and mapped.",
                "Disks stream from the origin into the destination without touching local disk; the origin is only read (temporary "
                        + "snapshots aside, which are deleted). Running it again creates nothing new; a failed run deletes what it made. "
                        + "Old and new ids go to uuids.csv.",
                "It is checked first as skylift plan checks it: nothing is created when a finding is critical or an error."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  skylift migrate --origin-endpoint src --destination-endpoint dst --instance web-1 --instance db-1",
                "  skylift migrate --origin-endpoint src --destination-endpoint dst --resource-file resources.yaml \\",
                "      --network-map public=ext-net --destination-environment name_prefix=moved- --destination-environment floating_ips=skip"})
final class MigrateCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    MigrationSpec spec;

    @Mixin
    OutputOptions output;

    MigrateCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        MigrationOptions options = spec.options();
        MigrationPlan.Plan plan = MigrationPreview.checkedPlan(session.engine().endpoints(), session.engine().journal(), options);
        UUID id = session.engine().journal().create(plan.execution());
        session.err().println("skylift: migration " + id + ": " + plan.steps().size() + " resources from '" + options.origin() + "' to '"
                + options.destination() + "', " + plan.withData().size() + " disks");
        Execution execution = Foreground.run(session, id,
                Optional.of(ProgressBoard.on(session.err(), ProgressBoard.isTerminal(session.environment()), Instant.now())));
        Foreground.requireCompleted(session, execution);
        List<Task> tasks = session.engine().journal().tasks(id);
        session.output().list(MigrationReport.COLUMNS, MigrationReport.rows(session, tasks), output);
        session.err().println("skylift: migration " + id + " completed: " + MigrationReport.summary(session.engine().journal().get(id), tasks));
        session.err().println("skylift: old and new ids in " + options.uuids());
        return ExitStatus.OK.code();
    }
}
