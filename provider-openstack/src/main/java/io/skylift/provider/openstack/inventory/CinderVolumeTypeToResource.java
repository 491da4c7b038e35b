package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.Map;

/** A Cinder volume type ({@code GET /types}) as a global {@code volume_type}. */
final class CinderVolumeTypeToResource {

    private CinderVolumeTypeToResource() {}

    static ResourceRef ref(JsonNode type) {
        return ResourceRef.global(ResourceType.VOLUME_TYPE, DocumentFields.text(type, "name").orElse(type.path("id").asText()));
    }

    static Resource convert(JsonNode type) {
        Map<String, Object> params = DocumentFields.of(type)
                .copy("description")
                .copy("is_public")
                // Only an admin sees extra specs (the backend); a member's listing has none.
                .copy("extra_specs")
                .build();
        Map<String, Object> info = DocumentFields.of(type).copy("id").build();
        return new Resource(ref(type), params, Map.of(), info, Map.of());
    }
}
