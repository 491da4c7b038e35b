package io.skylift.cli;

import io.skylift.engine.transfer.ImportOptions;
import io.skylift.engine.transfer.ImportPlan;
import io.skylift.engine.execution.Execution;
import io.skylift.engine.execution.Task;
import java.nio.file.Path;
import java.time.Instant;
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

/** Recreates a bundle at a destination, in dependency order, on the durable engine; writes uuids.csv. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {
                "Recreate a bundle written by skylift export (and maybe edited) through an endpoint, dependencies first, "
                        + "then write DIR/uuids.csv mapping old ids to new ones.",
                "The bundle is checked whole first (references, data checksums, mappings); nothing is created when it is wrong. "
                        + "Resources an earlier import made are found, not made twice; a failed import deletes what it made."},
        footerHeading = "%nExample:%n",
        footer = "  skylift import bundle/ --to dst --network-map skylift-public=public --name-prefix moved-")
final class ImportCommand implements Callable<Integer> {

    private static final List<String> COLUMNS = List.of("type", "name", "result", "id");

    private final Session session;

    @Parameters(index = "0", paramLabel = "DIR", description = "The bundle directory.")
    Path directory;

    @Option(names = "--to", required = true, paramLabel = "ENDPOINT", description = "The endpoint to import into.")
    String endpoint;

    @Option(names = "--network-map", paramLabel = "SOURCE=DEST", description = "Use this existing destination network instead of creating the source one.")
    Map<String, String> networkMap = new LinkedHashMap<>();

    @Option(names = "--flavor-map", paramLabel = "SOURCE=DEST", description = "Use this existing destination flavor.")
    Map<String, String> flavorMap = new LinkedHashMap<>();

    @Option(names = "--storage-map", paramLabel = "SOURCE=DEST", description = "Create volumes of this source volume type with this destination type.")
    Map<String, String> storageMap = new LinkedHashMap<>();

    @Option(names = "--keypair", paramLabel = "NAME", description = "Give every server this existing destination keypair instead of its own.")
    String keypair;

    @Option(names = "--name-prefix", paramLabel = "PREFIX", description = "Put before the name of everything created.")
    String namePrefix = "";

    @Mixin
    OutputOptions output;

    ImportCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ImportOptions options = new ImportOptions(networkMap, flavorMap, storageMap, Optional.ofNullable(keypair), namePrefix);
        ImportPlan.Plan plan = ImportPlan.plan(session.engine().endpoints(), endpoint, directory, options);
        session.err().println("skylift: importing " + plan.steps().size() + " resources into endpoint '" + endpoint + "'");
        UUID id = session.engine().journal().create(plan.execution());
        Execution execution = Foreground.run(session, id,
                Optional.of(ProgressBoard.on(session.err(), ProgressBoard.isTerminal(session.environment()), Instant.now())));
        Foreground.requireCompleted(session, execution);
        List<Map<String, Object>> rows = session.engine().journal().tasks(id).stream()
                .filter(task -> task.type().equals("import-resource"))
                .map(ImportCommand::row).toList();
        session.output().list(COLUMNS, rows, output);
        session.err().println("skylift: old and new ids in " + directory.resolve("uuids.csv"));
        return ExitStatus.OK.code();
    }

    private static Map<String, Object> row(Task task) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("type", task.resource().map(ref -> ref.type().id()).orElse(""));
        row.put("name", task.outputs().get("name"));
        row.put("result", task.outputs().get("result"));
        row.put("id", task.outputs().get("id"));
        return row;
    }
}
