package io.skylift.model;

import java.io.Serial;
import java.util.List;

/**
 * Thrown when resources depend on each other in a cycle, so no creation order exists. The message
 * shows the cycle with the role of each step, such as
 * {@code a:p/x -[network]-> b:p/y -[port]-> a:p/x}.
 */
public final class DependencyCycleException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<ResourceRef> cycle;

    /**
     * @param cycle the resources on the cycle, each depending on the next and the last on the first
     * @param roles {@code roles.get(i)} is the role through which {@code cycle.get(i)} depends on
     *              the next one
     */
    public DependencyCycleException(List<ResourceRef> cycle, List<String> roles) {
        super(message(cycle, roles));
        this.cycle = List.copyOf(cycle);
    }

    /** The resources on the cycle, each depending on the next and the last on the first. */
    public List<ResourceRef> cycle() {
        return cycle;
    }

    private static String message(List<ResourceRef> cycle, List<String> roles) {
        if (cycle.isEmpty() || cycle.size() != roles.size()) {
            throw new IllegalArgumentException("a cycle needs one role per resource, got " + cycle + " and " + roles);
        }
        StringBuilder path = new StringBuilder("resources depend on each other in a cycle: ");
        for (int i = 0; i < cycle.size(); i++) {
            path.append(cycle.get(i)).append(" -[").append(roles.get(i)).append("]-> ");
        }
        return path.append(cycle.getFirst()).toString();
    }
}
