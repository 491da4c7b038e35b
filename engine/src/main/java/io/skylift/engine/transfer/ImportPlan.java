package io.skylift.engine.transfer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skylift.bundle.Bundle;
import io.skylift.bundle.BundleLayout;
import io.skylift.bundle.Manifest;
import io.skylift.engine.endpoint.Endpoints;
import io.skylift.engine.execution.NewExecution;
import io.skylift.engine.execution.NewTask;
import io.skylift.model.Resource;
import io.skylift.model.ResourceGraph;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code skylift import}: checks a bundle whole before anything is created (every reference held,
 * every data file present with its SHA-256, mappings that name something), decides for each
 * resource whether it is created, mapped to one that exists at the destination, or left out, and
 * gives the execution that does it: one task per resource, each after the tasks of what it refers
 * to, then one that writes {@code uuids.csv}.
 */
public final class ImportPlan {

    /** How a resource arrives. */
    public enum Action {
        /** Made at the destination (or found, when an earlier import made it). */
        CREATE,
        /** An existing destination resource is used in its place. */
        MAP
    }

    /** One resource's part in the import: what to write (its ref's name is the destination name) or look up. */
    public record Step(Resource resource, Action action, ResourceRef target, Optional<ResourceRef> dataOf) {

        public Step {
            requireNonNull(resource, "resource is null");
            requireNonNull(action, "action is null");
            requireNonNull(target, "target is null");
            requireNonNull(dataOf, "dataOf is null");
        }
    }

    public record Plan(Bundle bundle, List<Step> steps, NewExecution execution) {

        public Plan {
            requireNonNull(bundle, "bundle is null");
            steps = List.copyOf(requireNonNull(steps, "steps is null"));
            requireNonNull(execution, "execution is null");
        }
    }

    /**
     * Types a name prefix leaves as they are: those whose names the cloud does not hold or derives,
     * and the operator's catalog (flavors, volume types), which every project shares.
     */
    private static final Set<ResourceType> UNPREFIXED = EnumSet.of(ResourceType.ROUTER_INTERFACE, ResourceType.SECURITY_GROUP_RULE,
            ResourceType.FLOATING_IP, ResourceType.ROLE_ASSIGNMENT, ResourceType.QUOTA, ResourceType.FLAVOR_ACCESS, ResourceType.FLAVOR,
            ResourceType.VOLUME_TYPE);
    /** In the {@code migration} map of a resource the plan makes itself, such as a server's root disk image: what it is made of. */
    static final String DERIVED_FROM = "derived_from";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARALLEL = 4;

    private ImportPlan() {}

    /**
     * @throws SkyliftException naming what is wrong with the bundle or the options; nothing is created then
     */
    public static Plan plan(Endpoints endpoints, String endpoint, Path directory, ImportOptions options) {
        endpoints.show(endpoint);
        Bundle bundle = Bundle.read(directory);
        ResourceGraph graph = bundle.graph();
        Manifest manifest = Manifest.read(directory);
        List<Step> steps = steps(graph.topologicalOrder(), ref -> manifest.of(ref).isPresent(), options);
        checkData(steps, manifest, directory);

        String absolute = directory.toAbsolutePath().toString();
        List<NewTask> tasks = tasks(steps, endpoint, options.namePrefix(), BundleLayout.uuids(directory.toAbsolutePath()),
                step -> new DataOrigin(step.dataOf().map(data -> Map.<String, Object>of(ImportResourceHandler.DIRECTORY, absolute,
                        ImportResourceHandler.DATA, data.toString())).orElse(Map.of()), List.of()));
        NewExecution execution = NewExecution.of("import " + directory.toAbsolutePath() + " to " + endpoint, tasks).withMaxParallel(PARALLEL);
        return new Plan(bundle, steps, execution);
    }

    /** Where a step's data comes from: the task inputs that say so, and the tasks that must finish first. */
    record DataOrigin(Map<String, Object> inputs, List<String> dependsOn) {

