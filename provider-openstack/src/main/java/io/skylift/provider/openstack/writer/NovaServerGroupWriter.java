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
 * A {@code server_group} in the connection's project. Groups carry no metadata, so one of that
 * name is taken as the one to use, unless its policy differs: servers would be placed otherwise.
 */
final class NovaServerGroupWriter implements TypeWriter {

    private final WriterContext context;

    NovaServerGroupWriter(WriterContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public ResourceType type() {
        return ResourceType.SERVER_GROUP;
    }

    @Override
    public Optional<String> find(WriteRequest request) {
        String name = request.resource().ref().name();
        String policy = CloudWrites.params(request).path("policy").asText();
        return named(name).map(group -> {
            if (!policy.equals(group.path("policy").asText())) {
                throw new SkyliftException(ErrorCode.ALREADY_EXISTS, "server group " + name + " exists at the destination with policy "
                        + group.path("policy").asText() + ", not " + policy + ": map " + request.resource().ref()
                        + " to an existing group, or rename or delete the destination's (openstack server group delete " + name + ")");
            }
            return group.path("id").asText();
        });
    }

    @Override
    public String create(WriteRequest request) {
        JsonNode params = CloudWrites.params(request);
        ObjectNode group = CloudWrites.object()
                .put("name", request.resource().ref().name())
                .put("policy", params.path("policy").asText());
        if (!params.path("rules").isEmpty()) {
            group.set("rules", params.path("rules"));
        }
        ObjectNode body = CloudWrites.object();
        body.set("server_group", group);
        return context.client().post(ServiceType.COMPUTE, "/os-server-groups", body).path("server_group").path("id").asText();
    }

    @Override
    public Optional<String> lookup(ResourceRef ref) {
        return named(ref.name()).map(group -> group.path("id").asText());
    }

    @Override
    public void delete(String id) {
        CloudWrites.deleteAndWait(context, ServiceType.COMPUTE, "/os-server-groups/" + id, "server group " + id);
    }

    private Optional<JsonNode> named(String name) {
        return CloudWrites.onlyNamed(context.client().list(ServiceType.COMPUTE, "/os-server-groups", "server_groups"), name, "server group");
    }
}
