package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.Map;

/**
 * A Nova keypair ({@code GET /os-keypairs}) as a {@code keypair} owned by its user. The listing
 * wraps each item in {@code {"keypair": ...}} and names no user: it is the connection's user's.
 */
final class NovaKeypairToResource {

    private NovaKeypairToResource() {}

    /** @param userName the user the keypair belongs to, the listing connection's user */
    static ResourceRef ref(JsonNode item, String userName) {
        return ResourceRef.of(ResourceType.KEYPAIR, userName, keypair(item).path("name").asText());
    }

    static Resource convert(JsonNode item, String userName) {
        JsonNode keypair = keypair(item);
        Map<String, Object> params = DocumentFields.of(keypair)
                .copy("public_key")
                .copy("type")
                .build();
        Map<String, Object> info = DocumentFields.of(keypair)
                .copy("fingerprint")
                .copy("created_at")
                .build();
        return new Resource(ref(item, userName), params, Map.of(), info, Map.of());
    }

    private static JsonNode keypair(JsonNode item) {
        return item.has("keypair") ? item.path("keypair") : item;
    }
}
