package io.skylift.cli;

import io.skylift.engine.transfer.MigrationPreview;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code skylift plan}: what a migration would do, and what stands in its way, changing nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Check a migration without changing anything: the selection, the mappings and the destination (names taken, "
                + "mapped resources missing, keypairs or flavors of the same name that differ, fixed IPs other ports hold, images and "
                + "root disks larger than their flavor's disk, quotas with what the project uses now), then per resource whether it would "
                + "be created, reused (an earlier run made it) or mapped, the bytes to move and the time they took earlier migrations.",
                "Takes the options of skylift migrate. Exit status 3 when a finding is critical or an error."},
        footerHeading = "%nExample:%n",
        footer = "  skylift plan --origin-endpoint src --destination-endpoint dst --instance web-1 --destination-environment name_prefix=moved-")
final class PlanCommand implements Callable<Integer> {

    private static final List<String> FINDING_COLUMNS = List.of("severity", "resource", "finding");
    private static final List<String> ROW_COLUMNS = List.of("type", "name", "action", "bytes");

    private final Session session;

    @Mixin
    MigrationSpec spec;

    @Mixin
    OutputOptions output;

    PlanCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        MigrationPreview.Preview preview = MigrationPreview.preview(session.engine().endpoints(), session.engine().journal(), spec.options());
        session.output().list(FINDING_COLUMNS, preview.findings().stream().map(PlanCommand::finding).toList(), output);
        session.output().list(ROW_COLUMNS, preview.rows().stream().map(PlanCommand::row).toList(), output);
        Map<String, Long> actions = new LinkedHashMap<>();
        preview.rows().forEach(row -> actions.merge(row.action(), 1L, Long::sum));
        StringBuilder line = new StringBuilder("skylift: plan: ");
        actions.forEach((action, count) -> line.append(count).append(" to ").append(action).append(", "));
        line.append(ProgressBoard.size(preview.bytes())).append(" to move");
        preview.estimate().ifPresent(estimate -> line.append(", about ").append(ProgressBoard.duration(estimate)).append(" one disk at a time at the ")
                .append(ProgressBoard.size((long) preview.bytesPerSecond().orElse(0))).append("/s earlier migrations measured"));
        line.append("; ").append(preview.findings().size()).append(preview.findings().size() == 1 ? " finding" : " findings");
        session.err().println(line);
        return preview.blocks() ? ExitStatus.INVALID_INPUT.code() : ExitStatus.OK.code();
    }

    private static Map<String, Object> finding(MigrationPreview.Finding finding) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
        row.put("resource", finding.resource());
        row.put("finding", finding.message());
        return row;
    }

    private static Map<String, Object> row(MigrationPreview.Row planned) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("type", planned.type());
        row.put("name", planned.name());
        row.put("action", planned.action());
        row.put("bytes", planned.bytes() > 0 ? planned.bytes() : "");
        return row;
    }
}
