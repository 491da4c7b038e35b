package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.Map;

/** A Keystone v3 project ({@code GET /projects}) as a global {@code project}. */
final class KeystoneProjectToResource {

    private KeystoneProjectToResource() {}

    static ResourceRef ref(JsonNode project) {
        return ResourceRef.global(ResourceType.PROJECT, project.path("name").asText());
    }

    static Resource convert(JsonNode project) {
        Map<String, Object> params = DocumentFields.of(project)
                .copy("description")
                .copy("enabled")
                .copy("domain_id", "domain")
                .copy("tags")
                .build();
        Map<String, Object> info = DocumentFields.of(project)
                .copy("id")
                .copy("parent_id")
                .build();
        return new Resource(ref(project), params, Map.of(), info, Map.of());
    }
}
