package io.skylift.provider.openstack.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.model.Resource;
import io.skylift.model.ResourceGraph;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.ServiceType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenStackInventoryTest {

    private static final ConnectionScope DEMO =
            ConnectionScope.of(Fixtures.DEMO_PROJECT, "demo", Fixtures.DEMO_USER, "demo");
    private static final Set<ResourceType> ALL = EnumSet.allOf(ResourceType.class);

    private static ResourceRef ref(String text) {
        return ResourceRef.parse(text);
    }

    @Test
    void read_closureOfWebServer_holdsEverythingItNeedsAndNothingMissing() {
        ResourceGraph inventory = ResourceGraph.of(new OpenStackInventory(FakeApiReader.member(), DEMO).read(ALL));

        ResourceGraph closure = inventory.closure(List.of(ref("server:demo/skylift-web-1")));

        assertThat(closure.missingDependencies()).isEmpty();
        assertThat(closure.resources()).extracting(Resource::ref).containsExactlyInAnyOrder(
                ref("server:demo/skylift-web-1"),
                ref("flavor:skylift.small"),
                ref("image:demo/skylift-cirros-qcow2"),
                ref("keypair:demo/skylift-key"),
                ref("port:demo/skylift-web-1-port"),
                ref("network:demo/skylift-net-a"),
                ref("subnet:demo/skylift-subnet-a"),
                ref("security_group:demo/skylift-web"),
                ref("server_group:demo/skylift-group"),
                // Parts of what the server needs: the group's rules, the subnet's router interface
                // (and so the router and its external network), the port's floating IP.
                ref("security_group_rule:demo/skylift-web/egress-IPv4-any-any-any-any"),
                ref("security_group_rule:demo/skylift-web/egress-IPv6-any-any-any-any"),
                ref("security_group_rule:demo/skylift-web/ingress-IPv4-icmp-any-any-0.0.0.0/0"),
                ref("security_group_rule:demo/skylift-web/ingress-IPv4-tcp-22-22-0.0.0.0/0"),
                ref("security_group_rule:demo/skylift-web/ingress-IPv4-tcp-443-443-0.0.0.0/0"),
                ref("security_group_rule:demo/skylift-web/ingress-IPv4-tcp-80-80-0.0.0.0/0"),
                ref("router_interface:demo/skylift-router/skylift-subnet-a"),
                ref("router:demo/skylift-router"),
                // A member cannot read the admin project's name, so its network is owned by the id.
                ref("network:a9a28c9efabc4db9853bfee728f5d7ef/skylift-public"),
                ref("floating_ip:demo/203.0.113.150"));
        assertThat(closure.topologicalOrder()).extracting(Resource::ref)
                .containsSubsequence(ref("port:demo/skylift-web-1-port"), ref("floating_ip:demo/203.0.113.150"))
                .containsSubsequence(ref("port:demo/skylift-web-1-port"), ref("server:demo/skylift-web-1"))
                .containsSubsequence(ref("router:demo/skylift-router"), ref("router_interface:demo/skylift-router/skylift-subnet-a"));
    }

    @Test
    void read_closureOfDatabaseServer_holdsBothVolumesBothNetworksAndTheRemoteGroup() {
        ResourceGraph inventory = ResourceGraph.of(new OpenStackInventory(FakeApiReader.member(), DEMO).read(ALL));

        ResourceGraph closure = inventory.closure(List.of(
                ref("server:demo/skylift-db-1"),
                ref("security_group_rule:demo/skylift-db/ingress-IPv4-tcp-5432-5432-group-skylift-web")));

        assertThat(closure.resources()).extracting(Resource::ref).contains(
                ref("volume:demo/skylift-db-1-boot"),
                ref("volume:demo/skylift-data"),
                ref("volume_type:__DEFAULT__"),
                ref("port:demo/skylift-db-1/skylift-net-a"),
                ref("port:demo/skylift-db-1/skylift-net-b"),
                ref("subnet:demo/skylift-subnet-b4"),
                ref("subnet:demo/skylift-subnet-b6"),
                ref("security_group:demo/skylift-db"),
                ref("security_group:demo/skylift-web"))
                .doesNotContain(ref("image:demo/skylift-raw"));
    }

    @Test
    void read_everythingAsMember_hasNoMissingDependencyAndAnOrder() {
        ResourceGraph inventory = ResourceGraph.of(new OpenStackInventory(FakeApiReader.member(), DEMO).read(ALL));

        assertThat(inventory.missingDependencies()).isEmpty();
        assertThat(inventory.topologicalOrder()).hasSize(inventory.size());
        assertThat(inventory.resources()).extracting(Resource::ref).contains(
                ref("router:demo/skylift-router"),
                ref("router_interface:demo/skylift-router/skylift-subnet-a"),
                ref("router_interface:demo/skylift-router/skylift-subnet-b4"),
                ref("floating_ip:demo/203.0.113.150"),
                ref("network:" + Fixtures.ADMIN_PROJECT + "/skylift-public"),
                ref("quota:demo/compute"),
                ref("quota:demo/volume"),
                ref("quota:demo/network"),
                ref("security_group_rule:demo/default/ingress-IPv4-any-any-any-group-default"));
    }

    @Test
    void read_identityAsMember_leavesOutWhatKeystoneDenies() {
        List<Resource> identity = new OpenStackInventory(FakeApiReader.member(), DEMO)
                .read(EnumSet.of(ResourceType.PROJECT, ResourceType.USER, ResourceType.ROLE_ASSIGNMENT));

        assertThat(identity).isEmpty();
    }

    @Test
    void read_asAdmin_namesTheAdminProjectAndReadsIdentity() {
        ConnectionScope admin = ConnectionScope.of(Fixtures.DEMO_PROJECT, "demo", "f3d6bbe51fad423eb6da4a1b669f9f14", "admin");

        ResourceGraph inventory = ResourceGraph.of(new OpenStackInventory(FakeApiReader.admin(), admin).read(ALL));

        assertThat(inventory.contains(ref("network:admin/skylift-public"))).isTrue();
        assertThat(inventory.contains(ref("project:demo"))).isTrue();
        assertThat(inventory.contains(ref("user:demo"))).isTrue();
        assertThat(inventory.contains(ref("role_assignment:demo/demo/member"))).isTrue();
        assertThat(inventory.missingDependencies()).isEmpty();
    }

    @Test
    void read_asAdmin_aProjectBringsItsRoleAssignmentsQuotasAndUsers() {
        ConnectionScope admin = ConnectionScope.of(Fixtures.ADMIN_PROJECT, "admin", "f3d6bbe51fad423eb6da4a1b669f9f14", "admin");

        ResourceGraph closure = ResourceGraph.of(new OpenStackInventory(FakeApiReader.admin(), admin).read(ALL))
                .closure(List.of(ref("project:demo")));

        assertThat(closure.resources()).extracting(Resource::ref).contains(
                ref("project:demo"),
                ref("role_assignment:demo/demo/member"),
                ref("user:demo"),
                ref("quota:demo/compute"),
                ref("quota:demo/volume"),
                ref("quota:demo/network"));
        assertThat(closure.find(ref("quota:demo/compute")).orElseThrow().refs()).containsEntry("project", List.of(ref("project:demo")));
        assertThat(closure.missingDependencies()).isEmpty();
    }

    @Test
    void read_asAdmin_aProjectBringsItsFlavorAccessesAndThroughThemThePrivateFlavor() {
        ConnectionScope admin = ConnectionScope.of(Fixtures.ADMIN_PROJECT, "admin", "f3d6bbe51fad423eb6da4a1b669f9f14", "admin");

        ResourceGraph closure = ResourceGraph.of(new OpenStackInventory(FakeApiReader.admin(), admin).read(ALL))
                .closure(List.of(ref("project:demo")));

        assertThat(closure.resources()).extracting(Resource::ref)
                .contains(ref("flavor_access:demo/skylift.private"), ref("flavor:skylift.private"))
                .doesNotContain(ref("flavor_access:admin/skylift.private"), ref("flavor:skylift.small"));
        Resource access = closure.find(ref("flavor_access:demo/skylift.private")).orElseThrow();
        assertThat(access.info()).containsEntry("id", Fixtures.PRIVATE_FLAVOR + "/" + Fixtures.DEMO_PROJECT);
        assertThat(closure.missingDependencies()).isEmpty();
    }

    @Test
    void read_asAdmin_readsTheAccessListOfPrivateFlavorsOnly_andLeavesOutProjectsKeystoneLacks() {
        FakeApiReader reader = FakeApiReader.admin();

        List<Resource> accesses = new OpenStackInventory(reader, DEMO).read(EnumSet.of(ResourceType.FLAVOR_ACCESS));

        assertThat(accesses).extracting(Resource::ref).containsExactlyInAnyOrder(
                ref("flavor_access:demo/skylift.private"), ref("flavor_access:admin/skylift.private"));
        assertThat(reader.requests()).filteredOn(request -> request.contains("os-flavor-access"))
                .containsExactly("COMPUTE /flavors/" + Fixtures.PRIVATE_FLAVOR + "/os-flavor-access");
    }

    @Test
    void read_asAdmin_aServerBringsItsFlavorButNoFlavorAccess() {
        ConnectionScope admin = ConnectionScope.of(Fixtures.DEMO_PROJECT, "demo", "f3d6bbe51fad423eb6da4a1b669f9f14", "admin");
        ResourceGraph inventory = ResourceGraph.of(new OpenStackInventory(FakeApiReader.admin(), admin).read(ALL));

        ResourceGraph closure = inventory.closure(List.of(ref("server:demo/skylift-web-1")));

        assertThat(inventory.resources()).extracting(resource -> resource.ref().type()).contains(ResourceType.FLAVOR_ACCESS);
        assertThat(closure.resources()).extracting(Resource::ref).contains(ref("flavor:skylift.small"));
        assertThat(closure.resources()).extracting(resource -> resource.ref().type()).doesNotContain(ResourceType.FLAVOR_ACCESS);
    }

    @Test
    void read_asMember_readsNoFlavorAccess_evenOfAPrivateFlavorItSees() {
        // A member lists the private flavors its project may use, but not who else may.
        FakeApiReader reader = FakeApiReader.member()
                .serve(ServiceType.COMPUTE, "/flavors/detail?is_public=None", "compute-flavors-admin.json", "flavors");

        List<Resource> resources = new OpenStackInventory(reader, DEMO).read(ALL);

        assertThat(resources).extracting(Resource::ref).contains(ref("flavor:skylift.private"));
        assertThat(resources).extracting(resource -> resource.ref().type()).doesNotContain(ResourceType.FLAVOR_ACCESS);
        assertThat(reader.requests()).noneMatch(request -> request.contains("os-flavor-access"));
    }

    @Test
    void read_knownProjects_nameOwnersTheConnectionCannotList() {
        ConnectionScope scope = new ConnectionScope(Fixtures.DEMO_PROJECT, "demo", Fixtures.DEMO_USER, "demo",
                java.util.Map.of(Fixtures.ADMIN_PROJECT, "admin"));

        List<Resource> networks = new OpenStackInventory(FakeApiReader.member(), scope).read(EnumSet.of(ResourceType.NETWORK));

        assertThat(networks).extracting(Resource::ref).containsExactlyInAnyOrder(
                ref("network:demo/skylift-net-a"), ref("network:demo/skylift-net-b"), ref("network:admin/skylift-public"));
    }

    @Test
    void read_everything_listsEachCollectionOnce() {
        FakeApiReader reader = FakeApiReader.admin();

        new OpenStackInventory(reader, DEMO).read(ALL);

        assertThat(reader.requests()).doesNotHaveDuplicates();
    }

    @Test
    void read_flavorsOnly_listsOnlyFlavors() {
        FakeApiReader reader = FakeApiReader.member();

        List<Resource> flavors = new OpenStackInventory(reader, DEMO).read(EnumSet.of(ResourceType.FLAVOR));

        assertThat(flavors).extracting(Resource::ref).containsExactly(ref("flavor:skylift.small"));
        assertThat(reader.requests()).containsExactly("COMPUTE /flavors/detail?is_public=None");
    }

    @Test
    void read_twoNetworksWithOneName_renamesBothByIdPrefix() {
        FakeApiReader reader = FakeApiReader.member()
                .serve(io.skylift.provider.openstack.ServiceType.NETWORK, "/v2.0/networks", "network-networks-same-name.json",
                        "networks");

        List<Resource> networks = new OpenStackInventory(reader, DEMO).read(EnumSet.of(ResourceType.NETWORK));

        assertThat(networks).extracting(network -> network.ref().name())
                .containsExactlyInAnyOrder("twin~60e93d5b", "twin~f681171e", "skylift-public");
    }
}
