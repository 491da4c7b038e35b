package io.skylift.provider.openstack.writer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.Optional;

/**
 * Lets the project of the {@code project} ref use the private flavor of the {@code flavor} ref
 * ({@code POST /flavors/<id>/action} with {@code addTenantAccess}); needs the admin role.
 *
 * <p>An access has no id of its own, so its id here is {@code <flavor id>/<project id>}, and the
 * flavor's access list ({@code GET /flavors/<id>/os-flavor-access}) finds it. Project ids hold no
 * {@code /}, flavor ids might, so the id is split at its last one.
 */
final class NovaFlavorAccessWriter implements TypeWriter {

    private final WriterContext context;
    private final NovaFlavorWriter flavors;
    private final KeystoneCollection projects;

    NovaFlavorAccessWriter(WriterContext context) {
        this.context = requireNonNull(context, "context is null");
        this.flavors = new NovaFlavorWriter(context);
        this.projects = KeystoneCollection.projects(context);
    }

    /** The id of an access, {@code <flavor id>/<project id>}. */
    record AccessId(String flavor, String project) {
        AccessId {
            requireNonNull(flavor, "flavor is null");
            requireNonNull(project, "project is null");
            if (flavor.isBlank() || project.isBlank() || project.contains("/")) {
                throw new IllegalArgumentException("a flavor access id is <flavor id>/<project id>, not " + flavor + "/" + project);
            }
        }

        static AccessId parse(String id) {
            int slash = id.lastIndexOf('/');
            if (slash <= 0 || slash == id.length() - 1) {
                throw new SkyliftException(ErrorCode.INVALID_INPUT, "flavor access id " + id + " is not <flavor id>/<project id>");
            }
            return new AccessId(id.substring(0, slash), id.substring(slash + 1));
        }

        String flavorPath(String suffix) {
            return "/flavors/" + CloudWrites.encode(flavor) + suffix;
        }

        @Override
        public String toString() {
            return flavor + "/" + project;
        }
    }

    @Override
    public ResourceType type() {
        return ResourceType.FLAVOR_ACCESS;
    }

    @Override
    public Optional<String> find(WriteRequest request) {
        return find(id(request));
    }

    /** Empty also for a public or missing flavor, which Nova keeps no list for (404). */
    private Optional<String> find(AccessId id) {
        return CloudWrites.get(context, ServiceType.COMPUTE, id.flavorPath("/os-flavor-access"))
                .filter(list -> list.path("flavor_access").valueStream()
                        .anyMatch(access -> id.project().equals(access.path("tenant_id").asText())))
                .map(list -> id.toString());
    }

    @Override
    public String create(WriteRequest request) {
        AccessId id = id(request);
        try {
            context.client().post(ServiceType.COMPUTE, id.flavorPath("/action"), action("addTenantAccess", id));
        }
        catch (SkyliftException e) {
            if (e.code() == ErrorCode.ALREADY_EXISTS) {
                return id.toString();
            }
            if (e.code() == ErrorCode.CLOUD_REJECTED) {
                refusedAsPublic(request, id, e);
            }
            throw e;
        }
        return id.toString();
    }

    /** Nova answers 409 for a public flavor, which every project may use and which has no list to add to. */
    private void refusedAsPublic(WriteRequest request, AccessId id, SkyliftException refusal) {
        Optional<JsonNode> flavor = CloudWrites.get(context, ServiceType.COMPUTE, id.flavorPath("")).map(body -> body.path("flavor"));
        if (flavor.isPresent() && flavor.get().path("os-flavor-access:is_public").asBoolean(false)) {
            ResourceRef source = NeutronDependencies.one(request, "flavor");
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "flavor " + flavor.get().path("name").asText() + " (" + id.flavor()
                    + ") is public at the destination, so " + request.resource().ref() + " cannot be added to its access list: map "
                    + source + " to a private flavor, or leave " + request.resource().ref() + " out (every project may use a public"
                    + " flavor already) (" + refusal.getMessage() + ")", refusal);
        }
    }

    /** The access of the project named by the ref's owner to the flavor named by its name, as the inventory names them. */
    @Override
    public Optional<String> lookup(ResourceRef ref) {
        return flavors.lookup(ResourceRef.global(ResourceType.FLAVOR, ref.name()))
                .flatMap(flavor -> projects.findNamed(ref.owner()).flatMap(project -> find(new AccessId(flavor, project))));
    }

    /**
     * Takes the project off the list; an access, flavor or project already gone is fine (Nova
     * answers 404 for the first two and removes an access of a deleted project like any other).
     */
    @Override
    public void delete(String id) {
        AccessId parsed = AccessId.parse(id);
        try {
            context.client().post(ServiceType.COMPUTE, parsed.flavorPath("/action"), action("removeTenantAccess", parsed));
        }
        catch (SkyliftException e) {
            if (e.code() != ErrorCode.NOT_FOUND) {
                throw e;
            }
        }
    }

    private static ObjectNode action(String name, AccessId id) {
        ObjectNode body = CloudWrites.object();
        body.putObject(name).put("tenant", id.project());
        return body;
    }

    private static AccessId id(WriteRequest request) {
        return new AccessId(NeutronDependencies.id(request, "flavor"), NeutronDependencies.id(request, "project"));
    }
}
