package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One service's quotas for one project as a {@code quota} named {@code <project>/<service>}:
 * Nova's and Cinder's {@code os-quota-sets/PROJECT} ({@code quota_set}) and Neutron's
 * {@code quotas/PROJECT} ({@code quota}). It depends on nothing: quotas are set on a project that
 * exists, and a member, who may read their own quotas, may not read projects.
 */
final class QuotaSetToResource {

    private QuotaSetToResource() {}

    /** @param service {@code compute}, {@code volume} or {@code network} */
    static Resource convert(String projectName, String service, JsonNode document) {
        JsonNode quotas = document.has("quota_set") ? document.path("quota_set") : document.path("quota");
        Map<String, Object> limits = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : quotas.properties()) {
            if (!field.getKey().equals("id") && field.getValue().isNumber()) {
                limits.put(field.getKey(), JsonNodeToTree.convert(field.getValue()));
            }
        }
        Map<String, Object> info = DocumentFields.of(quotas).copy("id", "project_id").build();
        return new Resource(ResourceRef.of(ResourceType.QUOTA, projectName, service), limits, Map.of(), info, Map.of());
    }
}
