package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of a private flavor's access list ({@code GET /flavors/<id>/os-flavor-access}, which
 * only an admin may read) as a {@code flavor_access} named {@code <project>/<flavor>}, depending
 * on the flavor and the project. It is a part of the project, not of the flavor: a project brings
 * the private flavors it may use, a server its flavor without every project on the list.
 */
final class NovaFlavorAccessToResource {

    private NovaFlavorAccessToResource() {}

    /** Whether Nova keeps an access list for this flavor: it answers 404 for a public one. */
    static boolean hasAccessList(JsonNode flavor) {
        return !flavor.path("os-flavor-access:is_public").asBoolean(true);
    }

    /**
     * @param flavor      the flavor document the list belongs to
     * @param access      one entry of its list: {@code flavor_id}, {@code tenant_id}
     * @param projectName the name of the entry's project
     */
    static Resource convert(JsonNode flavor, JsonNode access, String projectName) {
        ResourceRef flavorRef = NovaFlavorToResource.ref(flavor);
        String projectId = access.path("tenant_id").asText();
        Map<String, Object> info = DocumentFields.of(access)
                // The id the OpenStack writer gives an access, which Nova has none of.
                .put("id", flavor.path("id").asText() + "/" + projectId)
                .put("flavor_id", flavor.path("id").asText())
                .put("project_id", projectId)
                .build();
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>();
        refs.put("flavor", List.of(flavorRef));
        refs.put("project", List.of(ResourceRef.global(ResourceType.PROJECT, projectName)));
        return new Resource(ResourceRef.of(ResourceType.FLAVOR_ACCESS, projectName, flavorRef.name()), Map.of(), refs, info, Map.of());
    }
}
