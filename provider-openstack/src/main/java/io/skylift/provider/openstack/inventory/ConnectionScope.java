package io.skylift.provider.openstack.inventory;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * Who the inventory reads as, from the token: the project and user it is scoped to, and the names
 * of other projects the caller already knows. A member may not list projects, so without
 * {@code knownProjects} a network shared by the admin project is owned by a bare project id.
 *
 * @param knownProjects project id to name; the scope's own project need not be repeated
 */
public record ConnectionScope(String projectId, String projectName, String userId, String userName,
        Map<String, String> knownProjects) {

    public ConnectionScope {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(projectName, "projectName is null");
        requireNonNull(userId, "userId is null");
        requireNonNull(userName, "userName is null");
        knownProjects = Map.copyOf(requireNonNull(knownProjects, "knownProjects is null"));
    }

    /** A scope that knows no project names but its own. */
    public static ConnectionScope of(String projectId, String projectName, String userId, String userName) {
        return new ConnectionScope(projectId, projectName, userId, userName, Map.of());
    }
}
