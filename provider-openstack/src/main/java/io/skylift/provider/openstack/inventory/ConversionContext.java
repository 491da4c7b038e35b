package io.skylift.provider.openstack.inventory;

import static java.util.Objects.requireNonNull;

import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.model.Scope;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a converter needs beyond its own document: the names of projects and users behind the ids
 * an API returns, and the {@link ResourceRef} already given to each resource by id, so that a
 * port refers to its network by name. Immutable; made with {@link #builder(String)}.
 */
final class ConversionContext {

    private final String projectId;
    private final Map<String, String> projectNames;
    private final Map<String, String> userNames;
    private final Map<ResourceType, Map<String, ResourceRef>> refs;

    private ConversionContext(Builder builder) {
        this.projectId = builder.projectId;
        this.projectNames = Map.copyOf(builder.projectNames);
        this.userNames = Map.copyOf(builder.userNames);
        EnumMap<ResourceType, Map<String, ResourceRef>> copy = new EnumMap<>(ResourceType.class);
        builder.refs.forEach((type, byId) -> copy.put(type, Map.copyOf(byId)));
        this.refs = copy;
    }

    /** @param projectId the connection's project, the owner of documents that do not name one */
    static Builder builder(String projectId) {
        return new Builder(projectId);
    }

    /** A builder holding everything this context holds, to add to it. */
    Builder toBuilder() {
        Builder builder = new Builder(projectId);
        builder.projectNames.putAll(projectNames);
        builder.userNames.putAll(userNames);
        refs.forEach((type, byId) -> builder.refs.put(type, new HashMap<>(byId)));
        return builder;
    }

    /**
     * The owner for a project id: the project's name, or the id itself when the connection may not
     * learn the name (a member sees the admin project's external network but cannot read its
     * name). A blank id means the connection's own project.
     */
    String projectOwner(String id) {
        String project = id == null || id.isBlank() ? projectId : id;
        return projectNames.getOrDefault(project, project);
    }

    /** The name of a user, or the id itself when the connection may not learn it. */
    String userName(String id) {
        return userNames.getOrDefault(id, id);
    }

    /** The reference given to the resource of {@code type} with the cloud id {@code id}. */
    Optional<ResourceRef> ref(ResourceType type, String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(refs.getOrDefault(type, Map.of()).get(id));
    }

    /**
     * The reference given to the resource of {@code type} with the cloud id {@code id}, or, when
     * the connection did not see that resource, a reference named by the id itself, so that the
     * dependency is reported missing by {@link io.skylift.model.ResourceGraph} instead of being
     * lost.
     *
     * @param owner the owner to use in that case; ignored for global types
     */
    ResourceRef refTo(ResourceType type, String id, String owner) {
        return ref(type, id).orElseGet(() -> type.scope() == Scope.GLOBAL
                ? ResourceRef.global(type, id)
                : ResourceRef.of(type, owner, id));
    }

    /** Collects names; later calls for the same id replace earlier ones. */
    static final class Builder {
        private final String projectId;
        private final Map<String, String> projectNames = new HashMap<>();
        private final Map<String, String> userNames = new HashMap<>();
        private final Map<ResourceType, Map<String, ResourceRef>> refs = new EnumMap<>(ResourceType.class);

        private Builder(String projectId) {
            this.projectId = requireNonNull(projectId, "projectId is null");
        }

        Builder project(String id, String name) {
            projectNames.put(requireNonNull(id, "id is null"), requireNonNull(name, "name is null"));
            return this;
        }

        Builder user(String id, String name) {
            userNames.put(requireNonNull(id, "id is null"), requireNonNull(name, "name is null"));
            return this;
        }

        Builder ref(String id, ResourceRef ref) {
            requireNonNull(id, "id is null");
            requireNonNull(ref, "ref is null");
            refs.computeIfAbsent(ref.type(), _ -> new HashMap<>()).put(id, ref);
            return this;
        }

        ConversionContext build() {
            return new ConversionContext(this);
        }
    }
}
