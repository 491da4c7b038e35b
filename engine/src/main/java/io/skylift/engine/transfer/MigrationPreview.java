package io.skylift.engine.transfer;

import static java.util.Objects.requireNonNull;

import io.skylift.engine.endpoint.Endpoints;
import io.skylift.engine.execution.ExecutionStatus;
import io.skylift.engine.execution.Journal;
import io.skylift.engine.execution.Task;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.Provider;
import io.skylift.spi.ResourceWriter;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code skylift plan}: what a migration would do, without changing anything in either cloud:
 * findings with a severity, and per resource whether it would be created, reused (an earlier run
 * of the same migration made it) or mapped, with the bytes to move and a time estimated from the
 * throughput that earlier migrations in the journal measured.
 */
public final class MigrationPreview {

    /** How bad a finding is: critical and error findings stop a migration; warnings and advisories do not. */
    public enum Severity {
        CRITICAL, ERROR, WARNING, ADVISORY;

        public boolean blocks() {
            return this == CRITICAL || this == ERROR;
        }
    }

    public record Finding(Severity severity, String resource, String message) {

        public Finding {
            requireNonNull(severity, "severity is null");
            requireNonNull(resource, "resource is null");
            requireNonNull(message, "message is null");
        }
    }

    /** What happens to one resource: {@code create}, {@code reuse} or {@code map}, and the bytes it moves (0 when none, -1 unknown). */
    public record Row(String type, String name, String action, long bytes) {}

    /**
     * @param bytes    the bytes the disks to move hold, as far as the origin says
     * @param estimate at the throughput measured by earlier migrations, when there were some
     * @param plan     the plan checked, unless it was refused (a critical finding)
     */
    public record Preview(List<Finding> findings, List<Row> rows, long bytes, OptionalDouble bytesPerSecond, Optional<Duration> estimate,
            Optional<MigrationPlan.Plan> plan) {

        public Preview {
            findings = List.copyOf(requireNonNull(findings, "findings is null"));
            rows = List.copyOf(requireNonNull(rows, "rows is null"));
            requireNonNull(plan, "plan is null");
        }

        /** Whether a migration should be refused: a critical or error finding. */
        public boolean blocks() {
            return findings.stream().anyMatch(finding -> finding.severity().blocks());
        }
    }

    /** Found by name, not by marker: one of the same name that is not the same makes the create fail. */
    private static final Set<ResourceType> NAMED = EnumSet.of(ResourceType.KEYPAIR, ResourceType.FLAVOR, ResourceType.SERVER_GROUP);
    private static final long GIB = 1L << 30;

    private MigrationPreview() {}

    public static Preview preview(Endpoints endpoints, Journal journal, MigrationOptions options) {
        MigrationPlan.Plan plan;
        try {
            plan = MigrationPlan.plan(endpoints, options);
        }
        catch (SkyliftException e) {
            return new Preview(List.of(new Finding(Severity.CRITICAL, "", e.getMessage())), List.of(), 0, OptionalDouble.empty(), Optional.empty(),
                    Optional.empty());
        }
        List<Finding> findings = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        // What each resource is at the destination so far: the id of what it reuses or maps to, which later finds compare with.
        Map<ResourceRef, String> ids = new HashMap<>();
        Map<ResourceRef, String> actions = new HashMap<>();
        try (Provider provider = endpoints.connect(options.destination())) {
            ResourceWriter writer = Capabilities.writer(provider);
            for (ImportPlan.Step step : plan.steps()) {
                ResourceRef target = step.target();
                long size = step.dataOf().map(data -> size(plan, data)).orElse(0L);
                String action = check(writer, step, options, ids, actions, findings);
                actions.put(step.resource().ref(), action);
                rows.add(new Row(target.type().id(), target.name(), action, action.equals("create") ? size : 0));
            }
        }
        // Fixed IPs need the destination's subnets and ports, root disks its flavors, quotas what counts against them.
        Set<ResourceType> read = EnumSet.of(ResourceType.SUBNET, ResourceType.PORT, ResourceType.FLAVOR);
        read.addAll(QuotaCheck.READS);
        PlannedDestination destination = new PlannedDestination(endpoints.inventory(options.destination(), read), plan.steps(), actions, ids);
        findings.addAll(FixedIpCheck.findings(destination));
        findings.addAll(RootDiskCheck.findings(destination));
        findings.addAll(QuotaCheck.findings(destination));
        OptionalDouble rate = measuredRate(journal);
        long toMove = rows.stream().filter(row -> row.bytes() > 0).mapToLong(Row::bytes).sum();
        Optional<Duration> estimate = rate.isPresent() ? Optional.of(Duration.ofSeconds((long) Math.ceil(toMove / rate.getAsDouble())))
                : Optional.empty();
        if (rate.isEmpty() && toMove > 0) {
            findings.add(new Finding(Severity.ADVISORY, "", "no migration in this journal has moved data yet, so no time can be estimated"));
        }
        return new Preview(findings, rows, toMove, rate, estimate, Optional.of(plan));
    }

