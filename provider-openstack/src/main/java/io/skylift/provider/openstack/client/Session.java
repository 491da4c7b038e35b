package io.skylift.provider.openstack.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What Keystone said about the current token, without the token itself.
 *
 * @param project the scoped project's id and name, empty for a domain-scoped token
 * @param domain  the scoped domain's name, empty for a project-scoped token
 */
public record Session(
        String userId,
        String userName,
        Optional<NamedId> project,
        Optional<NamedId> domain,
        List<String> roles,
        Instant issuedAt,
        Instant expiresAt,
        ServiceCatalog catalog) {

    public Session {
        requireNonNull(userId, "userId is null");
        requireNonNull(userName, "userName is null");
        requireNonNull(project, "project is null");
        requireNonNull(domain, "domain is null");
        roles = List.copyOf(requireNonNull(roles, "roles is null"));
        requireNonNull(issuedAt, "issuedAt is null");
        requireNonNull(expiresAt, "expiresAt is null");
        requireNonNull(catalog, "catalog is null");
    }

    /** An id with its name, as Keystone reports projects and domains. */
    public record NamedId(String id, String name) {
        public NamedId {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
        }
    }

    /** Whether the token carries the {@code admin} role, which the identity resources need. */
    public boolean isAdmin() {
        return roles.contains("admin");
    }
}
