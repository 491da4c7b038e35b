package io.skylift.engine.transfer;

import io.skylift.model.MissingDependencyException;
import io.skylift.model.Resource;
import io.skylift.model.ResourceFile;
import io.skylift.model.ResourceGraph;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.model.Selection;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a resource file selects from an inventory: each entry found by type, name and (when given)
 * owner, its options applied, then closed over dependencies and put in creation order.
 *
 * <p>Options an entry may carry (Downpour's, plus {@code new_name}):
 * <ul>
 *   <li>{@code save_state: true}: copy the data of a volume or server (an image's data is always
 *       copied; without it a volume arrives as an empty twin and a server boots from its image);
 *   <li>{@code key_name: NAME} on a server: give it that keypair instead of its own;
 *   <li>{@code new_name: NAME}: the name at the destination; references follow.
 * </ul>
 */
final class ExportSelection {

    static final String SAVE_STATE = "save_state";
    static final String KEY_NAME = "key_name";
    static final String NEW_NAME = "new_name";
    private static final Set<String> OPTIONS = Set.of(SAVE_STATE, KEY_NAME, NEW_NAME);
    /** Renaming these would leave their old name in other resources' params (a port's fixed IPs name their subnet). */
    private static final Set<ResourceType> RENAMABLE = EnumSet.of(ResourceType.SERVER, ResourceType.VOLUME, ResourceType.IMAGE,
            ResourceType.KEYPAIR, ResourceType.NETWORK, ResourceType.SECURITY_GROUP, ResourceType.SERVER_GROUP);

    private ExportSelection() {}

    /**
     * The resources to export, dependencies first.
     *
     * @param source names the resource file and endpoint in messages
     * @throws SkyliftException listing every entry that matches nothing, matches several, or has a bad option
     */
    static List<Resource> select(ResourceFile file, List<Resource> inventory, String source) {
        ResourceGraph all = ResourceGraph.of(inventory);
        List<String> problems = new ArrayList<>();
        Map<ResourceRef, Map<String, Object>> options = new LinkedHashMap<>();
        for (Selection selection : file.selections()) {
            List<ResourceRef> matches = inventory.stream().map(Resource::ref)
                    .filter(ref -> ref.type() == selection.type() && ref.name().equals(selection.name()))
                    .filter(ref -> selection.owner() == null || selection.owner().equals(ref.owner()))
                    .toList();
            List<String> namesakes = inventory.stream().map(Resource::ref)
                    .filter(ref -> ref.type() == selection.type() && ref.name().startsWith(selection.name() + "~"))
                    .filter(ref -> selection.owner() == null || selection.owner().equals(ref.owner()))
                    .map(ResourceRef::name).toList();
            if (matches.isEmpty() && namesakes.size() > 1) {
                // The inventory tells apart resources that share a name by their id's start.
                problems.add(describe(selection) + " is the name of " + namesakes.size() + " " + selection.type().id() + "s, read as "
                        + String.join(" and ", namesakes) + ": name the one you mean that way");
            }
            else if (matches.isEmpty() && (selection.type() == ResourceType.PROJECT || selection.type() == ResourceType.USER)) {
                problems.add(describe(selection) + " not found (only an admin's endpoint reads projects and users)");
            }
            else if (matches.isEmpty()) {
                problems.add(describe(selection) + " not found");
            }
            else if (matches.size() > 1) {
                problems.add(describe(selection) + " is in several projects (" + matches.stream().map(ResourceRef::owner)
                        .collect(Collectors.joining(", ")) + "): add 'project:' to the entry");
            }
            else {
                checkOptions(selection, problems);
                options.merge(matches.getFirst(), selection.options(), (a, b) -> {
                    Map<String, Object> merged = new LinkedHashMap<>(a);
                    merged.putAll(b);
                    return merged;
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new SkyliftException(ErrorCode.NOT_FOUND, source + ": " + String.join("; ", problems)
                    + " (skylift query finds what there is)");
        }
        Map<ResourceRef, ResourceRef> keypairOverrides = keypairOverrides(options, all, source);
        Set<ResourceRef> roots = new LinkedHashSet<>(options.keySet());
        roots.addAll(keypairOverrides.values());
        ResourceGraph closed;
        try {
            closed = all.closure(roots);
        }
        catch (MissingDependencyException e) {
            throw new SkyliftException(ErrorCode.NOT_FOUND, source + ": " + e.getMessage()
                    + "; the endpoint cannot see them (a member cannot read another project's resources)", e);
        }
        List<Resource> chosen = new ArrayList<>();
        for (Resource resource : closed.resources()) {
            Map<String, Object> own = options.getOrDefault(resource.ref(), Map.of());
            Resource changed = resource;
            if (keypairOverrides.containsKey(resource.ref())) {
                changed = withRef(changed, "keypair", keypairOverrides.get(resource.ref()));
            }
            if (Boolean.TRUE.equals(own.get(SAVE_STATE))) {
                Map<String, Object> migration = new LinkedHashMap<>(changed.migration());
                migration.put(SAVE_STATE, true);
                changed = changed.withMigration(migration);
            }
            chosen.add(changed);
        }
        // A keypair brought only by the server's own ref, now overridden, is no longer needed.
        Set<ResourceRef> replaced = keypairOverrides.keySet().stream()
                .flatMap(server -> all.find(server).orElseThrow().refs().getOrDefault("keypair", List.of()).stream())
                .collect(Collectors.toSet());
        ResourceGraph result = prune(ResourceGraph.of(chosen), replaced, roots);
        return renamed(result, options).topologicalOrder();
    }

    private static void checkOptions(Selection selection, List<String> problems) {
        for (Map.Entry<String, Object> option : selection.options().entrySet()) {
            String key = option.getKey();
            if (!OPTIONS.contains(key)) {
                problems.add(describe(selection) + ": unknown option '" + key + "' (known: " + String.join(", ", new java.util.TreeSet<>(OPTIONS)) + ")");
            }
            else if (key.equals(SAVE_STATE) && !(option.getValue() instanceof Boolean)) {
                problems.add(describe(selection) + ": save_state must be true or false");
            }
            else if (key.equals(KEY_NAME) && (selection.type() != ResourceType.SERVER || !(option.getValue() instanceof String))) {
                problems.add(describe(selection) + ": key_name is an option of servers and takes a keypair name");
            }
            else if (key.equals(NEW_NAME) && (!RENAMABLE.contains(selection.type()) || !(option.getValue() instanceof String name) || name.isBlank())) {
                problems.add(describe(selection) + ": new_name takes a name, on " + RENAMABLE.stream().map(ResourceType::id).sorted()
                        .collect(Collectors.joining(", ")));
            }
        }
    }

    /** For each server with {@code key_name}, the keypair it gets instead: one of the same user, which the inventory must hold. */
    private static Map<ResourceRef, ResourceRef> keypairOverrides(Map<ResourceRef, Map<String, Object>> options, ResourceGraph all, String source) {
        Map<ResourceRef, ResourceRef> overrides = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        options.forEach((ref, own) -> {
            if (own.get(KEY_NAME) instanceof String keyName) {
                List<ResourceRef> current = all.find(ref).orElseThrow().refs().getOrDefault("keypair", List.of());
                List<ResourceRef> candidates = all.resources().stream().map(Resource::ref)
                        .filter(other -> other.type() == ResourceType.KEYPAIR && other.name().equals(keyName))
                        .filter(other -> current.isEmpty() || other.owner().equals(current.getFirst().owner()))
                        .toList();
                if (candidates.size() == 1) {
                    overrides.put(ref, candidates.getFirst());
                }
                else {
                    missing.add(ref + ": keypair '" + keyName + "' " + (candidates.isEmpty() ? "not found" : "belongs to several users"));
                }
            }
        });
        if (!missing.isEmpty()) {
            throw new SkyliftException(ErrorCode.NOT_FOUND, source + ": " + String.join("; ", missing));
        }
        return overrides;
    }

    private static Resource withRef(Resource resource, String role, ResourceRef target) {
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>(resource.refs());
        refs.put(role, List.of(target));
        return resource.withRefs(refs);
    }

    /** Leaves out {@code candidates} that nothing in the graph refers to any more and that were not selected themselves. */
    private static ResourceGraph prune(ResourceGraph graph, Set<ResourceRef> candidates, Set<ResourceRef> roots) {
        Set<ResourceRef> referred = graph.resources().stream().flatMap(resource -> resource.dependencies().stream()).collect(Collectors.toSet());
        return ResourceGraph.of(graph.resources().stream()
                .filter(resource -> !candidates.contains(resource.ref()) || referred.contains(resource.ref()) || roots.contains(resource.ref()))
                .toList());
    }

    /** Applies {@code new_name}: the resource's ref and every reference to it. */
    private static ResourceGraph renamed(ResourceGraph graph, Map<ResourceRef, Map<String, Object>> options) {
        Map<ResourceRef, ResourceRef> renames = new LinkedHashMap<>();
        options.forEach((ref, own) -> {
            if (own.get(NEW_NAME) instanceof String name) {
                renames.put(ref, new ResourceRef(ref.type(), ref.owner(), name));
            }
        });
        if (renames.isEmpty()) {
            return graph;
        }
        List<Resource> result = new ArrayList<>();
        for (Resource resource : graph.resources()) {
            Map<String, List<ResourceRef>> refs = new LinkedHashMap<>();
            resource.refs().forEach((role, targets) -> refs.put(role, targets.stream().map(t -> renames.getOrDefault(t, t)).toList()));
            Resource moved = new Resource(renames.getOrDefault(resource.ref(), resource.ref()), resource.params(), refs, resource.info(),
                    resource.migration());
            result.add(moved);
        }
        try {
            return ResourceGraph.of(result);
        }
        catch (IllegalArgumentException e) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "new_name: " + e.getMessage() + ": choose a name no other resource has", e);
        }
    }

    private static String describe(Selection selection) {
        return selection.type() + " '" + selection.name() + "'" + selection.ownerIfGiven().map(owner -> " of " + owner).orElse("");
    }
}
