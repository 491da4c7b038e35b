package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service's quotas for one project as a {@code quota} named {@code <project>/<service>}:
 * Nova's and Cinder's {@code os-quota-sets/PROJECT} ({@code quota_set}) and Neutron's
 * {@code quotas/PROJECT} ({@code quota}). Read by an admin, it refers to its project, which it
 * is part of (the project brings its quotas along, and they land on the project it becomes at the
 * destination, prefixed or not); read by a member, who may read their own quotas but not
 * projects, it refers to nothing and lands on the project its owner names.
 */
final class QuotaSetToResource {

    private QuotaSetToResource() {}

    /**
     * @param service        {@code compute}, {@code volume} or {@code network}
     * @param withProjectRef whether the project is a resource the inventory holds
     */
    static Resource convert(String projectId, String projectName, String service, JsonNode document, boolean withProjectRef) {
        JsonNode quotas = document.has("quota_set") ? document.path("quota_set") : document.path("quota");
        Map<String, Object> limits = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : quotas.properties()) {
            if (!field.getKey().equals("id") && field.getValue().isNumber()) {
                limits.put(field.getKey(), JsonNodeToTree.convert(field.getValue()));
            }
        }
        // The id the OpenStack writer gives a project's quotas of one service.
        Map<String, Object> info = Map.of("id", projectId + "/" + service, "project_id", projectId);
        Map<String, List<ResourceRef>> refs = withProjectRef ? Map.of("project", List.of(ResourceRef.global(ResourceType.PROJECT, projectName)))
                : Map.of();
        return new Resource(ResourceRef.of(ResourceType.QUOTA, projectName, service), limits, refs, info, Map.of());
    }
}
