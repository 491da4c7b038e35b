package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Keystone v3 role assignment of a user on a project ({@code GET /role_assignments?include_names=true})
 * as a {@code role_assignment} named {@code <project>/<user>/<role>}, depending on the project and
 * the user. Assignments to groups, and on domains or the system, are not carried yet.
 */
final class KeystoneRoleAssignmentToResource {

    private KeystoneRoleAssignmentToResource() {}

    /** Whether this assignment gives a user a role on a project, the one kind carried. */
    static boolean isUserOnProject(JsonNode assignment) {
        return assignment.path("user").hasNonNull("name") && assignment.path("scope").path("project").hasNonNull("name");
    }

    static ResourceRef ref(JsonNode assignment) {
        String project = assignment.path("scope").path("project").path("name").asText();
        return ResourceRef.of(ResourceType.ROLE_ASSIGNMENT, project,
                assignment.path("user").path("name").asText() + "/" + assignment.path("role").path("name").asText());
    }

    static Resource convert(JsonNode assignment) {
        JsonNode project = assignment.path("scope").path("project");
        JsonNode user = assignment.path("user");
        Map<String, Object> params = DocumentFields.of(assignment)
                .put("role", assignment.path("role").path("name").asText())
                .build();
        Map<String, Object> info = DocumentFields.of(assignment)
                // The id the OpenStack writer gives an assignment, which Keystone has none of.
                .put("id", project.path("id").asText() + "/" + user.path("id").asText() + "/" + assignment.path("role").path("id").asText())
                .put("project_id", project.path("id").asText())
                .put("user_id", user.path("id").asText())
                .put("role_id", assignment.path("role").path("id").asText())
                .build();
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>();
        refs.put("project", List.of(ResourceRef.global(ResourceType.PROJECT, project.path("name").asText())));
        refs.put("user", List.of(ResourceRef.global(ResourceType.USER, user.path("name").asText())));
        return new Resource(ref(assignment), params, refs, info, Map.of());
    }
}
