package io.skylift.provider.openstack.inventory;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.provider.openstack.ApiReader;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves captured documents by service and path, as the testbed answered user demo; a path it does
 * not serve is denied (HTTP 403), as Keystone denies a member the admin listings. Counts requests,
 * so a test can check each collection is listed once.
 */
final class FakeApiReader implements ApiReader {

    private record Answer(String file, String key) {}

    private final Map<String, Answer> answers = new HashMap<>();
    private final List<String> requests = new ArrayList<>();

    /** The seed as user demo in project demo sees it. */
    static FakeApiReader member() {
        String demo = Fixtures.DEMO_PROJECT;
        return new FakeApiReader()
                .serve(ServiceType.COMPUTE, "/servers/detail", "compute-servers.json", "servers")
                .serve(ServiceType.COMPUTE, "/flavors/detail?is_public=None", "compute-flavors.json", "flavors")
                .serve(ServiceType.COMPUTE, "/os-keypairs", "compute-keypairs.json", "keypairs")
                .serve(ServiceType.COMPUTE, "/os-server-groups", "compute-server-groups.json", "server_groups")
                .serve(ServiceType.COMPUTE, "/os-quota-sets/" + demo, "compute-quota-set.json", null)
                .serve(ServiceType.BLOCK_STORAGE, "/volumes/detail", "volume-volumes.json", "volumes")
                .serve(ServiceType.BLOCK_STORAGE, "/types", "volume-types.json", "volume_types")
                .serve(ServiceType.BLOCK_STORAGE, "/snapshots/detail", "volume-snapshots.json", "snapshots")
                .serve(ServiceType.BLOCK_STORAGE, "/os-quota-sets/" + demo, "volume-quota-set.json", null)
                .serve(ServiceType.IMAGE, "/v2/images", "image-images.json", "images")
                .serve(ServiceType.NETWORK, "/v2.0/networks", "network-networks.json", "networks")
                .serve(ServiceType.NETWORK, "/v2.0/subnets", "network-subnets.json", "subnets")
                .serve(ServiceType.NETWORK, "/v2.0/routers?project_id=" + demo, "network-routers.json", "routers")
                .serve(ServiceType.NETWORK, "/v2.0/ports?project_id=" + demo, "network-ports.json", "ports")
                .serve(ServiceType.NETWORK, "/v2.0/security-groups?project_id=" + demo, "network-security-groups.json",
                        "security_groups")
                .serve(ServiceType.NETWORK, "/v2.0/floatingips?project_id=" + demo, "network-floatingips.json", "floatingips")
                .serve(ServiceType.NETWORK, "/v2.0/quotas/" + demo, "network-quota.json", null)
                .serve(ServiceType.IDENTITY, "/auth/projects", "identity-auth-projects.json", "projects");
    }

    /**
     * What admin may read besides: every project and user, every project's role assignments, the
     * private flavor skylift.private and its access list.
     */
    static FakeApiReader admin() {
        return member()
                .serve(ServiceType.COMPUTE, "/flavors/detail?is_public=None", "compute-flavors-admin.json", "flavors")
                .serve(ServiceType.COMPUTE, "/flavors/" + Fixtures.PRIVATE_FLAVOR + "/os-flavor-access", "compute-flavor-access.json",
                        "flavor_access")
                .serve(ServiceType.COMPUTE, "/os-keypairs", "compute-keypairs-admin.json", "keypairs")
                .serve(ServiceType.COMPUTE, "/os-keypairs?user_id=" + Fixtures.DEMO_USER, "compute-keypairs.json", "keypairs")
                .serve(ServiceType.IDENTITY, "/projects", "identity-projects.json", "projects")
                .serve(ServiceType.IDENTITY, "/users", "identity-users.json", "users")
                .serve(ServiceType.IDENTITY, "/role_assignments?include_names=true", "identity-role-assignments.json", "role_assignments");
    }

    FakeApiReader serve(ServiceType service, String path, String file, String key) {
        answers.put(service + " " + path, new Answer(file, key));
        return this;
    }

    /** Every request so far, as {@code SERVICE path}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public List<JsonNode> list(ServiceType service, String path, String collectionKey) {
        Answer answer = answer(service, path);
        if (!collectionKey.equals(answer.key())) {
            throw new IllegalArgumentException("asked " + path + " for '" + collectionKey + "', it holds '" + answer.key() + "'");
        }
        return Fixtures.items(answer.file(), collectionKey);
    }

    @Override
    public JsonNode get(ServiceType service, String path) {
        return Fixtures.document(answer(service, path).file());
    }

    private Answer answer(ServiceType service, String path) {
        requireNonNull(service, "service is null");
        requireNonNull(path, "path is null");
        requests.add(service + " " + path);
        Answer answer = answers.get(service + " " + path);
        if (answer == null) {
            throw new SkyliftException(ErrorCode.PERMISSION_DENIED, "403 for " + service + " " + path);
        }
        return answer;
    }
}
