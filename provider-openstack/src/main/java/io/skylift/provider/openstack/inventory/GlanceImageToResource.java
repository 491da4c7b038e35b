package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A Glance v2 image ({@code GET /v2/images}) as an {@code image} owned by its owner project. Glance
 * puts custom properties at the top level beside its own fields; every field not in
 * {@link #GLANCE_FIELDS} is a property.
 */
final class GlanceImageToResource {

    /** Fields Glance itself sets or computes, as opposed to properties the owner set. */
    static final Set<String> GLANCE_FIELDS = Set.of("id", "name", "status", "visibility", "protected", "os_hidden",
            "checksum", "os_hash_algo", "os_hash_value", "owner", "size", "virtual_size", "min_disk", "min_ram",
            "disk_format", "container_format", "created_at", "updated_at", "tags", "self", "file", "schema",
            "locations", "direct_url", "stores");

    private GlanceImageToResource() {}

    static ResourceRef ref(JsonNode image, ConversionContext context) {
        return ResourceRef.of(ResourceType.IMAGE, context.projectOwner(image.path("owner").asText()),
                DocumentFields.text(image, "name").orElse(image.path("id").asText()));
    }

    static Resource convert(JsonNode image, ConversionContext context) {
        String id = image.path("id").asText();
        ResourceRef ref = context.ref(ResourceType.IMAGE, id).orElseGet(() -> ref(image, context));
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : image.properties()) {
            Object value = JsonNodeToTree.convert(field.getValue());
            if (!GLANCE_FIELDS.contains(field.getKey()) && value != null) {
                properties.put(field.getKey(), value);
            }
        }
        Map<String, Object> params = DocumentFields.of(image)
                .copy("disk_format")
                .copy("container_format")
                .copy("min_disk")
                .copy("min_ram")
                .copy("visibility")
                .copy("protected")
                .copy("os_hidden")
                .copy("tags")
                .put("properties", properties)
                .build();
        Map<String, Object> info = DocumentFields.of(image)
                .copy("id")
                .copy("status")
                .copy("size")
                .copy("virtual_size")
                .copy("checksum")
                .copy("os_hash_algo")
                .copy("os_hash_value")
                .copy("created_at")
                .build();
        return new Resource(ref, params, Map.of(), info, Map.of());
    }
}
