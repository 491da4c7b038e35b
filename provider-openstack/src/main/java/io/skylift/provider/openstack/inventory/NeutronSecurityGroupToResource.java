package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.Map;

/**
 * A Neutron security group ({@code GET /v2.0/security-groups}) as a {@code security_group}. It
 * depends on nothing, not even its rules: the rules depend on it (and on their remote group), so
 * the default group, whose rules allow traffic from itself, makes no cycle.
 */
final class NeutronSecurityGroupToResource {

    private NeutronSecurityGroupToResource() {}

    static ResourceRef ref(JsonNode group, ConversionContext context) {
        return ResourceRef.of(ResourceType.SECURITY_GROUP, context.projectOwner(group.path("project_id").asText()),
                DocumentFields.text(group, "name").orElse(group.path("id").asText()));
    }

    static Resource convert(JsonNode group, ConversionContext context) {
        String id = group.path("id").asText();
        ResourceRef ref = context.ref(ResourceType.SECURITY_GROUP, id).orElseGet(() -> ref(group, context));
        Map<String, Object> params = DocumentFields.of(group)
                .copy("description")
                .copy("stateful")
                .copy("tags")
                .build();
        Map<String, Object> info = DocumentFields.of(group)
                .copy("id")
                .copy("shared")
                .copy("created_at")
                .build();
        return new Resource(ref, params, Map.of(), info, Map.of());
    }
}
