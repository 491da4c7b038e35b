package io.skylift.provider.openstack.writer;

import static java.util.Objects.requireNonNull;

import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Gives the user of the {@code user} ref the role {@code params.role} on the project of the
 * {@code project} ref ({@code PUT /v3/projects/<p>/users/<u>/roles/<r>}), the role found by name
 * at the destination: roles are the operator's, and Skylift does not make them.
 *
 * <p>An assignment has no id of its own, so its id here is {@code <project id>/<user id>/<role id>},
 * and the path above, which Keystone answers 204 or 404, finds it.
 */
final class KeystoneRoleAssignmentWriter implements TypeWriter {

    private final WriterContext context;
    private final KeystoneCollection projects;
    private final KeystoneCollection users;
    private final KeystoneCollection roles;

    KeystoneRoleAssignmentWriter(WriterContext context) {
        this.context = requireNonNull(context, "context is null");
        this.projects = KeystoneCollection.projects(context);
        this.users = KeystoneCollection.users(context);
        this.roles = KeystoneCollection.roles(context);
    }

    /** The id of an assignment, {@code <project id>/<user id>/<role id>}. */
    record AssignmentId(String project, String user, String role) {
        AssignmentId {
            for (String part : List.of(requireNonNull(project, "project is null"), requireNonNull(user, "user is null"),
                    requireNonNull(role, "role is null"))) {
                if (part.isBlank() || part.contains("/")) {
                    throw new IllegalArgumentException("a role assignment id is <project id>/<user id>/<role id>, not " + project + "/" + user + "/" + role);
                }
            }
        }

        static AssignmentId parse(String id) {
            String[] parts = id.split("/", -1);
            if (parts.length != 3 || List.of(parts).stream().anyMatch(String::isBlank)) {
                throw new SkyliftException(ErrorCode.INVALID_INPUT, "role assignment id " + id + " is not <project id>/<user id>/<role id>");
            }
            return new AssignmentId(parts[0], parts[1], parts[2]);
        }

        /** Keystone's path of the assignment. */
        String path() {
            return "/projects/" + project + "/users/" + user + "/roles/" + role;
        }

        @Override
        public String toString() {
            return project + "/" + user + "/" + role;
        }
    }

    @Override
    public ResourceType type() {
        return ResourceType.ROLE_ASSIGNMENT;
    }

    /** Empty also when the role is missing at the destination: {@link #create} says what to do then. */
    @Override
    public Optional<String> find(WriteRequest request) {
        return roles.findNamed(role(request)).flatMap(role -> find(id(request, role)));
    }

    private Optional<String> find(AssignmentId id) {
        return CloudWrites.get(context, ServiceType.IDENTITY, id.path()).map(answer -> id.toString());
    }

    @Override
    public String create(WriteRequest request) {
        String name = role(request);
        String role = roles.findNamed(name).orElseThrow(() -> new SkyliftException(ErrorCode.NOT_FOUND, "role " + name
                + " (params.role of " + request.resource().ref() + ") does not exist at the destination: create the role at the destination"
                + " (openstack role create " + name + "), or set params.role to one of its roles (openstack role list)"));
        AssignmentId id = id(request, role);
        context.client().put(ServiceType.IDENTITY, id.path(), CloudWrites.object());
        return id.toString();
    }

    /**
     * The assignment named {@code <user>/<role>} in the project that owns the ref, as the inventory
     * names them. Either name may hold a {@code /}, so every split is tried.
     */
    @Override
    public Optional<String> lookup(ResourceRef ref) {
        String name = ref.name();
        return projects.findNamed(ref.owner()).flatMap(project -> IntStream.range(0, name.length())
                .filter(index -> name.charAt(index) == '/')
                .mapToObj(slash -> find(project, name.substring(0, slash), name.substring(slash + 1)))
                .flatMap(Optional::stream)
                .findFirst());
    }

    /** The assignment of the role named {@code role} to the user named {@code user} on {@code project}. */
    private Optional<String> find(String project, String user, String role) {
        return users.findNamed(user).flatMap(userId -> roles.findNamed(role).flatMap(roleId -> find(new AssignmentId(project, userId, roleId))));
    }

    /** Takes the role away; an assignment, user or project already gone is fine. */
    @Override
    public void delete(String id) {
        AssignmentId parsed = AssignmentId.parse(id);
        CloudWrites.deleteAndWait(context, ServiceType.IDENTITY, parsed.path(), "role assignment " + id);
    }

    private static AssignmentId id(WriteRequest request, String role) {
        return new AssignmentId(NeutronDependencies.id(request, "project"), NeutronDependencies.id(request, "user"), role);
    }

    private static String role(WriteRequest request) {
        if (!(request.resource().params().get("role") instanceof String role) || role.isBlank()) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, request.resource().ref() + " has no params.role: add the name of the role"
                    + " to give (member)");
        }
        return role;
    }
}
