package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.List;
import java.util.Map;

/**
 * A Nova server group ({@code GET /os-server-groups}) as a {@code server_group}. It depends on
 * nothing: its members are servers, and a server depends on its group because it must exist
 * when the server boots.
 */
final class NovaServerGroupToResource {

    private NovaServerGroupToResource() {}

    static ResourceRef ref(JsonNode group, ConversionContext context) {
        return ResourceRef.of(ResourceType.SERVER_GROUP, context.projectOwner(group.path("project_id").asText()),
                DocumentFields.text(group, "name").orElse(group.path("id").asText()));
    }

    static Resource convert(JsonNode group, ConversionContext context) {
        String id = group.path("id").asText();
        ResourceRef ref = context.ref(ResourceType.SERVER_GROUP, id).orElseGet(() -> ref(group, context));
        DocumentFields params = DocumentFields.of(group);
        // 2.64 replaced the list "policies" by one "policy" plus "rules"; both read the same.
        if (group.hasNonNull("policy")) {
            params.copy("policy");
        }
        else {
            params.put("policy", group.path("policies").path(0).asText());
        }
        params.copy("rules");
        Map<String, Object> info = DocumentFields.of(group)
                .copy("id")
                .copy("members", "member_ids")
                .build();
        return new Resource(ref, params.build(), Map.<String, List<ResourceRef>>of(), info, Map.of());
    }
}
