package io.skylift.provider.openstack.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ports, floating IPs, security groups and their rules, from the seed's Neutron listings. */
class NeutronPortConvertersTest {

    private static JsonNode port(String id) {
        return Fixtures.item("network-ports.json", "ports", "id", id);
    }

    private static JsonNode rule(String id) {
        return Fixtures.items("network-security-groups.json", "security_groups").stream()
                .flatMap(group -> group.path("security_group_rules").valueStream())
                .filter(rule -> id.equals(rule.path("id").asText()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void port_named_keepsFixedIpBySubnetAndRefersToNetworkSubnetAndGroup() {
        Resource port = NeutronPortToResource.convert(port("72a3683b-d018-49ee-a1db-ae4e6439b211"), SeedContext.member());

        assertThat(port.ref()).isEqualTo(ResourceRef.parse("port:demo/skylift-web-1-port"));
        assertThat(port.params())
                .containsEntry("mac_address", "fa:16:3e:e4:cd:e8")
                .containsEntry("fixed_ips", List.of(Map.of("subnet", "skylift-subnet-a", "ip_address", "10.10.0.10")))
                .containsEntry("port_security_enabled", true)
                .containsEntry("device_owner", "compute:nova")
                .doesNotContainKey("allowed_address_pairs");
        assertThat(port.refs()).containsExactly(
                Map.entry("network", List.of(ResourceRef.parse("network:demo/skylift-net-a"))),
                Map.entry("subnets", List.of(ResourceRef.parse("subnet:demo/skylift-subnet-a"))),
                Map.entry("security_groups", List.of(ResourceRef.parse("security_group:demo/skylift-web"))));
        assertThat(port.info()).containsEntry("device_id", "fa878ec0-189e-4e7c-a484-0c11d4f3be9c");
    }

    @Test
    void port_unnamedOfServer_isNamedByServerAndNetwork() {
        JsonNode document = port("6a41312d-ed2f-4ae7-b3a6-8cc52a777066");
        ConversionContext withoutPorts = ConversionContext.builder(Fixtures.DEMO_PROJECT)
                .project(Fixtures.DEMO_PROJECT, "demo")
                .ref("60e93d5b-5b8e-4d99-b87a-d7bdad5991c6", ResourceRef.parse("network:demo/skylift-net-b"))
                .ref("4b1c7e1d-3a4c-4b3c-a3f2-82f031a659af", ResourceRef.parse("server:demo/skylift-db-1"))
                .build();

        assertThat(NeutronPortToResource.ref(document, withoutPorts))
                .isEqualTo(ResourceRef.parse("port:demo/skylift-db-1/skylift-net-b"));
    }

    @Test
    void port_dualStack_refersToBothSubnets() {
        Resource port = NeutronPortToResource.convert(port("6a41312d-ed2f-4ae7-b3a6-8cc52a777066"), SeedContext.member());

        assertThat(port.refs().get("subnets")).containsExactly(
                ResourceRef.parse("subnet:demo/skylift-subnet-b4"), ResourceRef.parse("subnet:demo/skylift-subnet-b6"));
        assertThat(port.params().get("fixed_ips")).isEqualTo(List.of(
                Map.of("subnet", "skylift-subnet-b4", "ip_address", "10.20.0.150"),
                Map.of("subnet", "skylift-subnet-b6", "ip_address", "fd00:5c1f:b:0:f816:3eff:fe6f:e78b")));
    }

    @Test
    void port_unnamedWithoutServer_isNamedByNetworkAndAddress() {
        JsonNode document = port("fbd29a81-84c6-420e-9793-72ca6e2b4081");
        ConversionContext noServers = ConversionContext.builder(Fixtures.DEMO_PROJECT)
                .project(Fixtures.DEMO_PROJECT, "demo")
                .ref("f681171e-04e8-4e4b-a8d6-52bd81563af4", ResourceRef.parse("network:demo/skylift-net-a"))
                .build();

        assertThat(NeutronPortToResource.ref(document, noServers))
                .isEqualTo(ResourceRef.parse("port:demo/skylift-net-a/10.10.0.65"));
    }

    @Test
    void port_ownedByNeutron_isNotAResource() {
        List<JsonNode> adminPorts = Fixtures.items("network-ports-admin.json", "ports");

        assertThat(adminPorts.stream().filter(NeutronPortToResource::isResource).map(p -> p.path("device_owner").asText()))
                .containsOnly("compute:nova")
                .hasSize(3);
    }

    @Test
    void floatingIp_associated_isNamedByAddressAndRefersToNetworkAndPort() {
        Resource floatingIp = NeutronFloatingIpToResource.convert(
                Fixtures.items("network-floatingips.json", "floatingips").getFirst(), SeedContext.member());

        assertThat(floatingIp.ref()).isEqualTo(ResourceRef.parse("floating_ip:demo/203.0.113.150"));
        assertThat(floatingIp.refs()).containsExactly(
                Map.entry("floating_network", List.of(ResourceRef.parse("network:" + Fixtures.ADMIN_PROJECT + "/skylift-public"))),
                Map.entry("port", List.of(ResourceRef.parse("port:demo/skylift-web-1-port"))));
        assertThat(floatingIp.params())
                .containsEntry("floating_ip_address", "203.0.113.150")
                .containsEntry("fixed_ip_address", "10.10.0.10")
                .containsEntry("description", "skylift seed: skylift-web-1");
    }

    @Test
    void securityGroup_dependsOnNothing() {
        Resource group = NeutronSecurityGroupToResource.convert(
                Fixtures.item("network-security-groups.json", "security_groups", "name", "skylift-db"), SeedContext.member());

        assertThat(group.ref()).isEqualTo(ResourceRef.parse("security_group:demo/skylift-db"));
        assertThat(group.refs()).isEmpty();
        assertThat(group.params()).containsEntry("description", "skylift seed: skylift-db").containsEntry("stateful", true);
    }

    @Test
    void rule_withRemoteGroup_isNamedByWhatItAllowsAndRefersToBothGroups() {
        Resource rule = NeutronSecurityGroupRuleToResource.convert(rule("02a757ab-25a5-452d-8654-7d2f4d7ad9f5"),
                SeedContext.member());

        assertThat(rule.ref()).isEqualTo(
                ResourceRef.parse("security_group_rule:demo/skylift-db/ingress-IPv4-tcp-5432-5432-group-skylift-web"));
        assertThat(rule.params())
                .containsEntry("direction", "ingress")
                .containsEntry("ethertype", "IPv4")
                .containsEntry("protocol", "tcp")
                .containsEntry("port_range_min", 5432)
                .containsEntry("port_range_max", 5432)
                .doesNotContainKey("remote_ip_prefix");
        assertThat(rule.refs()).containsExactly(
                Map.entry("security_group", List.of(ResourceRef.parse("security_group:demo/skylift-db"))),
                Map.entry("remote_group", List.of(ResourceRef.parse("security_group:demo/skylift-web"))));
    }

    @Test
    void rule_fromPrefix_namesThePrefix() {
        JsonNode ssh = Fixtures.items("network-security-groups.json", "security_groups").stream()
                .flatMap(group -> group.path("security_group_rules").valueStream())
                .filter(rule -> rule.path("port_range_min").asInt() == 22)
                .findFirst()
                .orElseThrow();

        assertThat(NeutronSecurityGroupRuleToResource.ref(ssh, SeedContext.member()))
                .isEqualTo(ResourceRef.parse("security_group_rule:demo/skylift-web/ingress-IPv4-tcp-22-22-0.0.0.0/0"));
    }

    @Test
    void rule_ofDefaultGroupAllowingItself_refersToItsGroupInBothRoles() {
        List<Resource> rules = Fixtures.item("network-security-groups.json", "security_groups", "name", "default")
                .path("security_group_rules").valueStream()
                .map(rule -> NeutronSecurityGroupRuleToResource.convert(rule, SeedContext.member()))
                .toList();

        assertThat(rules).extracting(rule -> rule.ref().name()).containsExactlyInAnyOrder(
                "default/ingress-IPv4-any-any-any-group-default", "default/ingress-IPv6-any-any-any-group-default",
                "default/egress-IPv4-any-any-any-any", "default/egress-IPv6-any-any-any-any");
        assertThat(rules).allSatisfy(rule -> assertThat(rule.dependencies())
                .containsOnly(ResourceRef.parse("security_group:demo/default")));
    }
}
