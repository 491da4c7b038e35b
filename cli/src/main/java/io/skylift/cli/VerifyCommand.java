package io.skylift.cli;

import io.skylift.engine.transfer.MigrationVerify;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code skylift verify}: the fidelity table of a completed migration. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compare what a completed migration made with what it read at the origin: every resource field by field "
                + "(params and references; the marker and the name prefix aside), and every disk by its SHA-256 (an image hashed again as the "
                + "destination serves it, a volume by the hash taken in flight; when the migration found a disk made by an earlier run of it, the hash that run "
                + "took).",
                "Exit status 5 when anything differs that the destination does not allocate itself (addresses of router gateways and "
                        + "floating IPs)."},
        footerHeading = "%nExample:%n", footer = "  skylift verify 2f1c0f6e")
final class VerifyCommand extends MigrationCommand.OnMigration implements Callable<Integer> {

    private static final List<String> COLUMNS = List.of("type", "name", "result", "detail");

    @Mixin
    OutputOptions output;

    VerifyCommand(Session session) {
        super(session);
    }

    @Override
    public Integer call() {
        UUID id = migrationId();
        MigrationVerify.Report report = MigrationVerify.verify(session.engine().endpoints(), journal(), id);
        session.output().list(COLUMNS, report.resources().stream().map(VerifyCommand::row).toList(), output);
        session.output().list(COLUMNS, report.disks().stream().map(VerifyCommand::row).toList(), output);
        long identical = report.resources().stream().filter(MigrationVerify.Row::holds).count();
        session.err().println("skylift: verify of migration " + id + ": " + identical + " of " + report.resources().size() + " resources as at the origin, "
                + report.disks().stream().filter(MigrationVerify.Row::holds).count() + " of " + report.disks().size() + " disks with their SHA-256; "
                + report.failures() + (report.failures() == 1 ? " difference" : " differences"));
        return report.failures() == 0 ? ExitStatus.OK.code() : ExitStatus.DIFFERENCES.code();
    }

    private static Map<String, Object> row(MigrationVerify.Row row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", row.type());
        fields.put("name", row.name());
        fields.put("result", row.result());
        fields.put("detail", row.detail());
        return fields;
    }
}
