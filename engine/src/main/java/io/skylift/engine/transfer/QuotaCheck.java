package io.skylift.engine.transfer;

import io.skylift.engine.transfer.MigrationPreview.Finding;
import io.skylift.engine.transfer.MigrationPreview.Severity;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The destination project's quotas against what it holds now plus what a migration creates. What
 * it holds is counted from its inventory, which carries the limits but not the services' own
 * usage: servers, and their cores and RAM from their flavors; volumes with their GiB; the network
 * resources.
 */
final class QuotaCheck {

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
    /** What the check reads of the destination: the quotas, what counts against them, and the flavors of its servers. */
    static final Set<ResourceType> READS;

    static {
        Set<ResourceType> reads = EnumSet.of(ResourceType.QUOTA, ResourceType.FLAVOR);
        reads.addAll(QUOTA_KEYS.keySet());
        READS = Set.copyOf(reads);
    }

    private QuotaCheck() {}

    static List<Finding> findings(PlannedDestination destination) {
        Map<String, Number> limits = new HashMap<>();
        String project = null;
        for (Resource quota : destination.held()) {
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
            return List.of(new Finding(Severity.ADVISORY, "", "the destination's quotas could not be read: they are not checked"));
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, Long> used = new HashMap<>();
        List<ResourceRef> uncounted = new ArrayList<>();
        for (Resource resource : destination.held()) {
            if (QUOTA_KEYS.containsKey(resource.ref().type()) && resource.ref().owner().equals(project)) {
                // A server's flavor is the destination's own one of that name.
                Optional<Resource> flavor = resource.refs().getOrDefault("flavor", List.of()).stream().findFirst().flatMap(destination::held);
                if (!count(resource, flavor, used) && resource.ref().type() == ResourceType.SERVER) {
                    uncounted.add(resource.ref());
                }
            }
        }
        Map<String, Long> needed = new HashMap<>();
        for (ImportPlan.Step step : destination.steps()) {
            Resource resource = step.resource();
            if (QUOTA_KEYS.containsKey(resource.ref().type()) && destination.creates(resource.ref())) {
                count(resource, destination.flavorOf(resource), needed);
                perVolume(resource, limits, project).ifPresent(findings::add);
            }
        }
        for (Map.Entry<String, Long> need : needed.entrySet()) {
            Number limit = limits.get(need.getKey());
            if (limit == null || limit.longValue() < 0) {
                continue;
            }
            long inUse = used.getOrDefault(need.getKey(), 0L);
            if (inUse + need.getValue() > limit.longValue()) {
                String[] key = need.getKey().split("/", 2);
                findings.add(new Finding(Severity.ERROR, "quota:" + project + "/" + key[0], "the " + key[0] + " quota " + key[1] + " is " + limit
                        + " with " + inUse + " in use, and the migration needs " + need.getValue() + " more: raise it (openstack quota set --"
                        + key[1].replace('_', '-') + " " + (inUse + need.getValue()) + " " + project + ") or migrate fewer"));
            }
        }
        if (!uncounted.isEmpty() && (needed.containsKey("compute/cores") || needed.containsKey("compute/ram"))) {
            findings.add(new Finding(Severity.ADVISORY, "quota:" + project + "/compute", "the cores and RAM of " + uncounted
                    + " are not counted as in use: their flavors are not among the destination's that this project may see"));
        }
        return findings;
    }

    /**
     * Adds what a resource takes to {@code counts}: one of its kind, a volume's GiB, a server's
     * cores and RAM from {@code flavor}; false when a server's flavor is not known.
     */
    private static boolean count(Resource resource, Optional<Resource> flavor, Map<String, Long> counts) {
        counts.merge(String.join("/", QUOTA_KEYS.get(resource.ref().type())), 1L, Long::sum);
        if (resource.ref().type() == ResourceType.VOLUME && resource.params().get("size") instanceof Number size) {
            counts.merge("volume/gigabytes", size.longValue(), Long::sum);
        }
        if (resource.ref().type() != ResourceType.SERVER) {
            return true;
        }
        flavor.ifPresent(known -> {
            if (known.params().get("vcpus") instanceof Number vcpus) {
                counts.merge("compute/cores", vcpus.longValue(), Long::sum);
            }
            if (known.params().get("ram") instanceof Number ram) {
                counts.merge("compute/ram", ram.longValue(), Long::sum);
            }
        });
        return flavor.isPresent();
    }

    /** Cinder refuses a volume larger than {@code per_volume_gigabytes}, however much of the project's GiB are free. */
    private static Optional<Finding> perVolume(Resource volume, Map<String, Number> limits, String project) {
        Number limit = limits.get("volume/per_volume_gigabytes");
        if (volume.ref().type() != ResourceType.VOLUME || limit == null || limit.longValue() < 0
                || !(volume.params().get("size") instanceof Number size) || size.longValue() <= limit.longValue()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Severity.ERROR, volume.ref().toString(), "volume " + volume.ref() + " is " + size + " GiB, and the destination's"
                + " volume quota per_volume_gigabytes is " + limit + ": raise it (openstack quota set --per-volume-gigabytes " + size + " " + project
                + ") or leave the volume out"));
    }
}
