package io.skylift.provider.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.model.Resource;
import io.skylift.model.ResourceGraph;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.model.Scope;
import io.skylift.spi.Inventory;
import io.skylift.spi.Provider;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inventory of skylift-src as testbed/seed made it, read through the real client: every
 * seeded resource found, with the attributes and references the seed gave it.
 */
class OpenStackInventoryIT {

    private static Map<ResourceRef, Resource> demo;
    private static Map<ResourceRef, Resource> admin;

    @BeforeAll
    static void read() {
        demo = inventory("skylift-src-demo");
        admin = inventory("skylift-src");
    }

    private static Map<ResourceRef, Resource> inventory(String cloud) {
        try (Provider provider = Testbed.factory().connect(Testbed.connection(cloud))) {
            List<Resource> resources = provider.capability(Inventory.class).orElseThrow().read(EnumSet.allOf(ResourceType.class));
            return resources.stream().collect(Collectors.toMap(Resource::ref, Function.identity()));
        }
    }

    private static Resource demo(ResourceType type, String name) {
        ResourceRef ref = type.scope() == Scope.GLOBAL ? ResourceRef.global(type, name)
                : ResourceRef.of(type, "demo", name);
        assertThat(demo).as("inventory of demo").containsKey(ref);
        return demo.get(ref);
    }

    private static List<ResourceRef> refs(Resource resource, String role) {
        return resource.refs().getOrDefault(role, List.of());
    }

    @Test
    void everySeededResourceIsFound() {
        Set<String> names = demo.keySet().stream().map(ResourceRef::toString).collect(Collectors.toSet());
        assertThat(names).contains(
                "flavor:skylift.small", "keypair:demo/skylift-key", "server_group:demo/skylift-group",
                "image:demo/skylift-cirros-qcow2", "image:demo/skylift-raw",
                "network:demo/skylift-net-a", "network:demo/skylift-net-b",
                "subnet:demo/skylift-subnet-a", "subnet:demo/skylift-subnet-b4", "subnet:demo/skylift-subnet-b6",
                "router:demo/skylift-router", "security_group:demo/skylift-web", "security_group:demo/skylift-db",
                "port:demo/skylift-web-1-port", "floating_ip:demo/203.0.113.150",
                "volume:demo/skylift-db-1-boot", "volume:demo/skylift-data",
                "server:demo/skylift-web-1", "server:demo/skylift-db-1");
    }

    @Test
    void webServer_keepsItsFlavorImageKeyPortGroupMetadataAndTags() {
        Resource web = demo(ResourceType.SERVER, "skylift-web-1");

        assertThat(refs(web, "flavor")).containsExactly(ResourceRef.global(ResourceType.FLAVOR, "skylift.small"));
        assertThat(refs(web, "image")).containsExactly(ResourceRef.of(ResourceType.IMAGE, "demo", "skylift-cirros-qcow2"));
        assertThat(refs(web, "keypair")).containsExactly(ResourceRef.of(ResourceType.KEYPAIR, "demo", "skylift-key"));
        assertThat(refs(web, "ports")).containsExactly(ResourceRef.of(ResourceType.PORT, "demo", "skylift-web-1-port"));
        assertThat(refs(web, "server_group")).containsExactly(ResourceRef.of(ResourceType.SERVER_GROUP, "demo", "skylift-group"));
        assertThat(web.params()).containsEntry("metadata", Map.of("role", "web", "owner", "skylift"));
        assertThat(web.params().get("tags")).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactlyInAnyOrder("skylift", "web");
        assertThat(web.info()).containsEntry("status", "ACTIVE");
    }

