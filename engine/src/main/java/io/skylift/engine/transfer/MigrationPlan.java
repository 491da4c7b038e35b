package io.skylift.engine.transfer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skylift.engine.endpoint.Endpoints;
import io.skylift.engine.execution.NewExecution;
import io.skylift.engine.execution.NewTask;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code skylift migrate}: reads what the selection names in the origin, closed over its
 * dependencies, decides for each resource whether it is created or mapped (as an import does), and
 * gives the execution that moves it: one import task per resource (one with disk data stages it in
 * the origin, streams it straight into the destination and deletes the origin's temporary copies)
 * and one that writes {@code uuids.csv}.
 */
public final class MigrationPlan {

    /** Every migration's execution name starts with it: {@code skylift migration list} lists those. */
    public static final String NAME_PREFIX = "migration ";
    /**
     * In the {@code migration} map of a volume type the plan makes for {@code --disk-storage-mapping}:
     * the disks mapped to it, as the operator named them.
     */
    static final String DISK_STORAGE_MAPPING = "disk_storage_mapping";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Disks stream while other resources are made; each transfer holds one buffer of the destination's upload. */
    private static final int PARALLEL = 4;

    private MigrationPlan() {}

    /**
     * What a migration will do.
     *
     * @param withData the resources whose disk data moves, in the order they were selected
     */
    public record Plan(List<ImportPlan.Step> steps, List<ResourceRef> withData, NewExecution execution) {

        public Plan {
            steps = List.copyOf(requireNonNull(steps, "steps is null"));
            withData = List.copyOf(requireNonNull(withData, "withData is null"));
            requireNonNull(execution, "execution is null");
        }
    }

    /**
     * @throws SkyliftException naming an unknown endpoint, what the selection matches nothing of or
     *                          too much of, or a mapping that names nothing; nothing is changed then
     */
    public static Plan plan(Endpoints endpoints, MigrationOptions options) {
        endpoints.show(options.origin());
        endpoints.show(options.destination());
        if (options.selection().selections().isEmpty()) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "the migration selects nothing: name servers with --instance, or give a --resource-file");
        }
        List<Resource> inventory = endpoints.inventory(options.origin(), EnumSet.allOf(ResourceType.class));
        List<Resource> selected = BundleExport.withSavedVolumes(ExportSelection.select(options.selection(), inventory,
                "the migration's selection in endpoint '" + options.origin() + "'"));
        if (options.floatingIps() == MigrationOptions.FloatingIps.SKIP) {
            selected = selected.stream().filter(resource -> resource.ref().type() != ResourceType.FLOATING_IP).toList();
        }
        if (!options.keepIps()) {
            selected = selected.stream().map(MigrationPlan::withoutAddresses).toList();
        }
        selected = withDiskStorage(selected, options.storage().byDisk());
        ImportOptions mapping = withStorage(options.mapping(), options.storage(), selected);
        Map<ResourceRef, Resource> byRef = selected.stream().collect(Collectors.toMap(Resource::ref, resource -> resource, (a, b) -> a, LinkedHashMap::new));
        List<ImportPlan.Step> steps = ImportPlan.steps(selected, ref -> byRef.containsKey(ref) && BundleExport.hasData(byRef.get(ref)), mapping);

        List<ResourceRef> withData = selected.stream().filter(BundleExport::hasData).map(Resource::ref).toList();
        // With shutdown_instances, each disk of a server waits for the task that stops it.
        Map<ResourceRef, ResourceRef> serverOfDisk = options.shutdownInstances() ? serversOfDisks(selected) : Map.of();
        List<NewTask> tasks = new ArrayList<>(ImportPlan.tasks(steps, options.destination(), options.mapping().namePrefix(),
                options.uuids().toAbsolutePath(), step -> step.dataOf().map(data -> origin(options, byRef.get(data),
                        Optional.ofNullable(serverOfDisk.get(data)).map(server -> TaskIds.of("stop", server)))).orElse(NO_DATA)));
        checkEveryDiskIsUsed(withData, steps);
        tasks.addAll(powerTasks(serverOfDisk, byRef, steps, options.origin()));
        NewExecution execution = NewExecution.of(NAME_PREFIX + options.origin() + " to " + options.destination() + ": "
                + describe(options.selection().selections().stream().map(selection -> selection.name()).toList()), tasks).withMaxParallel(PARALLEL);
        return new Plan(steps, withData, execution);
    }

    /**
     * With {@code shutdown_instances}: for each disk that moves (a server's root disk, its
     * volumes'), the server it belongs to; only servers the origin gives an id.
     */
    private static Map<ResourceRef, ResourceRef> serversOfDisks(List<Resource> selected) {
        Map<ResourceRef, ResourceRef> servers = new LinkedHashMap<>();
        for (Resource server : selected) {
            if (server.ref().type() == ResourceType.SERVER && server.info().get("id") instanceof String) {
                servers.put(server.ref(), server.ref());
                server.refs().getOrDefault("volumes", List.of()).forEach(volume -> servers.put(volume, server.ref()));
            }
        }
        return servers;
    }

    /**
     * Each server whose disks move is stopped before the first of them is staged and put back as
     * it was after the last: a task that stops it (the import tasks of its disks wait for it) and
     * one after those that starts it again if it ran.
     */
    private static List<NewTask> powerTasks(Map<ResourceRef, ResourceRef> serverOfDisk, Map<ResourceRef, Resource> byRef, List<ImportPlan.Step> steps,
            String origin) {
        Map<ResourceRef, List<String>> importsByServer = new LinkedHashMap<>();
        for (ImportPlan.Step step : steps) {
            step.dataOf().map(serverOfDisk::get).ifPresent(server -> importsByServer.computeIfAbsent(server, key -> new ArrayList<>())
                    .add(ImportPlan.taskId(step.resource().ref())));
        }
        List<NewTask> power = new ArrayList<>();
        importsByServer.forEach((server, imports) -> {
            String stop = TaskIds.of("stop", server);
            Map<String, Object> inputs = Map.of(ServerPowerHandlers.ENDPOINT, origin, ServerPowerHandlers.SERVER_ID, byRef.get(server).info().get("id"),
                    ServerPowerHandlers.NAME, server.name());
            power.add(new NewTask(stop, ServerPowerHandlers.STOP, Optional.of(server), inputs, List.of(), List.of()));
            List<String> restoreAfter = new ArrayList<>(imports);
            restoreAfter.add(stop);
            power.add(new NewTask(TaskIds.of("restore", server), ServerPowerHandlers.RESTORE, Optional.of(server), inputs, restoreAfter, List.of()));
        });
        return power;
    }

    /** A port without its fixed IPs' addresses and its MAC: the destination assigns them, on the same subnets. */
    private static Resource withoutAddresses(Resource resource) {
        if (resource.ref().type() != ResourceType.PORT) {
            return resource;
        }
        Map<String, Object> params = new LinkedHashMap<>(resource.params());
        params.remove("mac_address");
        if (params.get("fixed_ips") instanceof List<?> fixedIps) {
            params.put("fixed_ips", fixedIps.stream().map(fixedIp -> {
                Map<Object, Object> subnetOnly = new LinkedHashMap<>((Map<?, ?>) fixedIp);
                subnetOnly.remove("ip_address");
                return subnetOnly;
            }).toList());
        }
        return new Resource(resource.ref(), params, resource.refs(), resource.info(), resource.migration());
    }

    /**
     * The storage map with its overrides: the volume type each {@code --disk-storage-mapping} disk
     * refers to (see {@link #withDiskStorage}) maps to its destination type, and every other
     * selected volume type that the map leaves out goes to the default, when there is one.
     */
    private static ImportOptions withStorage(ImportOptions mapping, MigrationOptions.Storage storage, List<Resource> selected) {
        Map<String, String> types = new LinkedHashMap<>(mapping.storageMap());
        storage.byDisk().values().forEach(type -> types.put(diskType(type).name(), type));
        storage.defaultType().ifPresent(fallback -> selected.stream().filter(resource -> resource.ref().type() == ResourceType.VOLUME_TYPE)
                .forEach(type -> types.putIfAbsent(type.ref().name(), fallback)));
        return new ImportOptions(mapping.networkMap(), mapping.flavorMap(), types, mapping.keypair(), mapping.namePrefix());
    }

    /**
     * {@code --disk-storage-mapping}: each volume it names refers instead to a volume type of the
     * plan's own, one per destination type, since a source type of that name may map elsewhere. A
     * source type that only those volumes used is left out: the destination need not have it.
     *
     * @param byDisk a volume's name, {@code project/name} or source id to a destination volume type
     * @throws SkyliftException INVALID_INPUT naming each disk that is no selected volume, or more than one
     */
    private static List<Resource> withDiskStorage(List<Resource> selected, Map<String, String> byDisk) {
        if (byDisk.isEmpty()) {
            return selected;
        }
        List<Resource> volumes = selected.stream().filter(resource -> resource.ref().type() == ResourceType.VOLUME).toList();
        Map<ResourceRef, String> typeOf = new LinkedHashMap<>();
        Map<ResourceRef, String> namedAs = new LinkedHashMap<>();
        Map<String, List<String>> disksOf = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        // In the order of the disks' names, so that the tasks and the messages are the same from run to run.
        new TreeMap<>(byDisk).forEach((disk, type) -> {
            List<ResourceRef> named = volumes.stream().filter(volume -> names(disk, volume)).map(Resource::ref).toList();
            if (named.isEmpty()) {
                problems.add("--disk-storage-mapping names disk '" + disk + "', which is no volume this migration moves (it moves "
                        + (volumes.isEmpty() ? "none" : volumes.stream().map(volume -> volume.ref().owner() + "/" + volume.ref().name())
                                .collect(Collectors.joining(", "))) + "): name a volume by its name, project/name or id, as skylift query lists it");
            }
            else if (named.size() > 1) {
                problems.add("--disk-storage-mapping names disk '" + disk + "', which is each of " + named + ": name one by project/name or id");
            }
            else if (typeOf.containsKey(named.getFirst()) && !typeOf.get(named.getFirst()).equals(type)) {
                problems.add("--disk-storage-mapping maps " + named.getFirst() + " twice, as '" + namedAs.get(named.getFirst()) + "' to "
                        + typeOf.get(named.getFirst()) + " and as '" + disk + "' to " + type + ": keep one");
            }
            else {
                typeOf.put(named.getFirst(), type);
                namedAs.putIfAbsent(named.getFirst(), disk);
                disksOf.computeIfAbsent(type, key -> new ArrayList<>()).add(disk);
            }
        });
        if (!problems.isEmpty()) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, String.join("; ", problems));
        }
        // Volume types have no dependencies: the plan's own go first, before the volumes that refer to them.
        List<Resource> moved = new ArrayList<>();
        disksOf.forEach((type, disks) -> moved.add(new Resource(diskType(type), Map.of(), Map.of(), Map.of(), Map.of(DISK_STORAGE_MAPPING, disks))));
        Set<ResourceRef> replaced = new LinkedHashSet<>();
        for (Resource resource : selected) {
            String type = typeOf.get(resource.ref());
            if (type == null) {
                moved.add(resource);
                continue;
            }
            Map<String, List<ResourceRef>> refs = new LinkedHashMap<>(resource.refs());
            replaced.addAll(refs.getOrDefault("volume_type", List.of()));
            refs.put("volume_type", List.of(diskType(type)));
            moved.add(resource.withRefs(refs));
        }
        Set<ResourceRef> used = moved.stream().flatMap(resource -> resource.dependencies().stream()).collect(Collectors.toSet());
        return moved.stream().filter(resource -> !replaced.contains(resource.ref()) || used.contains(resource.ref())).toList();
    }

    /** Whether {@code disk} names the volume as the inventory does: by name (with {@code ~<id start>} when two share it), project/name or id. */
    private static boolean names(String disk, Resource volume) {
        return disk.equals(volume.ref().name()) || disk.equals(volume.ref().owner() + "/" + volume.ref().name()) || disk.equals(volume.info().get("id"));
    }

    /** The volume type of the plan's own that the disks mapped to destination type {@code type} refer to. */
    private static ResourceRef diskType(String type) {
        return ResourceRef.global(ResourceType.VOLUME_TYPE, type + " (--disk-storage-mapping)");
    }

    private static final ImportPlan.DataOrigin NO_DATA = new ImportPlan.DataOrigin(Map.of(), List.of());

    /**
     * The data of {@code owner} is staged in the origin when the import task needs it, under a
     * marker of this migration, after {@code stop} when its server is shut down first.
     */
    private static ImportPlan.DataOrigin origin(MigrationOptions options, Resource owner, Optional<String> stop) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = JSON.convertValue(owner, Map.class);
        return new ImportPlan.DataOrigin(Map.of(ImportResourceHandler.DATA, owner.ref().toString(), ImportResourceHandler.ORIGIN, options.origin(),
                ImportResourceHandler.DATA_RESOURCE, json, ImportResourceHandler.STAGING, marker(options, owner.ref())), stop.stream().toList());
    }

    /**
     * Names the temporary copies of one resource's data in the origin: the same for every run of
     * the same migration, so a resumed or repeated one finds and reuses (or deletes) them.
     */
    static String marker(MigrationOptions options, ResourceRef ref) {
        return "skylift-migrate-" + TaskIds.shortHash(options.origin() + "\n" + options.destination() + "\n" + options.mapping().namePrefix() + "\n" + ref);
    }

    /** A disk staged but imported by no step would leave its temporary copies behind. */
    private static void checkEveryDiskIsUsed(List<ResourceRef> withData, List<ImportPlan.Step> steps) {
        Set<ResourceRef> used = steps.stream().flatMap(step -> step.dataOf().stream()).collect(Collectors.toSet());
        List<ResourceRef> unused = withData.stream().filter(ref -> !used.contains(ref)).toList();
        if (!unused.isEmpty()) {
            throw new SkyliftException(ErrorCode.INTERNAL, "the migration would stage the disks of " + unused + " and not use them");
        }
    }

    private static String describe(List<String> names) {
        return names.size() <= 3 ? String.join(", ", names) : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }
}