        DataOrigin {
            inputs = Map.copyOf(requireNonNull(inputs, "inputs is null"));
            dependsOn = List.copyOf(requireNonNull(dependsOn, "dependsOn is null"));
        }
    }

    /** The task id of a step's import task. */
    static String taskId(ResourceRef ref) {
        return TaskIds.of("import", ref);
    }

    /**
     * The tasks that make the steps at {@code endpoint}: one per step, after the tasks of what it
     * refers to (and of what it must follow, see {@link #orderingOf}), then one that writes
     * {@code uuids}; a user's writes its new password to the {@link PasswordFile} beside that.
     */
    static List<NewTask> tasks(List<Step> steps, String endpoint, String namePrefix, Path uuids, Function<Step, DataOrigin> data) {
        List<String> taskIds = steps.stream().map(step -> taskId(step.resource().ref())).toList();
        List<NewTask> tasks = new ArrayList<>();
        for (Step step : steps) {
            @SuppressWarnings("unchecked")
            Map<String, Object> resource = JSON.convertValue(step.resource(), Map.class);
            DataOrigin origin = data.apply(step);
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put(ImportResourceHandler.ENDPOINT, endpoint);
            inputs.put(ImportResourceHandler.ACTION, step.action().name());
            inputs.put(ImportResourceHandler.RESOURCE, resource);
            inputs.put(ImportResourceHandler.TARGET, step.target().toString());
            inputs.put(ImportResourceHandler.MARKER, marker(step.resource(), namePrefix));
            inputs.put(ImportResourceHandler.NAME_PREFIX, namePrefix);
            if (step.resource().ref().type() == ResourceType.USER && step.action() == Action.CREATE) {
                inputs.put(ImportResourceHandler.PASSWORDS, PasswordFile.beside(uuids).toString());
            }
            inputs.putAll(origin.inputs());
            List<String> dependsOn = new ArrayList<>(step.resource().dependencies().stream().map(ImportPlan::taskId).toList());
            orderingOf(step.resource(), steps).forEach(before -> dependsOn.add(taskId(before)));
            dependsOn.addAll(origin.dependsOn());
            tasks.add(new NewTask(taskId(step.resource().ref()), ImportResourceHandler.TYPE, Optional.of(step.resource().ref()), inputs, dependsOn,
                    List.of()));
        }
        tasks.add(NewTask.of(WriteUuidsHandler.TYPE, WriteUuidsHandler.TYPE)
                .withInput(WriteUuidsHandler.FILE, uuids.toString())
                .withInput(WriteUuidsHandler.ORDER, taskIds)
                .dependingOn(taskIds.toArray(String[]::new)));
        return tasks;
    }

    /**
     * What a resource's task must wait for besides what it refers to, because the destination
     * cloud needs an order its refs do not say:
     * <ul>
     *   <li>a floating IP waits for the router interfaces of its port's subnets: Neutron
     *       associates a floating IP only with a port whose subnet has a router to the floating
     *       network, and refuses to remove such an interface while the floating IP exists (so
     *       cleanup, in reverse, deletes the floating IP first);
     *   <li>a server's second port waits for its first, and so on: the inventory reads a server's
     *       ports in their creation order, so ports made in parallel would read back reordered.
     * </ul>
     */
    static List<ResourceRef> orderingOf(Resource resource, List<Step> steps) {
        return switch (resource.ref().type()) {
            case FLOATING_IP -> routeOf(resource, steps);
            case PORT -> steps.stream().map(Step::resource)
                    .map(other -> other.refs().getOrDefault("ports", List.of()))
                    .filter(ports -> ports.indexOf(resource.ref()) > 0)
                    .map(ports -> ports.get(ports.indexOf(resource.ref()) - 1))
                    .toList();
            default -> List.of();
        };
    }

    private static List<ResourceRef> routeOf(Resource floatingIp, List<Step> steps) {
        Set<ResourceRef> subnets = new LinkedHashSet<>();
        for (ResourceRef port : floatingIp.refs().getOrDefault("port", List.of())) {
            steps.stream().filter(step -> step.resource().ref().equals(port))
                    .forEach(step -> subnets.addAll(step.resource().refs().getOrDefault("subnets", List.of())));
        }
        return steps.stream().map(Step::resource)
                .filter(other -> other.ref().type() == ResourceType.ROUTER_INTERFACE)
                .filter(other -> other.refs().getOrDefault("subnet", List.of()).stream().anyMatch(subnets::contains))
                .map(Resource::ref)
                .toList();
    }

