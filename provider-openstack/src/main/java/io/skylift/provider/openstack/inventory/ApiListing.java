package io.skylift.provider.openstack.inventory;

import io.skylift.provider.openstack.ApiReader;
import io.skylift.provider.openstack.ServiceType;

/**
 * The collections the inventory lists, each at most once per {@link OpenStackInventory#read}.
 * Paths are relative to the catalog endpoint ({@code /v2.1} for compute, {@code /v3/PROJECT} for
 * block storage, {@code /v3} for identity, the bare host for image and network); {@code {project}}
 * stands for the connection's project id.
 */
enum ApiListing {
    SERVERS(ServiceType.COMPUTE, "/servers/detail", "servers"),
    // Without is_public=None an admin sees only public flavors.
    FLAVORS(ServiceType.COMPUTE, "/flavors/detail?is_public=None", "flavors"),
    KEYPAIRS(ServiceType.COMPUTE, "/os-keypairs", "keypairs"),
    SERVER_GROUPS(ServiceType.COMPUTE, "/os-server-groups", "server_groups"),
    VOLUMES(ServiceType.BLOCK_STORAGE, "/volumes/detail", "volumes"),
    VOLUME_TYPES(ServiceType.BLOCK_STORAGE, "/types", "volume_types"),
    SNAPSHOTS(ServiceType.BLOCK_STORAGE, "/snapshots/detail", "snapshots"),
    IMAGES(ServiceType.IMAGE, "/v2/images", "images"),
    // Networks are filtered after listing: the connection's own plus shared and external ones.
    NETWORKS(ServiceType.NETWORK, "/v2.0/networks", "networks"),
    SUBNETS(ServiceType.NETWORK, "/v2.0/subnets", "subnets"),
    // An admin sees every project's; asking for the own project keeps both roles' answers alike.
    ROUTERS(ServiceType.NETWORK, "/v2.0/routers?project_id={project}", "routers"),
    PORTS(ServiceType.NETWORK, "/v2.0/ports?project_id={project}", "ports"),
    SECURITY_GROUPS(ServiceType.NETWORK, "/v2.0/security-groups?project_id={project}", "security_groups"),
    FLOATING_IPS(ServiceType.NETWORK, "/v2.0/floatingips?project_id={project}", "floatingips"),
    PROJECTS(ServiceType.IDENTITY, "/projects", "projects"),
    /** The projects the connection's user has a role on; allowed to everyone, unlike {@link #PROJECTS}. */
    AUTH_PROJECTS(ServiceType.IDENTITY, "/auth/projects", "projects"),
    USERS(ServiceType.IDENTITY, "/users", "users"),
    ROLE_ASSIGNMENTS(ServiceType.IDENTITY, "/role_assignments?scope.project.id={project}&include_names=true",
            "role_assignments"),
    /** Every project's role assignments, which only an admin may list. */
    ALL_ROLE_ASSIGNMENTS(ServiceType.IDENTITY, "/role_assignments?include_names=true", "role_assignments");

    private final ServiceType service;
    private final String path;
    private final String collectionKey;

    ApiListing(ServiceType service, String path, String collectionKey) {
        this.service = service;
        this.path = path;
        this.collectionKey = collectionKey;
    }

    ServiceType service() {
        return service;
    }

    /** The path for {@link ApiReader#list}, with the connection's project filled in. */
    String path(String projectId) {
        return path.replace("{project}", projectId);
    }

    String collectionKey() {
        return collectionKey;
    }
}
