package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.List;
import java.util.Map;

/**
 * A Keystone v3 user ({@code GET /users}) as a global {@code user}, depending on its default
 * project when it has one. Keystone never returns a password; a migration sets a new one.
 */
final class KeystoneUserToResource {

    private KeystoneUserToResource() {}

    static ResourceRef ref(JsonNode user) {
        return ResourceRef.global(ResourceType.USER, user.path("name").asText());
    }

    static Resource convert(JsonNode user, ConversionContext context) {
        Map<String, Object> params = DocumentFields.of(user)
                .copy("description")
                .copy("email")
                .copy("enabled")
                .copy("domain_id", "domain")
                .build();
        Map<String, Object> info = DocumentFields.of(user)
                .copy("id")
                .copy("default_project_id")
                .copy("password_expires_at")
                .build();
        Map<String, List<ResourceRef>> refs = DocumentFields.text(user, "default_project_id")
                .map(project -> Map.of("default_project", List.of(context.refTo(ResourceType.PROJECT, project, null))))
                .orElse(Map.of());
        return new Resource(ref(user), params, refs, info, Map.of());
    }
}
