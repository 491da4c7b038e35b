package io.skylift.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable set of resources and the dependencies between them, given by each resource's
 * {@link Resource#refs()}. A graph may hold references to resources it does not contain (an
 * inventory of one project refers to a shared network); {@link #closure} and
 * {@link #topologicalOrder} reject them, naming every one.
 */
public final class ResourceGraph {

    private final NavigableMap<ResourceRef, Resource> resources;
    /** For each resource, the resources that are {@linkplain ResourceType#partOf() part of} it. */
    private final Map<ResourceRef, List<ResourceRef>> parts;

    private ResourceGraph(NavigableMap<ResourceRef, Resource> resources) {
        this.resources = Collections.unmodifiableNavigableMap(resources);
        Map<ResourceRef, List<ResourceRef>> parts = new HashMap<>();
        for (Resource resource : resources.values()) {
            resource.ref().type().partOf().ifPresent(role -> resource.refs().getOrDefault(role, List.of())
                    .forEach(whole -> parts.computeIfAbsent(whole, _ -> new ArrayList<>()).add(resource.ref())));
        }
        this.parts = parts;
    }

    /**
     * @throws IllegalArgumentException if two resources have the same ref
     */
    public static ResourceGraph of(Collection<Resource> resources) {
        requireNonNull(resources, "resources is null");
        NavigableMap<ResourceRef, Resource> byRef = new TreeMap<>();
        for (Resource resource : resources) {
            requireNonNull(resource, "resources contains null");
            if (byRef.putIfAbsent(resource.ref(), resource) != null) {
                throw new IllegalArgumentException("resource " + resource.ref() + " appears more than once");
            }
        }
        return new ResourceGraph(byRef);
    }

    /** All resources, ordered by ref. */
    public List<Resource> resources() {
        return List.copyOf(resources.values());
    }

    public Optional<Resource> find(ResourceRef ref) {
        return Optional.ofNullable(resources.get(ref));
    }

    public boolean contains(ResourceRef ref) {
        return resources.containsKey(ref);
    }

    public int size() {
        return resources.size();
    }

    /** References from resources in this graph to resources not in it, sorted. */
    public List<MissingDependency> missingDependencies() {
        List<MissingDependency> missing = new ArrayList<>();
        for (Resource resource : resources.values()) {
            collectMissing(resource, missing);
        }
        return missing.stream().sorted().toList();
    }

    /**
     * The selected resources plus everything they depend on, transitively, and the parts of
     * each resource reached (a security group's rules, a subnet's router interfaces, a port's
     * floating IPs, a project's role assignments; see {@link ResourceType#partOf()}) with
     * everything those depend on in turn.
     *
     * @throws IllegalArgumentException if a selected resource is not in this graph
     * @throws MissingDependencyException listing every dependency reached that is not in this graph
     */
    public ResourceGraph closure(Collection<ResourceRef> selection) {
        requireNonNull(selection, "selection is null");
        Set<ResourceRef> unknown = new TreeSet<>();
        for (ResourceRef ref : selection) {
            if (!resources.containsKey(requireNonNull(ref, "selection contains null"))) {
                unknown.add(ref);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("selected resources are not in the inventory: " + unknown);
        }

        NavigableMap<ResourceRef, Resource> reached = new TreeMap<>();
        List<MissingDependency> missing = new ArrayList<>();
        Deque<ResourceRef> pending = new ArrayDeque<>(selection);
        while (!pending.isEmpty()) {
            Resource resource = resources.get(pending.pop());
            if (reached.putIfAbsent(resource.ref(), resource) != null) {
                continue;
            }
            collectMissing(resource, missing);
            for (ResourceRef dependency : resource.dependencies()) {
                if (resources.containsKey(dependency) && !reached.containsKey(dependency)) {
                    pending.push(dependency);
                }
            }
            for (ResourceRef part : parts.getOrDefault(resource.ref(), List.of())) {
                if (!reached.containsKey(part)) {
                    pending.push(part);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingDependencyException(missing.stream().sorted().toList());
        }
        return new ResourceGraph(reached);
    }

    /**
     * Every resource, each after everything it depends on. Among resources free to go next, the
     * smallest ref goes first (type order, then owner, then name), so the order is the same on
     * every run.
     *
     * @throws MissingDependencyException if a resource depends on one not in this graph
     * @throws DependencyCycleException showing one cycle, if resources depend on each other
     */
    public List<Resource> topologicalOrder() {
        List<MissingDependency> missing = missingDependencies();
        if (!missing.isEmpty()) {
            throw new MissingDependencyException(missing);
        }
        Map<ResourceRef, Integer> waitingOn = new HashMap<>();
        Map<ResourceRef, List<ResourceRef>> dependents = new HashMap<>();
        TreeSet<ResourceRef> ready = new TreeSet<>();
        for (Resource resource : resources.values()) {
            Set<ResourceRef> dependencies = resource.dependencies();
            waitingOn.put(resource.ref(), dependencies.size());
            for (ResourceRef dependency : dependencies) {
                dependents.computeIfAbsent(dependency, _ -> new ArrayList<>()).add(resource.ref());
            }
            if (dependencies.isEmpty()) {
                ready.add(resource.ref());
            }
        }

        List<Resource> order = new ArrayList<>(resources.size());
        while (!ready.isEmpty()) {
            ResourceRef next = ready.pollFirst();
            order.add(resources.get(next));
            for (ResourceRef dependent : dependents.getOrDefault(next, List.of())) {
                if (waitingOn.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() < resources.size()) {
            throw cycleAmong(waitingOn);
        }
        return List.copyOf(order);
    }

    /**
     * Finds a cycle among the resources left waiting. Each of them waits on at least one other
     * left waiting, so following the smallest such dependency must come back to a resource seen.
     */
    private DependencyCycleException cycleAmong(Map<ResourceRef, Integer> waitingOn) {
        TreeSet<ResourceRef> stuck = new TreeSet<>();
        waitingOn.forEach((ref, count) -> {
            if (count > 0) {
                stuck.add(ref);
            }
        });
        Map<ResourceRef, Integer> seenAt = new LinkedHashMap<>();
        List<ResourceRef> walk = new ArrayList<>();
        ResourceRef current = stuck.first();
        while (!seenAt.containsKey(current)) {
            seenAt.put(current, walk.size());
            walk.add(current);
            current = resources.get(current).dependencies().stream()
                    .filter(stuck::contains)
                    .min(ResourceRef::compareTo)
                    .orElseThrow();
        }
        List<ResourceRef> cycle = new ArrayList<>(walk.subList(seenAt.get(current), walk.size()));
        // Start at the smallest ref so the same cycle always reads the same way.
        Collections.rotate(cycle, -cycle.indexOf(Collections.min(cycle)));
        List<String> roles = new ArrayList<>(cycle.size());
        for (int i = 0; i < cycle.size(); i++) {
            roles.add(roleOf(resources.get(cycle.get(i)), cycle.get((i + 1) % cycle.size())));
        }
        return new DependencyCycleException(cycle, roles);
    }

    private static String roleOf(Resource from, ResourceRef to) {
        return from.refs().entrySet().stream()
                .filter(entry -> entry.getValue().contains(to))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    private void collectMissing(Resource resource, List<MissingDependency> missing) {
        resource.refs().forEach((role, targets) -> {
            for (ResourceRef target : targets) {
                if (!resources.containsKey(target)) {
                    missing.add(new MissingDependency(resource.ref(), role, target));
                }
            }
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResourceGraph graph && resources.equals(graph.resources);
    }

    @Override
    public int hashCode() {
        return resources.hashCode();
    }

    @Override
    public String toString() {
        return "ResourceGraph" + resources.keySet();
    }
}
