package io.skylift.provider.openstack.writer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.ResourceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates a {@code security_group} ({@code POST /v2.0/security-groups}); its rules are
 * {@code security_group_rule} resources of their own. Neutron gives every new group two egress
 * rules, which {@link NeutronSecurityGroupRuleWriter#find} then finds for the source's copies.
 *
 * <p>Every project has a group named {@code default} already, and Neutron refuses a second one,
 * so the source's default group becomes the destination project's: it is tagged, not created, and
 * {@link #delete} takes the tag off again instead of deleting it.
 */
final class NeutronSecurityGroupWriter extends NeutronTaggedWriter {

    static final String DEFAULT_GROUP = "default";

    NeutronSecurityGroupWriter(WriterContext context) {
        super(ResourceType.SECURITY_GROUP, context, "security_groups", "security_group", "secgroups");
    }

    @Override
    ObjectNode fields(WriteRequest request) {
        return named(request, "description", "stateful");
    }

    @Override
    public String create(WriteRequest request) {
        if (!request.resource().ref().name().equals(DEFAULT_GROUP)) {
            return super.create(request);
        }
        String id = collection.findNamed(DEFAULT_GROUP).orElseThrow(() -> new SkyliftException(ErrorCode.NOT_FOUND,
                "project " + collection.project() + " has no security group named default to take the source's default group's rules: "
                        + "list the project's security groups once (openstack security group list) and Neutron makes it"));
        List<String> tags = tags(collection.get(id));
        tags.add(NeutronCollection.markerTag(request.marker()));
        collection.tag(id, tags);
        return id;
    }

    @Override
    public void delete(String id) {
        JsonNode group;
        try {
            group = collection.get(id);
        }
        catch (SkyliftException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return;
            }
            throw collection.failure("read security group " + id + " before deleting it", e, "");
        }
        if (group.path("name").asText().equals(DEFAULT_GROUP)) {
            List<String> tags = tags(group);
            tags.removeIf(tag -> tag.startsWith(NeutronCollection.MARKER_PREFIX));
            collection.tag(id, tags);
            return;
        }
        collection.delete(id);
    }

    private static List<String> tags(JsonNode document) {
        List<String> tags = new ArrayList<>();
        document.path("tags").forEach(tag -> tags.add(tag.asText()));
        return tags;
    }
}
