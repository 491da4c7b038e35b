package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.Map;

/** A Nova flavor ({@code GET /flavors/detail}, extra specs embedded since 2.61) as a global {@code flavor}. */
final class NovaFlavorToResource {

    private NovaFlavorToResource() {}

    static ResourceRef ref(JsonNode flavor) {
        return ResourceRef.global(ResourceType.FLAVOR,
                DocumentFields.text(flavor, "name").orElse(flavor.path("id").asText()));
    }

    static Resource convert(JsonNode flavor) {
        Map<String, Object> params = DocumentFields.of(flavor)
                .copy("description")
                .copy("vcpus")
                .copy("ram")
                .copy("disk")
                .copy("OS-FLV-EXT-DATA:ephemeral", "ephemeral")
                // Nova reports "no swap" as "" before 2.75 and 0 after; both mean 0.
                .put("swap", flavor.path("swap").asInt(0))
                .copy("os-flavor-access:is_public", "is_public")
                .copy("extra_specs")
                .build();
        Map<String, Object> info = DocumentFields.of(flavor)
                .copy("id")
                .copy("OS-FLV-DISABLED:disabled", "disabled")
                .copy("rxtx_factor")
                .build();
        return new Resource(ref(flavor), params, Map.of(), info, Map.of());
    }
}
