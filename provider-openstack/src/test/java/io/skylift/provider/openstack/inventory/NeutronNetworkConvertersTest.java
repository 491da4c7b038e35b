package io.skylift.provider.openstack.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Networks, subnets, routers and router interfaces, from the seed's Neutron listings. */
class NeutronNetworkConvertersTest {

    @Test
    void network_ownNetwork_isOwnedByProjectNameWithNoRefs() {
        Resource network = NeutronNetworkToResource.convert(
                Fixtures.item("network-networks.json", "networks", "name", "skylift-net-a"), SeedContext.member());

        assertThat(network.ref()).isEqualTo(ResourceRef.parse("network:demo/skylift-net-a"));
        assertThat(network.refs()).isEmpty();
        assertThat(network.params())
                .containsEntry("admin_state_up", true)
                .containsEntry("shared", false)
                .containsEntry("external", false)
                .containsEntry("mtu", 1450)
                .containsEntry("port_security_enabled", true)
                .doesNotContainKey("provider_network_type");
        assertThat(network.info()).containsEntry("id", "f681171e-04e8-4e4b-a8d6-52bd81563af4");
    }

    @Test
    void network_externalAsMember_isOwnedByTheProjectIdItCannotName() {
        JsonNode document = Fixtures.item("network-networks.json", "networks", "name", "skylift-public");

        assertThat(NeutronNetworkToResource.ref(document, ConversionContext.builder(Fixtures.DEMO_PROJECT).build()))
                .isEqualTo(ResourceRef.parse("network:" + Fixtures.ADMIN_PROJECT + "/skylift-public"));
    }

    @Test
    void network_asAdmin_carriesProviderAttributes() {
        JsonNode document = Fixtures.item("network-networks-admin.json", "networks", "name", "skylift-public");

        Resource network = NeutronNetworkToResource.convert(document, ConversionContext.builder(Fixtures.ADMIN_PROJECT)
                .project(Fixtures.ADMIN_PROJECT, "admin").build());

        assertThat(network.ref()).isEqualTo(ResourceRef.parse("network:admin/skylift-public"));
        assertThat(network.params())
                .containsEntry("external", true)
                .containsEntry("provider_network_type", "flat")
                .containsEntry("provider_physical_network", "public")
                .doesNotContainKey("provider_segmentation_id");
    }

    @Test
    void subnet_ipv6Slaac_keepsModesAndRefersToNetwork() {
        Resource subnet = NeutronSubnetToResource.convert(
                Fixtures.item("network-subnets.json", "subnets", "name", "skylift-subnet-b6"), SeedContext.member());

        assertThat(subnet.ref()).isEqualTo(ResourceRef.parse("subnet:demo/skylift-subnet-b6"));
        assertThat(subnet.refs()).containsExactly(Map.entry("network", List.of(ResourceRef.parse("network:demo/skylift-net-b"))));
        assertThat(subnet.params())
                .containsEntry("ip_version", 6)
                .containsEntry("cidr", "fd00:5c1f:b::/64")
                .containsEntry("ipv6_ra_mode", "slaac")
                .containsEntry("ipv6_address_mode", "slaac")
                .containsEntry("enable_dhcp", true);
    }

    @Test
    void subnet_ipv4_keepsGatewayPoolsAndDns() {
        Resource subnet = NeutronSubnetToResource.convert(
                Fixtures.item("network-subnets.json", "subnets", "name", "skylift-subnet-a"), SeedContext.member());

        assertThat(subnet.params())
                .containsEntry("gateway_ip", "10.10.0.1")
                .containsEntry("allocation_pools", List.of(Map.of("start", "10.10.0.10", "end", "10.10.0.200")))
                .containsEntry("dns_nameservers", List.of("10.10.0.2"))
                .doesNotContainKey("ipv6_ra_mode")
                .doesNotContainKey("host_routes");
    }

    @Test
    void router_withGateway_refersToExternalNetworkAndKeepsAddressInParams() {
        Resource router = NeutronRouterToResource.convert(
                Fixtures.item("network-routers.json", "routers", "name", "skylift-router"), SeedContext.admin());

        assertThat(router.ref()).isEqualTo(ResourceRef.parse("router:demo/skylift-router"));
        assertThat(router.refs()).containsExactly(Map.entry("external_network",
                List.of(ResourceRef.parse("network:" + Fixtures.ADMIN_PROJECT + "/skylift-public"))));
        assertThat(router.params()).containsEntry("external_gateway",
                Map.of("enable_snat", true, "external_fixed_ips", List.of(Map.of("ip_address", "203.0.113.139"))));
        assertThat(router.info()).containsEntry("external_fixed_ips",
                List.of(Map.of("subnet_id", "7d2ee1f0-99b6-4217-a88c-9c775a907294", "ip_address", "203.0.113.139")));
    }

    @Test
    void routerInterface_namedByRouterAndSubnet_refersToBoth() {
        JsonNode port = Fixtures.item("network-ports.json", "ports", "id", "615fd02b-7dcf-4625-8811-885fee4a5790");

        Resource routerInterface = NeutronRouterInterfaceToResource.convert(port, SeedContext.member());

        assertThat(NeutronRouterInterfaceToResource.isRouterInterface(port)).isTrue();
        assertThat(NeutronPortToResource.isResource(port)).isFalse();
        assertThat(routerInterface.ref())
                .isEqualTo(ResourceRef.parse("router_interface:demo/skylift-router/skylift-subnet-a"));
        assertThat(routerInterface.refs()).containsExactly(
                Map.entry("router", List.of(ResourceRef.parse("router:demo/skylift-router"))),
                Map.entry("subnet", List.of(ResourceRef.parse("subnet:demo/skylift-subnet-a"))));
        assertThat(routerInterface.params()).containsEntry("ip_address", "10.10.0.1");
        assertThat(routerInterface.info()).containsEntry("port_id", "615fd02b-7dcf-4625-8811-885fee4a5790");
    }
}