    @Test
    void dbServer_bootsFromItsVolumeWithTheDataVolumeAttached() {
        Resource db = demo(ResourceType.SERVER, "skylift-db-1");

        assertThat(refs(db, "volumes")).containsExactly(
                ResourceRef.of(ResourceType.VOLUME, "demo", "skylift-db-1-boot"),
                ResourceRef.of(ResourceType.VOLUME, "demo", "skylift-data"));
        assertThat(refs(db, "image")).isEmpty();
        assertThat(refs(db, "ports")).hasSize(2);
        assertThat(refs(db, "security_groups")).containsExactly(ResourceRef.of(ResourceType.SECURITY_GROUP, "demo", "skylift-db"));
        Resource data = demo(ResourceType.VOLUME, "skylift-data");
        assertThat(data.params()).containsEntry("size", 1);
        assertThat(data.params().get("metadata")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsKey("skylift_seed_sha256_4mib");
        assertThat(demo(ResourceType.VOLUME, "skylift-db-1-boot").params()).containsEntry("bootable", true);
    }

    @Test
    void portKeepsItsFixedIpAndTheFloatingIpPointsAtIt() {
        Resource port = demo(ResourceType.PORT, "skylift-web-1-port");
        assertThat(port.params().toString()).contains("10.10.0.10");
        assertThat(refs(port, "network")).containsExactly(ResourceRef.of(ResourceType.NETWORK, "demo", "skylift-net-a"));
        assertThat(refs(port, "security_groups")).containsExactly(ResourceRef.of(ResourceType.SECURITY_GROUP, "demo", "skylift-web"));

        Resource floating = demo(ResourceType.FLOATING_IP, "203.0.113.150");
        assertThat(refs(floating, "port")).containsExactly(port.ref());
    }

    @Test
    void subnetsKeepTheirCidrsAndTheIpv6Modes() {
        assertThat(demo(ResourceType.SUBNET, "skylift-subnet-a").params()).containsEntry("cidr", "10.10.0.0/24").containsEntry("gateway_ip", "10.10.0.1");
        assertThat(demo(ResourceType.SUBNET, "skylift-subnet-b6").params())
                .containsEntry("ip_version", 6).containsEntry("ipv6_address_mode", "slaac").containsEntry("ipv6_ra_mode", "slaac");
    }

    @Test
    void routerHasItsGatewayAndBothInterfaces() {
        Resource router = demo(ResourceType.ROUTER, "skylift-router");
        assertThat(router.dependencies()).anyMatch(ref -> ref.type() == ResourceType.NETWORK && ref.name().equals("skylift-public"));
        assertThat(demo.keySet()).filteredOn(ref -> ref.type() == ResourceType.ROUTER_INTERFACE)
                .extracting(ResourceRef::name)
                .containsExactlyInAnyOrder("skylift-router/skylift-subnet-a", "skylift-router/skylift-subnet-b4");
    }

    @Test
    void remoteGroupRuleReferencesTheWebGroup() {
        Resource rule = demo(ResourceType.SECURITY_GROUP_RULE, "skylift-db/ingress-IPv4-tcp-5432-5432-group-skylift-web");
        assertThat(rule.dependencies()).containsExactlyInAnyOrder(
                ResourceRef.of(ResourceType.SECURITY_GROUP, "demo", "skylift-db"),
                ResourceRef.of(ResourceType.SECURITY_GROUP, "demo", "skylift-web"));
    }

    @Test
    void imagesKeepFormatsAndChecksums() {
        Resource qcow2 = demo(ResourceType.IMAGE, "skylift-cirros-qcow2");
        assertThat(qcow2.params()).containsEntry("disk_format", "qcow2");
        assertThat(qcow2.info()).containsKeys("id", "size", "checksum");
        assertThat(demo(ResourceType.IMAGE, "skylift-raw").params()).containsEntry("disk_format", "raw");
    }

    @Test
    void flavorKeepsItsExtraSpecs() {
        Resource flavor = demo(ResourceType.FLAVOR, "skylift.small");
        assertThat(flavor.params()).containsEntry("vcpus", 1).containsEntry("ram", 256).containsEntry("disk", 1);
        assertThat(flavor.params().toString()).contains("skylift:tier");
    }

    @Test
    void closureOfTheWebServer_hasNoMissingDependency() {
        ResourceGraph graph = ResourceGraph.of(demo.values());
        ResourceGraph closed = graph.closure(List.of(ResourceRef.of(ResourceType.SERVER, "demo", "skylift-web-1")));
        assertThat(closed.missingDependencies()).isEmpty();
        // Parts come along: the floating IP on its port, the router through its interface on the subnet.
        assertThat(closed.topologicalOrder()).extracting(Resource::ref).containsSubsequence(
                ResourceRef.of(ResourceType.PORT, "demo", "skylift-web-1-port"), ResourceRef.of(ResourceType.SERVER, "demo", "skylift-web-1"));
        assertThat(closed.contains(ResourceRef.of(ResourceType.FLOATING_IP, "demo", "203.0.113.150"))).isTrue();
        assertThat(closed.contains(ResourceRef.of(ResourceType.ROUTER, "demo", "skylift-router"))).isTrue();
    }

    @Test
    void admin_alsoSeesProjectsUsersRoleAssignmentsAndQuotas() {
        Set<String> names = admin.keySet().stream().map(ResourceRef::toString).collect(Collectors.toSet());
        assertThat(names).contains("project:admin", "user:admin", "role_assignment:admin/admin/admin");
        assertThat(admin.keySet()).anyMatch(ref -> ref.type() == ResourceType.QUOTA);
        assertThat(demo.keySet()).noneMatch(ref -> ref.type() == ResourceType.USER || ref.type() == ResourceType.ROLE_ASSIGNMENT);
    }
}
