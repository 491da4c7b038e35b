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
import java.util.Objects;
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
    public enum Severity { CRITICAL, ERROR, WARNING, ADVISORY }

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
     */
    public record Preview(List<Finding> findings, List<Row> rows, long bytes, OptionalDouble bytesPerSecond, Optional<Duration> estimate) {

        public Preview {
            findings = List.copyOf(requireNonNull(findings, "findings is null"));
            rows = List.copyOf(requireNonNull(rows, "rows is null"));
        }

        /** Whether a migration should be refused: a critical or error finding. */
        public boolean blocks() {
            return findings.stream().anyMatch(finding -> finding.severity() == Severity.CRITICAL || finding.severity() == Severity.ERROR);
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
            return new Preview(List.of(new Finding(Severity.CRITICAL, "", e.getMessage())), List.of(), 0, OptionalDouble.empty(), Optional.empty());
        }
        List<Finding> findings = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        long bytes = 0;
        // What each resource is at the destination so far: the id of what it reuses or maps to, which later finds compare with.
        Map<ResourceRef, String> ids = new HashMap<>();
        Map<ResourceRef, String> actions = new HashMap<>();
        try (Provider provider = endpoints.connect(options.destination())) {
            ResourceWriter writer = Capabilities.writer(provider);
            for (ImportPlan.Step step : plan.steps()) {
                ResourceRef target = step.target();
                long size = step.dataOf().map(data -> size(plan, data)).orElse(0L);
                bytes += Math.max(0, size);
                String action = check(writer, step, options, ids, actions, findings);
                actions.put(step.resource().ref(), action);
                rows.add(new Row(target.type().id(), target.name(), action, action.equals("create") ? size : 0));
            }
        }
        quotas(endpoints, options.destination(), plan.steps(), actions, findings);
        OptionalDouble rate = measuredRate(journal);
        long toMove = rows.stream().filter(row -> row.bytes() > 0).mapToLong(Row::bytes).sum();
        Optional<Duration> estimate = rate.isPresent() ? Optional.of(Duration.ofSeconds((long) Math.ceil(toMove / rate.getAsDouble())))
                : Optional.empty();
        if (rate.isEmpty() && toMove > 0) {
            findings.add(new Finding(Severity.ADVISORY, "", "no migration in this journal has moved data yet, so no time can be estimated"));
        }
        return new Preview(findings, rows, toMove, rate, estimate);
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
                findings.add(NAMED.contains(target.type())
                        ? new Finding(Severity.ERROR, target.toString(), "the destination has a " + target.type().id() + " named " + target.name()
                                + " that differs from the origin's: map it (flavor_map, keypair) or give a name_prefix")
                        : new Finding(Severity.WARNING, target.toString(), "the destination has a " + target.type().id() + " named " + target.name()
                                + " that no run of this migration made: another of the same name will be made (a name_prefix tells them apart)"));
            }
            return "create";
        }
        catch (SkyliftException e) {
            findings.add(new Finding(e.code() == ErrorCode.ALREADY_EXISTS ? Severity.ERROR : Severity.ADVISORY, target.toString(),
                    e.code() == ErrorCode.ALREADY_EXISTS ? e.getMessage() : "not checked at the destination: " + e.getMessage()));
            return "create";
        }
    }

    /** What each created resource takes of the destination's quotas: its service and key. */
    private static final Map<ResourceType, List<String>> QUOTA_KEYS = Map.of(
            ResourceType.SERVER, List.of("compute", "instances"),
            ResourceType.SERVER_GROUP, List.of("compute", "server_groups"),
            ResourceType.VOLUME, List.of("volume", "volumes"),
            ResourceType.NETWORK, List.of("network", "network"),
            ResourceType.SUBNET, List.of("network", "subnet"),
            ResourceType.PORT, List.of("network", "port"),
            ResourceType.ROUTER, List.of("network", "router"),
            ResourceType.FLOATING_IP, List.of("network", "floatingip"),
            ResourceType.SECURITY_GROUP, List.of("network", "security_group"),
            ResourceType.SECURITY_GROUP_RULE, List.of("network", "security_group_rule"));

    /**
     * Each quota of the destination project against what it holds now (counted from its
     * inventory) plus what the migration creates: servers with their flavors' cores and RAM,
     * volumes with their GiB, and the network resources.
     */
    private static void quotas(Endpoints endpoints, String destination, List<ImportPlan.Step> steps, Map<ResourceRef, String> actions,
            List<Finding> findings) {
        Set<ResourceType> types = EnumSet.of(ResourceType.QUOTA, ResourceType.FLAVOR);
        types.addAll(QUOTA_KEYS.keySet());
        List<Resource> held = endpoints.inventory(destination, types);
        Map<String, Number> limits = new HashMap<>();
        String project = null;
        for (Resource quota : held) {
            if (quota.ref().type() == ResourceType.QUOTA) {
                project = quota.ref().owner();
                quota.params().forEach((key, value) -> {
                    if (value instanceof Number number) {
                        limits.put(quota.ref().name() + "/" + key, number);
                    }
                });
            }
        }
        if (limits.isEmpty()) {
            findings.add(new Finding(Severity.ADVISORY, "", "the destination's quotas could not be read: they are not checked"));
            return;
        }
        Map<String, Long> used = new HashMap<>();
        Map<String, Long> needed = new HashMap<>();
        Map<ResourceRef, Resource> flavors = new HashMap<>();
        steps.stream().map(ImportPlan.Step::resource).filter(r -> r.ref().type() == ResourceType.FLAVOR).forEach(r -> flavors.put(r.ref(), r));
        for (Resource resource : held) {
            List<String> key = QUOTA_KEYS.get(resource.ref().type());
            if (key != null && resource.ref().owner().equals(project)) {
                used.merge(String.join("/", key), 1L, Long::sum);
                if (resource.ref().type() == ResourceType.VOLUME && resource.params().get("size") instanceof Number size) {
                    used.merge("volume/gigabytes", size.longValue(), Long::sum);
                }
            }
        }
        for (ImportPlan.Step step : steps) {
            Resource resource = step.resource();
            List<String> key = QUOTA_KEYS.get(resource.ref().type());
            if (key == null || !"create".equals(actions.get(resource.ref()))) {
                continue;
            }
            needed.merge(String.join("/", key), 1L, Long::sum);
            if (resource.ref().type() == ResourceType.VOLUME && resource.params().get("size") instanceof Number size) {
                needed.merge("volume/gigabytes", size.longValue(), Long::sum);
            }
            if (resource.ref().type() == ResourceType.SERVER) {
                resource.refs().getOrDefault("flavor", List.of()).stream().map(flavors::get).filter(Objects::nonNull).findFirst().ifPresent(flavor -> {
                    if (flavor.params().get("vcpus") instanceof Number vcpus) {
                        needed.merge("compute/cores", vcpus.longValue(), Long::sum);
                    }
                    if (flavor.params().get("ram") instanceof Number ram) {
                        needed.merge("compute/ram", ram.longValue(), Long::sum);
                    }
                });
            }
        }
        for (Map.Entry<String, Long> need : needed.entrySet()) {
            Number limit = limits.get(need.getKey());
            if (limit == null || limit.longValue() < 0) {
                continue;
            }
            // Cores and RAM in use are not counted (that needs every server's flavor): only what the migration itself needs is checked.
            long inUse = used.getOrDefault(need.getKey(), 0L);
            if (inUse + need.getValue() > limit.longValue()) {
                String[] key = need.getKey().split("/", 2);
                findings.add(new Finding(Severity.ERROR, "quota:" + project + "/" + key[0], "the " + key[0] + " quota " + key[1] + " is " + limit
                        + " with " + inUse + " in use, and the migration needs " + need.getValue() + " more: raise it (openstack quota set --"
                        + key[1].replace('_', '-') + " " + (inUse + need.getValue()) + " " + project + ") or migrate fewer"));
            }
        }
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