    /**
     * What the destination keeps with a resource so a later import finds it: the source id, and
     * with a name prefix also a hash of it, since an import under another prefix means another
     * copy. A hand-written resource without an id gets its ref's hash. At most 45 characters, so
     * a Neutron tag ({@code skylift-source:<marker>}) stays within its 60.
     */
    static String marker(Resource resource, String namePrefix) {
        String id = resource.info().get("id") instanceof String source && !source.isBlank() && source.length() <= 36 ? source
                : TaskIds.shortHash(resource.ref().toString());
        return namePrefix.isEmpty() ? id : id + "~" + TaskIds.shortHash(namePrefix).substring(0, 8);
    }

    /**
     * What happens to each resource, in creation order.
     *
     * @param hasData whether the data of a resource (an image, a volume, a server's root disk) comes with it
     */
    static List<Step> steps(List<Resource> ordered, Predicate<ResourceRef> hasData, ImportOptions options) {
        Map<ResourceRef, Step> steps = new LinkedHashMap<>();
        Set<ResourceRef> dropped = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        Set<String> unusedNetworkMaps = new LinkedHashSet<>(options.networkMap().keySet());
        Set<String> unusedFlavorMaps = new LinkedHashSet<>(options.flavorMap().keySet());
        for (Resource resource : ordered) {
            ResourceRef ref = resource.ref();
            switch (ref.type()) {
                case NETWORK -> {
                    String mapped = options.networkMap().get(ref.name());
                    unusedNetworkMaps.remove(ref.name());
                    if (mapped != null) {
                        steps.put(ref, map(resource, new ResourceRef(ref.type(), ref.owner(), mapped)));
                    }
                    else if (Boolean.TRUE.equals(resource.params().get("external"))) {
                        // A provider network belongs to the destination's operator: use the one of the same name.
                        steps.put(ref, map(resource, ref));
                    }
                    else {
                        steps.put(ref, create(resource, options));
                    }
                }
                case SUBNET, ROUTER_INTERFACE, PORT -> {
                    List<ResourceRef> onMapped = resource.dependencies().stream()
                            .filter(dependency -> dropped.contains(dependency) || isMappedNetwork(steps.get(dependency)))
                            .toList();
                    if (onMapped.isEmpty()) {
                        steps.put(ref, create(resource, options));
                    }
                    else if (ref.type() == ResourceType.PORT) {
                        problems.add(ref + " is on " + onMapped + ", which the destination's network replaces: drop the port from "
                                + BundleLayout.RESOURCES + " or do not map its network");
                    }
                    else {
                        // The mapped network has subnets of its own at the destination.
                        dropped.add(ref);
                    }
                }
                case FLAVOR -> {
                    String mapped = options.flavorMap().get(ref.name());
                    unusedFlavorMaps.remove(ref.name());
                    steps.put(ref, mapped == null ? create(resource, options) : map(resource, ResourceRef.global(ResourceType.FLAVOR, mapped)));
                }
                case VOLUME_TYPE -> steps.put(ref, map(resource, ResourceRef.global(ResourceType.VOLUME_TYPE,
                        options.storageMap().getOrDefault(ref.name(), ref.name()))));
                case KEYPAIR -> {
                    if (options.keypair().isPresent()) {
                        dropped.add(ref);
                    }
                    else {
                        steps.put(ref, create(resource, options));
                    }
                }
                case SERVER -> server(resource, hasData.test(ref), options, steps);
                default -> steps.put(ref, create(resource, options));
            }
        }
        for (Step step : steps.values()) {
            for (ResourceRef dependency : step.resource().dependencies()) {
                if (dropped.contains(dependency)) {
                    problems.add(step.resource().ref() + " refers to " + dependency + ", which this import leaves out");
                }
            }
        }
        unusedNetworkMaps.forEach(name -> problems.add("--network-map names network '" + name + "', which is not among the resources moved: check its spelling against skylift query"));
        unusedFlavorMaps.forEach(name -> problems.add("--flavor-map names flavor '" + name + "', which is not among the resources moved: check its spelling against skylift query"));
        if (!problems.isEmpty()) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, String.join("; ", problems));
        }
        return List.copyOf(steps.values());
    }

    /**
     * A server: the keypair override, and a server whose root disk was exported boots from an
     * image made of it, which the import creates first.
     */
    private static void server(Resource server, boolean withDisk, ImportOptions options, Map<ResourceRef, Step> steps) {
        ResourceRef ref = server.ref();
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>(server.refs());
        if (options.keypair().isPresent() && refs.containsKey("keypair")) {
            ResourceRef own = refs.get("keypair").getFirst();
            ResourceRef replacement = new ResourceRef(ResourceType.KEYPAIR, own.owner(), options.keypair().get());
            steps.putIfAbsent(replacement, map(Resource.of(replacement), replacement));
            refs.put("keypair", List.of(replacement));
        }
        if (withDisk && refs.containsKey("image")) {
            ResourceRef image = new ResourceRef(ResourceType.IMAGE, ref.owner(), ref.name() + ".skylift-snapshot");
            // Its formats are those of the data, which the writer reads from it.
            Map<String, Object> params = new LinkedHashMap<>();
            Resource original = steps.containsKey(refs.get("image").getFirst()) ? steps.get(refs.get("image").getFirst()).resource() : null;
            if (original != null && original.params().get("properties") instanceof Map<?, ?> properties) {
                params.put("properties", properties);
            }
            Resource snapshot = new Resource(image, params, Map.of(), Map.of("id", "snapshot-of-" + server.info().getOrDefault("id", ref.toString())),
                    Map.of(DERIVED_FROM, ref.toString()));
            steps.put(image, create(snapshot, options, Optional.of(ref)));
            refs.put("image", List.of(image));
        }
        steps.put(ref, create(server.withRefs(refs), options, Optional.empty()));
    }

    private static boolean isMappedNetwork(Step step) {
        return step != null && step.action() == Action.MAP && step.resource().ref().type() == ResourceType.NETWORK;
    }

    private static Step map(Resource resource, ResourceRef target) {
        return new Step(resource, Action.MAP, target, Optional.empty());
    }

    /** A resource to create, with its own exported data if it has some. */
    private static Step create(Resource resource, ImportOptions options) {
        return create(resource, options, BundleExport.hasData(resource) ? Optional.of(resource.ref()) : Optional.empty());
    }

    /**
     * The destination name is the ref's, or {@code migration.new_name} when an edit of
     * {@code resources.yaml} gives one (references keep naming the resource by its ref), with the
     * name prefix before it.
     */
    private static Step create(Resource resource, ImportOptions options, Optional<ResourceRef> data) {
        ResourceRef ref = resource.ref();
        String name = resource.migration().get(ExportSelection.NEW_NAME) instanceof String renamed && !renamed.isBlank() ? renamed : ref.name();
        String prefixed = options.namePrefix().isEmpty() || UNPREFIXED.contains(ref.type()) ? name : options.namePrefix() + name;
        return new Step(resource, Action.CREATE, new ResourceRef(ref.type(), ref.owner(), prefixed), data);
    }

    /** Every resource with data has its file, and every file has the size and SHA-256 the manifest says, before anything is made. */
    private static void checkData(List<Step> steps, Manifest manifest, Path directory) {
        List<String> missing = new ArrayList<>();
        for (Step step : steps) {
            if (step.dataOf().isPresent() && manifest.of(step.dataOf().get()).isEmpty()) {
                missing.add(step.dataOf().get().toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, BundleLayout.manifest(directory) + " has no data for " + String.join(", ", missing)
                    + ": the export did not finish; run skylift export again into " + directory);
        }
        manifest.files().forEach(file -> file.verify(directory));
    }
}
