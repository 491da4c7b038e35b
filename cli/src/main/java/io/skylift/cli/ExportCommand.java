package io.skylift.cli;

import io.skylift.engine.transfer.BundleExport;
import io.skylift.engine.execution.Execution;
import io.skylift.engine.execution.Task;
import io.skylift.engine.execution.TaskStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Downpour's {@code export}: what a resource file selects, closed over its dependencies, written as
 * a bundle with the disk data, a manifest of checksums and an Ansible playbook.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {
                "Write a bundle of what a resource file selects, with everything it depends on: resources.yaml, the disk data under data/ "
                        + "with their SHA-256 in manifest.yaml, and playbook.yml.",
                "Images are always copied; volumes and servers with 'save_state: true'. The source is not changed: temporary "
                        + "snapshots are deleted. Run it again into the same directory to finish an interrupted export."},
        footerHeading = "%nExample:%n",
        footer = "  skylift export resources.yaml bundle/ --from src")
final class ExportCommand implements Callable<Integer> {

    private static final List<String> COLUMNS = List.of("resource", "file", "size", "sha256", "result");

    private final Session session;

    @Parameters(index = "0", paramLabel = "RESOURCE_FILE", description = "The resource file (see skylift query).")
    Path resourceFile;

    @Parameters(index = "1", paramLabel = "DIR", description = "The bundle directory, created if need be.")
    Path directory;

    @Option(names = "--from", required = true, paramLabel = "ENDPOINT", description = "The endpoint to export from.")
    String endpoint;

    @Mixin
    OutputOptions output;

    ExportCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        BundleExport.Plan plan = BundleExport.plan(session.engine().endpoints(), endpoint, resourceFile, directory, Clock.systemUTC());
        session.err().println("skylift: " + plan.bundle().resources().size() + " resources written to " + directory.resolve("resources.yaml")
                + "; copying " + plan.withData().size() + " disks");
        UUID id = session.engine().journal().create(plan.execution());
        Execution execution = Foreground.run(session, id,
                Optional.of(ProgressBoard.on(session.err(), ProgressBoard.isTerminal(session.environment()), Instant.now())));
        Foreground.requireCompleted(session, execution);
        List<Map<String, Object>> rows = session.engine().journal().tasks(id).stream()
                .filter(task -> task.type().equals("export-disk") && task.status() == TaskStatus.COMPLETED)
                .map(ExportCommand::row).toList();
        session.output().list(COLUMNS, rows, output);
        return ExitStatus.OK.code();
    }

    private static Map<String, Object> row(Task task) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("resource", task.resource().map(Object::toString).orElse(""));
        row.put("file", task.outputs().get("path"));
        row.put("size", task.outputs().get("size"));
        row.put("sha256", task.outputs().get("sha256"));
        row.put("result", Boolean.TRUE.equals(task.outputs().get("skipped")) ? "already there" : "copied");
        return row;
    }
}
