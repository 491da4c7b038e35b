package io.skylift.provider.openstack.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.inventory.InventoryFixtures;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.ResourceWriter;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Neutron writers against {@link FakeNeutron}, fed the resources the inventory makes from the
 * captured seed: the bodies they send, and that what they make is found again and deleted.
 */
class NeutronWritersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARKER = "0f5e0a4c-5d1e-4a8e-9c11-2b1f3b8d7e60";
    private static final String TAG = "skylift-source:" + MARKER;

    private final FakeNeutron neutron = FakeNeutron.member();
    private final ResourceWriter writer = new OpenStackResourceWriter(neutron);
    /** Destination ids of what a test made or put into the fake, by source ref. */
    private final Map<ResourceRef, String> ids = new HashMap<>();

    private static Resource source(String ref) {
        return InventoryFixtures.demo(ref);
    }

    private WriteRequest request(Resource resource) {
        return request(resource, MARKER);
    }

    private WriteRequest request(Resource resource, String marker) {
        Map<ResourceRef, String> known = new HashMap<>();
        resource.dependencies().forEach(dependency -> known.put(dependency, ids.get(dependency)));
        return new WriteRequest(resource, known, marker, Optional.empty());
    }

    /** Creates {@code ref} from the fixtures with a marker of its own, and remembers its id. */
    private String make(String ref) {
        Resource resource = source(ref);
        String id = writer.create(request(resource, String.valueOf(resource.info().getOrDefault("id", ref))));
        ids.put(resource.ref(), id);
        return id;
    }

    private JsonNode posted(String collection) {
        return neutron.body("POST", "/v2.0/" + collection);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- networks

    @Test
    void network_sendsTheSourceFieldsAndTagsItWithTheMarker() {
        String id = writer.create(request(source("network:demo/skylift-net-a")));

        assertThat(posted("networks")).isEqualTo(json("""
                {"network": {"name": "skylift-net-a", "admin_state_up": true, "mtu": 1450, "port_security_enabled": true}}"""));
        assertThat(neutron.body("PUT", "/v2.0/networks/" + id + "/tags")).isEqualTo(json("{\"tags\": [\"" + TAG + "\"]}"));
        assertThat(writer.find(request(source("network:demo/skylift-net-a")))).contains(id);
    }

    @Test
    void tags_keepTheSourcesButReplaceAMarkerItCarries() {
        Resource network = source("network:demo/skylift-net-a").withParams(Map.of("tags", List.of("web", "skylift-source:an-older-run")));

        String id = writer.create(request(network));

        assertThat(neutron.body("PUT", "/v2.0/networks/" + id + "/tags")).isEqualTo(json("{\"tags\": [\"web\", \"" + TAG + "\"]}"));
    }

    @Test
    void network_external_asksForRouterExternal() {
        writer.create(request(source("network:a9a28c9efabc4db9853bfee728f5d7ef/skylift-public")));

        assertThat(posted("networks").path("network").path("router:external").asBoolean()).isTrue();
        assertThat(posted("networks").path("network").has("external")).isFalse();
        assertThat(posted("networks").path("network").has("is_default")).as("false flags are left to the destination").isFalse();
    }

    @Test
    void network_providerFields_onlyForAnAdmin() {
        Resource network = source("network:demo/skylift-net-a").withParams(Map.of("provider_network_type", "vlan",
                "provider_physical_network", "physnet1", "provider_segmentation_id", 101));
        writer.create(request(network));
        FakeNeutron adminCloud = FakeNeutron.admin();
        new OpenStackResourceWriter(adminCloud).create(request(network));

        assertThat(posted("networks").path("network").has("provider:network_type")).isFalse();
        assertThat(adminCloud.body("POST", "/v2.0/networks")).isEqualTo(json("""
                {"network": {"name": "skylift-net-a", "provider:network_type": "vlan", "provider:physical_network": "physnet1",
                 "provider:segmentation_id": 101}}"""));
    }

    @Test
    void find_ignoresTheSameMarkerInAnotherProject() {
        neutron.add("networks", FakeNeutron.OTHER_PROJECT, "{\"name\": \"skylift-net-a\", \"tags\": [\"" + TAG + "\"]}");

        assertThat(writer.find(request(source("network:demo/skylift-net-a")))).isEmpty();
    }

    @Test
    void find_twoWithTheMarker_isAnErrorNamingBoth() {
        neutron.add("networks", FakeNeutron.PROJECT, "{\"id\": \"n1\", \"tags\": [\"" + TAG + "\"]}");
        neutron.add("networks", FakeNeutron.PROJECT, "{\"id\": \"n2\", \"tags\": [\"" + TAG + "\"]}");

        assertThatThrownBy(() -> writer.find(request(source("network:demo/skylift-net-a"))))
                .isInstanceOf(SkyliftException.class)
                .hasMessageContaining("n1, n2").hasMessageContaining("delete or rename all but one");
    }

    @Test
    void lookup_network_findsTheExternalNetworkOfAnotherProjectByName() {
        String external = neutron.add("networks", FakeNeutron.OTHER_PROJECT, "{\"name\": \"skylift-public\", \"router:external\": true}");
        neutron.add("networks", FakeNeutron.OTHER_PROJECT, "{\"name\": \"private-of-admin\"}");

        assertThat(writer.lookup(ResourceRef.parse("network:a9a28c9efabc4db9853bfee728f5d7ef/skylift-public"))).contains(external);
        assertThat(writer.lookup(ResourceRef.parse("network:admin/private-of-admin"))).as("neither shared nor external").isEmpty();
    }

    @Test
    void lookup_network_prefersTheProjectsOwn() {
        neutron.add("networks", FakeNeutron.OTHER_PROJECT, "{\"name\": \"net\", \"shared\": true}");
        String own = neutron.add("networks", FakeNeutron.PROJECT, "{\"name\": \"net\"}");

        assertThat(writer.lookup(ResourceRef.parse("network:demo/net"))).contains(own);
    }

    @Test
    void markerTag_longerThanNeutronTakes_isRefusedBeforeAnyCall() {
        String marker = "x".repeat(46);

        assertThatThrownBy(() -> writer.find(request(source("network:demo/skylift-net-a"), marker)))
                .hasMessageContaining("at most 60 characters");
        assertThat(neutron.calls()).isEmpty();
    }

    @Test
    void create_overQuota_namesTheQuotaAndHowToRaiseIt() {
        neutron.failNext("POST", "/v2.0/networks", new SkyliftException(ErrorCode.QUOTA_EXCEEDED,
                "Neutron refused POST /v2.0/networks (HTTP 409): Quota exceeded for resources: ['network']."));

        assertThatThrownBy(() -> writer.create(request(source("network:demo/skylift-net-a"))))
                .isInstanceOf(SkyliftException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.QUOTA_EXCEEDED)
                .hasMessageContaining("cannot create network:demo/skylift-net-a")
                .hasMessageContaining("openstack quota set --networks N " + FakeNeutron.PROJECT);
    }

    @Test
    void create_tagRefused_deletesWhatItMade() {
        neutron.failNext("PUT", "/v2.0/networks/netw-1/tags", new SkyliftException(ErrorCode.CLOUD_REJECTED, "HTTP 400: bad tag"));

        assertThatThrownBy(() -> writer.create(request(source("network:demo/skylift-net-a")))).hasMessageContaining("cannot tag");
        assertThat(neutron.documents("networks")).isEmpty();
    }

    @Test
    void create_fieldOfAMissingExtension_saysToRemoveIt() {
        neutron.failNext("POST", "/v2.0/ports", new SkyliftException(ErrorCode.CLOUD_REJECTED,
                "Neutron refused POST /v2.0/ports (HTTP 400): Unrecognized attribute(s) 'dns_name'"));
        make("network:demo/skylift-net-a");
        make("subnet:demo/skylift-subnet-a");
        make("security_group:demo/skylift-web");

        assertThatThrownBy(() -> writer.create(request(source("port:demo/skylift-web-1-port"))))
                .hasMessageContaining("Unrecognized attribute(s) 'dns_name'")
                .hasMessageContaining("remove it from the resource's params");
    }

    @Test
    void delete_stillInUse_saysToDeleteWhatUsesItFirst() {
        String id = make("network:demo/skylift-net-a");
        neutron.failNext("DELETE", "/v2.0/networks/" + id, new SkyliftException(ErrorCode.CLOUD_REJECTED,
                "Neutron refused DELETE /v2.0/networks/" + id + " (HTTP 409): Unable to complete operation on network " + id
                        + ". There are one or more ports still in use on the network."));

        assertThatThrownBy(() -> writer.delete(ResourceType.NETWORK, id))
                .hasMessageContaining("cannot delete network " + id).hasMessageContaining("delete that first");
    }

    @Test
    void delete_goneAlready_isDone() {
        String id = make("network:demo/skylift-net-a");
        writer.delete(ResourceType.NETWORK, id);
        writer.delete(ResourceType.NETWORK, id);

        assertThat(neutron.documents("networks")).isEmpty();
    }

    // ---- subnets

    @Test
    void subnet_inTheDestinationNetwork_withCidrGatewayAndPools() {
        make("network:demo/skylift-net-a");
        writer.create(request(source("subnet:demo/skylift-subnet-a")));

        assertThat(posted("subnets")).isEqualTo(json("""
                {"subnet": {"name": "skylift-subnet-a", "network_id": "netw-1", "ip_version": 4, "cidr": "10.10.0.0/24",
                 "gateway_ip": "10.10.0.1", "allocation_pools": [{"start": "10.10.0.10", "end": "10.10.0.200"}],
                 "dns_nameservers": ["10.10.0.2"], "enable_dhcp": true}}"""));
    }

    @Test
    void subnet_ipv6_keepsItsModes() {
        make("network:demo/skylift-net-b");
        writer.create(request(source("subnet:demo/skylift-subnet-b6")));

        JsonNode subnet = posted("subnets").path("subnet");
        assertThat(subnet.path("ipv6_ra_mode").asText()).isEqualTo("slaac");
        assertThat(subnet.path("ipv6_address_mode").asText()).isEqualTo("slaac");
        assertThat(subnet.path("ip_version").asInt()).isEqualTo(6);
    }

    @Test
    void subnet_withoutGateway_asksForNone() {
        make("network:demo/skylift-net-a");
        Resource subnet = source("subnet:demo/skylift-subnet-a");
        Map<String, Object> params = new HashMap<>(subnet.params());
        params.remove("gateway_ip");
        writer.create(request(subnet.withParams(params)));

        assertThat(posted("subnets").path("subnet").get("gateway_ip").isNull()).isTrue();
    }

    @Test
    void subnet_overlappingCidr_saysWhichCidrAndNetwork() {
        make("network:demo/skylift-net-a");
        neutron.failNext("POST", "/v2.0/subnets", new SkyliftException(ErrorCode.CLOUD_REJECTED, "Neutron refused POST /v2.0/subnets"
                + " (HTTP 400): Invalid input for operation: Requested subnet with cidr: 10.10.0.0/24 for network: netw-1 overlaps with another subnet."));

        assertThatThrownBy(() -> writer.create(request(source("subnet:demo/skylift-subnet-a"))))
                .hasFieldOrPropertyWithValue("code", ErrorCode.CLOUD_REJECTED)
                .hasMessageContaining("cannot create subnet:demo/skylift-subnet-a")
                .hasMessageContaining("CIDR 10.10.0.0/24 overlaps a subnet the destination network skylift-net-a")
                .hasMessageContaining("change params.cidr");
    }

    // ---- routers and interfaces

    private void externalNetwork() {
        String id = neutron.add("networks", FakeNeutron.OTHER_PROJECT, "{\"name\": \"skylift-public\", \"router:external\": true}");
        neutron.add("subnets", FakeNeutron.OTHER_PROJECT, "{\"id\": \"ext-sub\", \"network_id\": \"" + id + "\", \"cidr\": \"203.0.113.0/24\"}");
        ids.put(ResourceRef.parse("network:a9a28c9efabc4db9853bfee728f5d7ef/skylift-public"), id);
    }

    @Test
    void router_asMember_sendsOnlyTheGatewaysNetwork() {
        externalNetwork();
        writer.create(request(source("router:demo/skylift-router")));

        assertThat(posted("routers")).isEqualTo(json("""
                {"router": {"name": "skylift-router", "admin_state_up": true, "external_gateway_info": {"network_id": "netw-1"}}}"""));
    }

    /** The gateway an admin's writer asks for, with the destination's external subnet on {@code cidr}. */
    private JsonNode gatewayAsAdmin(String cidr) {
        FakeNeutron adminCloud = FakeNeutron.admin();
        String external = adminCloud.add("networks", FakeNeutron.PROJECT, "{\"name\": \"skylift-public\", \"router:external\": true}");
        adminCloud.add("subnets", FakeNeutron.PROJECT, "{\"id\": \"ext-sub\", \"network_id\": \"" + external + "\", \"cidr\": \"" + cidr + "\"}");
        ids.put(ResourceRef.parse("network:a9a28c9efabc4db9853bfee728f5d7ef/skylift-public"), external);
        new OpenStackResourceWriter(adminCloud).create(request(source("router:demo/skylift-router")));
        return adminCloud.body("POST", "/v2.0/routers").path("router").path("external_gateway_info");
    }

    @Test
    void router_asAdmin_keepsSnatAndTheAddressWhenASubnetHoldsIt() {
        assertThat(gatewayAsAdmin("203.0.113.0/24")).isEqualTo(json("""
                {"network_id": "netw-1", "enable_snat": true, "external_fixed_ips": [{"subnet_id": "ext-sub", "ip_address": "203.0.113.139"}]}"""));
    }

    @Test
    void router_asAdmin_leavesOutAnAddressNoSubnetHolds() {
        assertThat(gatewayAsAdmin("198.51.100.0/24")).isEqualTo(json("{\"network_id\": \"netw-1\", \"enable_snat\": true}"));
    }

    @Test
    void cidrContains_ipv4AndIpv6() {
        assertThat(NeutronRouterWriter.contains("203.0.113.0/24", "203.0.113.139")).isTrue();
        assertThat(NeutronRouterWriter.contains("203.0.113.0/25", "203.0.113.139")).isFalse();
        assertThat(NeutronRouterWriter.contains("fd00:5c1f:b::/64", "fd00:5c1f:b:0:f816:3eff:fe6f:e78b")).isTrue();
        assertThat(NeutronRouterWriter.contains("fd00:5c1f:c::/64", "fd00:5c1f:b::1")).isFalse();
        assertThat(NeutronRouterWriter.contains("10.0.0.0/8", "fd00::1")).isFalse();
    }

    private void routerAndSubnetA() {
        externalNetwork();
        make("network:demo/skylift-net-a");
        make("subnet:demo/skylift-subnet-a");
        make("router:demo/skylift-router");
    }

    @Test
    void routerInterface_onTheGateway_attachesTheSubnet_andIsFoundAndDeletedByRouterSlashSubnet() {
        routerAndSubnetA();
        String router = ids.get(ResourceRef.parse("router:demo/skylift-router"));
        String subnet = ids.get(ResourceRef.parse("subnet:demo/skylift-subnet-a"));
        Resource attachment = source("router_interface:demo/skylift-router/skylift-subnet-a");

        assertThat(writer.find(request(attachment))).isEmpty();
        String id = writer.create(request(attachment));

        assertThat(id).isEqualTo(router + "/" + subnet);
        assertThat(neutron.body("PUT", "/v2.0/routers/" + router + "/add_router_interface")).isEqualTo(json("{\"subnet_id\": \"" + subnet + "\"}"));
        assertThat(writer.find(request(attachment))).contains(id);
        assertThat(writer.lookup(attachment.ref())).contains(id);

        writer.delete(ResourceType.ROUTER_INTERFACE, id);
        assertThat(neutron.body("PUT", "/v2.0/routers/" + router + "/remove_router_interface")).isEqualTo(json("{\"subnet_id\": \"" + subnet + "\"}"));
        assertThat(writer.find(request(attachment))).isEmpty();
        writer.delete(ResourceType.ROUTER_INTERFACE, id);
    }

    @Test
    void routerInterface_onAnotherAddress_attachesAPortWithIt() {
        routerAndSubnetA();
        String router = ids.get(ResourceRef.parse("router:demo/skylift-router"));
        Resource attachment = source("router_interface:demo/skylift-router/skylift-subnet-a").withParams(Map.of("ip_address", "10.10.0.254"));

        writer.create(request(attachment));

        JsonNode port = posted("ports").path("port");
        String subnet = ids.get(ResourceRef.parse("subnet:demo/skylift-subnet-a"));
        assertThat(port.path("fixed_ips")).isEqualTo(json("[{\"subnet_id\": \"" + subnet + "\", \"ip_address\": \"10.10.0.254\"}]"));
        assertThat(port.path("network_id").asText()).isEqualTo(ids.get(ResourceRef.parse("network:demo/skylift-net-a")));
        String portId = neutron.documents("ports").getFirst().path("id").asText();
        assertThat(neutron.body("PUT", "/v2.0/routers/" + router + "/add_router_interface")).isEqualTo(json("{\"port_id\": \"" + portId + "\"}"));
    }

    @Test
    void routerInterface_refused_deletesThePortItMade() {
        routerAndSubnetA();
        String router = ids.get(ResourceRef.parse("router:demo/skylift-router"));
        neutron.failNext("PUT", "/v2.0/routers/" + router + "/add_router_interface", new SkyliftException(ErrorCode.CLOUD_REJECTED,
                "HTTP 400: Bad router request: Cidr 10.10.0.0/24 of subnet subn-2 overlaps with cidr 10.10.0.0/16 of subnet x."));
        Resource attachment = source("router_interface:demo/skylift-router/skylift-subnet-a").withParams(Map.of("ip_address", "10.10.0.254"));

        assertThatThrownBy(() -> writer.create(request(attachment)))
                .hasMessageContaining("cannot add router_interface:demo/skylift-router/skylift-subnet-a")
                .hasMessageContaining("subnet skylift-subnet-a overlaps a subnet the router has already");
        assertThat(neutron.documents("ports")).isEmpty();
    }

    @Test
    void routerInterface_idWithoutSlash_isRefused() {
        assertThatThrownBy(() -> writer.delete(ResourceType.ROUTER_INTERFACE, "r1"))
                .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_INPUT)
                .hasMessageContaining("<router id>/<subnet id>");
    }

    // ---- security groups and rules

    @Test
    void securityGroup_sendsNameDescriptionAndStateful() {
        writer.create(request(source("security_group:demo/skylift-web")));

        assertThat(posted("security-groups")).isEqualTo(json("""
                {"security_group": {"name": "skylift-web", "description": "skylift seed: skylift-web", "stateful": true}}"""));
    }

    @Test
    void securityGroup_default_tagsTheProjectsOwnAndDeleteOnlyUntagsIt() {
        String existing = neutron.add("security-groups", FakeNeutron.PROJECT, "{\"name\": \"default\", \"tags\": [\"keep\"]}");

        String id = writer.create(request(source("security_group:demo/default")));

        assertThat(id).isEqualTo(existing);
        assertThat(neutron.writes()).containsExactly("PUT /v2.0/security-groups/" + existing + "/tags");
        assertThat(writer.find(request(source("security_group:demo/default")))).contains(existing);
        writer.delete(ResourceType.SECURITY_GROUP, id);
        assertThat(neutron.document("security-groups", existing).orElseThrow().path("tags")).isEqualTo(json("[\"keep\"]"));
    }

    @Test
    void rule_thatNeutronMadeWithTheGroup_isFoundNotCreated() {
        String group = make("security_group:demo/skylift-web");
        Resource egress = source("security_group_rule:demo/skylift-web/egress-IPv4-any-any-any-any");

        Optional<String> found = writer.find(request(egress));

        assertThat(found).isPresent();
        assertThat(neutron.document("security-group-rules", found.get()).orElseThrow().path("security_group_id").asText()).isEqualTo(group);
        assertThat(neutron.writes()).doesNotContain("POST /v2.0/security-group-rules");
    }

    @Test
    void rule_withRemoteGroup_sendsTheDestinationGroupIds() {
        String web = make("security_group:demo/skylift-web");
        String db = make("security_group:demo/skylift-db");
        Resource rule = source("security_group_rule:demo/skylift-db/ingress-IPv4-tcp-5432-5432-group-skylift-web");

        String id = writer.create(request(rule));

        assertThat(posted("security-group-rules")).isEqualTo(json("{\"security_group_rule\": {\"security_group_id\": \"" + db
                + "\", \"direction\": \"ingress\", \"ethertype\": \"IPv4\", \"protocol\": \"tcp\", \"port_range_min\": 5432,"
                + " \"port_range_max\": 5432, \"remote_group_id\": \"" + web + "\"}}"));
        assertThat(writer.find(request(rule))).contains(id);
        assertThat(writer.lookup(rule.ref())).contains(id);
    }

    @Test
    void rule_toEverywhere_matchesTheSameRuleWithoutPrefix() {
        String group = make("security_group:demo/skylift-web");
        String existing = neutron.add("security-group-rules", FakeNeutron.PROJECT, "{\"security_group_id\": \"" + group
                + "\", \"direction\": \"ingress\", \"ethertype\": \"IPv4\", \"protocol\": \"tcp\", \"port_range_min\": 22, \"port_range_max\": 22}");

        assertThat(writer.find(request(source("security_group_rule:demo/skylift-web/ingress-IPv4-tcp-22-22-0.0.0.0/0")))).contains(existing);
    }

    @Test
    void rule_otherPort_isNotTheSameRule() {
        make("security_group:demo/skylift-web");

        assertThat(writer.find(request(source("security_group_rule:demo/skylift-web/ingress-IPv4-tcp-443-443-0.0.0.0/0")))).isEmpty();
    }

    @Test
    void rule_refusedAsDuplicate_isTheExistingOne() {
        make("security_group:demo/skylift-web");
        Resource rule = source("security_group_rule:demo/skylift-web/ingress-IPv4-tcp-80-80-0.0.0.0/0");
        String first = writer.create(request(rule));

        assertThat(writer.create(request(rule))).isEqualTo(first);
        assertThat(neutron.writes()).filteredOn("POST /v2.0/security-group-rules"::equals).hasSize(2);
    }

    @Test
    void rule_fromAnAddressGroup_isUnsupported() {
        make("security_group:demo/skylift-web");
        Resource rule = source("security_group_rule:demo/skylift-web/ingress-IPv4-tcp-80-80-0.0.0.0/0")
                .withInfo(Map.of("remote_address_group_id", "ag-1"));

        assertThatThrownBy(() -> writer.create(request(rule))).hasFieldOrPropertyWithValue("code", ErrorCode.UNSUPPORTED)
                .hasMessageContaining("address group ag-1");
    }

    // ---- ports and floating IPs

    @Test
    void port_keepsFixedIpMacAndGroups_butNotNovasDeviceOwner() {
        make("network:demo/skylift-net-a");
        String subnet = make("subnet:demo/skylift-subnet-a");
        String group = make("security_group:demo/skylift-web");

        String id = writer.create(request(source("port:demo/skylift-web-1-port")));

        assertThat(posted("ports")).isEqualTo(json("{\"port\": {\"name\": \"skylift-web-1-port\", \"network_id\": \"netw-1\","
                + " \"admin_state_up\": true, \"mac_address\": \"fa:16:3e:e4:cd:e8\", \"port_security_enabled\": true,"
                + " \"binding:vnic_type\": \"normal\", \"fixed_ips\": [{\"subnet_id\": \"" + subnet + "\", \"ip_address\": \"10.10.0.10\"}],"
                + " \"security_groups\": [\"" + group + "\"]}}"));
        assertThat(writer.find(request(source("port:demo/skylift-web-1-port")))).contains(id);
        assertThat(writer.lookup(ResourceRef.parse("port:demo/skylift-web-1-port"))).contains(id);
    }

    @Test
    void port_onSlaacSubnet_sendsTheSubnetWithoutTheAddress() {
        make("network:demo/skylift-net-b");
        String v4 = make("subnet:demo/skylift-subnet-b4");
        String v6 = make("subnet:demo/skylift-subnet-b6");
        make("security_group:demo/skylift-db");

        writer.create(request(source("port:demo/skylift-db-1/skylift-net-b")));

        assertThat(posted("ports").path("port").path("fixed_ips")).isEqualTo(json("[{\"subnet_id\": \"" + v4
                + "\", \"ip_address\": \"10.20.0.150\"}, {\"subnet_id\": \"" + v6 + "\"}]"));
    }

    @Test
    void port_addressInUse_saysWhichAddressAndSubnet() {
        make("network:demo/skylift-net-a");
        String subnet = make("subnet:demo/skylift-subnet-a");
        make("security_group:demo/skylift-web");
        neutron.add("ports", FakeNeutron.PROJECT, "{\"fixed_ips\": [{\"subnet_id\": \"" + subnet + "\", \"ip_address\": \"10.10.0.10\"}]}");

        assertThatThrownBy(() -> writer.create(request(source("port:demo/skylift-web-1-port"))))
                .hasMessageContaining("cannot create port:demo/skylift-web-1-port")
                .hasMessageContaining("fixed IP 10.10.0.10 on subnet skylift-subnet-a (destination id " + subnet + ") is already in use there")
                .hasMessageContaining("remove ip_address from that entry of params.fixed_ips");
    }

    @Test
    void port_fixedIpOfASubnetNotInRefs_isInvalidInput() {
        make("network:demo/skylift-net-a");
        make("subnet:demo/skylift-subnet-a");
        make("security_group:demo/skylift-web");
        Resource port = source("port:demo/skylift-web-1-port");
        Map<String, Object> params = new HashMap<>(port.params());
        params.put("fixed_ips", List.of(Map.of("subnet", "elsewhere", "ip_address", "10.0.0.1")));

        assertThatThrownBy(() -> writer.create(request(port.withParams(params))))
                .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_INPUT).hasMessageContaining("add the subnet to refs.subnets");
    }

    private void webPort() {
        externalNetwork();
        make("network:demo/skylift-net-a");
        make("subnet:demo/skylift-subnet-a");
        make("security_group:demo/skylift-web");
        make("port:demo/skylift-web-1-port");
    }

    @Test
    void floatingIp_onTheDestinationNetworkAndPort_withANewAddress() {
        webPort();
        String port = ids.get(ResourceRef.parse("port:demo/skylift-web-1-port"));

        String id = writer.create(request(source("floating_ip:demo/203.0.113.150")));

        assertThat(posted("floatingips")).isEqualTo(json("{\"floatingip\": {\"floating_network_id\": \"netw-1\","
                + " \"description\": \"skylift seed: skylift-web-1\", \"port_id\": \"" + port + "\", \"fixed_ip_address\": \"10.10.0.10\"}}"));
        assertThat(writer.find(request(source("floating_ip:demo/203.0.113.150")))).contains(id);
    }

    @Test
    void floatingIp_keepAddress_asksForTheSourcesAddress() {
        webPort();

        writer.create(request(source("floating_ip:demo/203.0.113.150").withMigration(Map.of("keep_address", true))));

        assertThat(posted("floatingips").path("floatingip").path("floating_ip_address").asText()).isEqualTo("203.0.113.150");
    }

    @Test
    void floatingIp_keepAddressHeldAlready_isAnErrorNamingTheHolder() {
        webPort();
        String held = neutron.add("floatingips", FakeNeutron.PROJECT, "{\"floating_ip_address\": \"203.0.113.150\"}");

        assertThatThrownBy(() -> writer.create(request(source("floating_ip:demo/203.0.113.150").withMigration(Map.of("keep_address", true)))))
                .hasFieldOrPropertyWithValue("code", ErrorCode.ALREADY_EXISTS)
                .hasMessageContaining("floating IP " + held).hasMessageContaining("set migration.keep_address to false");
        assertThat(neutron.writes()).doesNotContain("POST /v2.0/floatingips");
    }

    @Test
    void writer_createsEveryNeutronType() {
        for (ResourceType type : List.of(ResourceType.NETWORK, ResourceType.SUBNET, ResourceType.ROUTER, ResourceType.ROUTER_INTERFACE,
                ResourceType.SECURITY_GROUP, ResourceType.SECURITY_GROUP_RULE, ResourceType.PORT, ResourceType.FLOATING_IP)) {
            assertThat(NeutronWriters.all(neutron.context())).extracting(TypeWriter::type).contains(type);
        }
    }
}