    /**
     * The plan of a migration that nothing stands in the way of, as {@code skylift migrate} and
     * {@code skylift migration create} run it: the one the preview checked.
     *
     * @throws SkyliftException naming every critical and error finding; nothing is changed then
     */
    public static MigrationPlan.Plan checkedPlan(Endpoints endpoints, Journal journal, MigrationOptions options) {
        Preview preview = preview(endpoints, journal, options);
        if (preview.blocks()) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "the migration was not created: " + preview.findings().stream()
                    .filter(finding -> finding.severity().blocks())
                    .map(finding -> (finding.resource().isEmpty() ? "" : finding.resource() + ": ") + finding.message())
                    .collect(Collectors.joining("; ")) + " (skylift plan shows every finding)");
        }
        return preview.plan().orElseThrow();
    }

    /** {@code create}, {@code reuse} or {@code map}, with what the destination says about the name. */
    private static String check(ResourceWriter writer, ImportPlan.Step step, MigrationOptions options, Map<ResourceRef, String> ids,
            Map<ResourceRef, String> actions, List<Finding> findings) {
        ResourceRef target = step.target();
        if (step.action() == ImportPlan.Action.MAP) {
            Optional<String> mapped = writer.lookup(target);
            mapped.ifPresent(id -> ids.put(step.resource().ref(), id));
            if (mapped.isEmpty()) {
                findings.add(step.resource().migration().get(MigrationPlan.DISK_STORAGE_MAPPING) instanceof List<?> disks
                        ? new Finding(Severity.ERROR, target.toString(), "--disk-storage-mapping maps " + disks.stream().map(disk -> "'" + disk + "'")
                                .collect(Collectors.joining(", ")) + " to volume type " + target.name() + ", which the destination does not have: "
                                + "map to one of its volume types (openstack volume type list)")
                        : new Finding(Severity.ERROR, step.resource().ref().toString(), "mapped to " + target.type().id() + " " + target.name()
                                + ", which the destination does not have: create it there or map to another"));
            }
            return "map";
        }
        if (!NAMED.contains(target.type()) && !canFind(target.type())) {
            // Made with their parents (a group's rules, a router's interfaces): as the parent goes, so do they.
            return step.resource().dependencies().stream().map(actions::get).filter(action -> action != null && !action.equals("map"))
                    .findFirst().orElse("create");
        }
        Map<ResourceRef, String> known = new HashMap<>();
        step.resource().dependencies().forEach(dependency -> known.put(dependency, ids.getOrDefault(dependency, "planned:" + dependency)));
        Resource named = new Resource(target, step.resource().params(), step.resource().refs(), step.resource().info(), step.resource().migration());
        WriteRequest request = new WriteRequest(named, known, ImportPlan.marker(step.resource(), options.mapping().namePrefix()), Optional.empty());
        try {
            Optional<String> found = writer.find(request);
            if (found.isPresent()) {
                ids.put(step.resource().ref(), found.get());
                return "reuse";
            }
            if (writer.lookup(target).isPresent()) {
                findings.add(NAMED.contains(target.type()) ? differs(step, Optional.empty())
                        : new Finding(Severity.WARNING, target.toString(), "the destination has a " + target.type().id() + " named " + target.name()
                                + " that no run of this migration made: another of the same name will be made (a name_prefix tells them apart)"));
            }
            return "create";
        }
        catch (SkyliftException e) {
            if (e.code() != ErrorCode.ALREADY_EXISTS) {
                findings.add(new Finding(Severity.ADVISORY, target.toString(), "not checked at the destination: " + e.getMessage()));
            }
            else {
                findings.add(NAMED.contains(target.type()) ? differs(step, Optional.of(e.getMessage())) : new Finding(Severity.ERROR, target.toString(), e.getMessage()));
            }
            return "create";
        }
    }

    /**
     * A resource the destination has one of the same name of, which is not the same (a keypair
     * with another public key, a flavor of another size): its create would fail.
     *
     * @param refusal what the destination's writer said of it, when it said something
     */
    private static Finding differs(ImportPlan.Step step, Optional<String> refusal) {
        ResourceRef target = step.target();
        String fix = switch (target.type()) {
            case KEYPAIR -> "the destination has keypair " + target.name() + " with another public key: give the servers that one instead"
                    + " (--destination-environment keypair=" + target.name() + ") or rename this one (--destination-environment name_prefix=PREFIX,"
                    + " or migration.new_name in the resource file)";
            // Flavors are the operator's catalog, which a name prefix leaves as it is.
            case FLAVOR -> "the destination has a flavor named " + target.name() + " that differs from the origin's: map it to that one or another"
                    + " (--destination-environment flavor_map=" + step.resource().ref().name() + "=FLAVOR)";
            default -> "the destination has a " + target.type().id() + " named " + target.name() + " that differs from the origin's: rename this one"
                    + " (--destination-environment name_prefix=PREFIX, or migration.new_name in the resource file)";
        };
        return new Finding(Severity.ERROR, target.toString(), fix + refusal.map(said -> " (" + said + ")").orElse(""));
    }

    /** The types whose earlier copy is found by a marker and whose find reads no destination id of another resource. */
    private static boolean canFind(ResourceType type) {
        return switch (type) {
            case NETWORK, SUBNET, ROUTER, SECURITY_GROUP, PORT, FLOATING_IP, IMAGE, VOLUME, SERVER -> true;
            default -> false;
        };
    }

    /** The bytes of a resource's disk as the origin says: an image's size, a volume's GiB; a server's root disk is not known before it is read. */
    private static long size(MigrationPlan.Plan plan, ResourceRef ref) {
        Resource resource = plan.steps().stream().map(ImportPlan.Step::resource).filter(r -> r.ref().equals(ref)).findFirst().orElse(null);
        if (resource == null) {
            return -1;
        }
        return switch (ref.type()) {
            case IMAGE -> resource.info().get("size") instanceof Number size ? size.longValue() : -1;
            case VOLUME -> resource.params().get("size") instanceof Number size ? size.longValue() * GIB : -1;
            default -> -1;
        };
    }

    /** Bytes per second over every disk that completed migrations moved, from the journal. */
    private static OptionalDouble measuredRate(Journal journal) {
        long bytes = 0;
        double seconds = 0;
        for (var summary : journal.list()) {
            if (!summary.execution().name().startsWith(MigrationPlan.NAME_PREFIX) || summary.execution().status() != ExecutionStatus.COMPLETED) {
                continue;
            }
            for (Task task : journal.tasks(summary.execution().id())) {
                if (task.outputs().get(ImportResourceHandler.BYTES) instanceof Number moved && task.startedAt().isPresent() && task.finishedAt().isPresent()) {
                    bytes += moved.longValue();
                    seconds += Duration.between(task.startedAt().get(), task.finishedAt().get()).toMillis() / 1000.0;
                }
            }
        }
        return seconds > 0 ? OptionalDouble.of(bytes / seconds) : OptionalDouble.empty();
    }
}
