package io.skylift.engine.transfer;

import static java.util.Objects.requireNonNull;

import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The destination as {@link MigrationPreview} found it, for the checks that need more than one
 * resource: what it holds now, and for each step of the plan what becomes of it there.
 *
 * @param held    the destination's inventory
 * @param steps   the plan's steps, in creation order
 * @param actions per source resource: {@code create}, {@code reuse} or {@code map}
 * @param ids     per source resource that is reused or mapped: the destination id
 */
record PlannedDestination(List<Resource> held, List<ImportPlan.Step> steps, Map<ResourceRef, String> actions, Map<ResourceRef, String> ids) {

    PlannedDestination {
        held = List.copyOf(requireNonNull(held, "held is null"));
        steps = List.copyOf(requireNonNull(steps, "steps is null"));
        actions = Map.copyOf(requireNonNull(actions, "actions is null"));
        ids = Map.copyOf(requireNonNull(ids, "ids is null"));
    }

    /** Whether the migration makes this source resource anew (neither reused nor mapped). */
    boolean creates(ResourceRef source) {
        return "create".equals(actions.get(source));
    }

    Optional<ImportPlan.Step> step(ResourceRef source) {
        return steps.stream().filter(step -> step.resource().ref().equals(source)).findFirst();
    }

    /** What the destination holds under that id. */
    Optional<Resource> held(ResourceType type, String id) {
        return held.stream().filter(resource -> resource.ref().type() == type && id.equals(resource.info().get("id"))).findFirst();
    }

    /** What the destination holds under that ref. */
    Optional<Resource> held(ResourceRef ref) {
        return held.stream().filter(resource -> resource.ref().equals(ref)).findFirst();
    }

    /**
     * The flavor a source server gets at the destination, as the destination will have it: the
     * destination's own when the flavor map maps it, else the origin's, which is created as it is.
     */
    Optional<Resource> flavorOf(Resource server) {
        return server.refs().getOrDefault("flavor", List.of()).stream().findFirst().flatMap(this::step)
                .flatMap(flavor -> flavor.action() == ImportPlan.Action.MAP ? held(flavor.target()) : Optional.of(flavor.resource()));
    }
}
