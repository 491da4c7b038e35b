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
 * A global {@code flavor} with its extra specs. Flavors carry no metadata, so one of that name
 * with the same vCPUs, RAM and disk is taken as the same flavor; creating one needs admin.
 */
final class NovaFlavorWriter implements TypeWriter {

    private final WriterContext context;

    NovaFlavorWriter(WriterContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public ResourceType type() {
        return ResourceType.FLAVOR;
    }

    @Override
    public Optional<String> find(WriteRequest request) {
        String name = request.resource().ref().name();
        JsonNode wanted = CloudWrites.params(request);
        return named(name).map(flavor -> {
            if (!size(flavor).equals(size(wanted))) {
                throw new SkyliftException(ErrorCode.ALREADY_EXISTS, "flavor " + name + " exists at the destination with " + size(flavor)
                        + ", not " + size(wanted) + ": map " + request.resource().ref() + " to an existing flavor, or rename or delete"
                        + " the destination's (openstack flavor delete " + name + ")");
            }
            return flavor.path("id").asText();
        });
    }

    @Override
    public String create(WriteRequest request) {
        String name = request.resource().ref().name();
        JsonNode params = CloudWrites.params(request);
        ObjectNode flavor = CloudWrites.object()
                .put("name", name)
                .put("vcpus", params.path("vcpus").asInt())
                .put("ram", params.path("ram").asInt())
                .put("disk", params.path("disk").asInt())
                .put("OS-FLV-EXT-DATA:ephemeral", params.path("ephemeral").asInt(0))
                .put("swap", params.path("swap").asInt(0))
                .put("os-flavor-access:is_public", params.path("is_public").asBoolean(true));
        if (params.path("description").isTextual()) {
            flavor.put("description", params.path("description").asText());
        }
        ObjectNode body = CloudWrites.object();
        body.set("flavor", flavor);
        String id;
        try {
            id = context.client().post(ServiceType.COMPUTE, "/flavors", body).path("flavor").path("id").asText();
        }
        catch (SkyliftException e) {
            if (e.code() == ErrorCode.PERMISSION_DENIED) {
                throw new SkyliftException(ErrorCode.PERMISSION_DENIED, "creating flavor " + name + " needs the admin role at the destination:"
                        + " map " + request.resource().ref() + " to an existing flavor, or connect as an admin (" + e.getMessage() + ")", e);
            }
            throw e;
        }
        JsonNode specs = params.path("extra_specs");
        if (!specs.isEmpty()) {
            ObjectNode specsBody = CloudWrites.object();
            specsBody.putObject("extra_specs").setAll(CloudWrites.stringValues(specs));
            try {
                context.client().post(ServiceType.COMPUTE, "/flavors/" + id + "/os-extra_specs", specsBody);
            }
            catch (RuntimeException e) {
                // A flavor without its specs would pass find's check and be reused as it is.
                CloudWrites.deleteAfterFailure(context, ServiceType.COMPUTE, "/flavors/" + id, "flavor " + name, e);
                throw e;
            }
        }
        return id;
    }

    @Override
    public Optional<String> lookup(ResourceRef ref) {
        return named(ref.name()).map(flavor -> flavor.path("id").asText());
    }

    @Override
    public void delete(String id) {
        CloudWrites.deleteAndWait(context, ServiceType.COMPUTE, "/flavors/" + CloudWrites.encode(id), "flavor " + id);
    }

    private Optional<JsonNode> named(String name) {
        // is_public=None lists private flavors too (those an admin sees, or the project may use).
        return CloudWrites.onlyNamed(context.client().list(ServiceType.COMPUTE, "/flavors/detail?is_public=None", "flavors"), name, "flavor");
    }

    private static String size(JsonNode flavor) {
        return flavor.path("vcpus").asInt() + " vCPUs, " + flavor.path("ram").asInt() + " MiB RAM, " + flavor.path("disk").asInt() + " GiB disk";
    }
}
