package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.List;
import java.util.Map;

/** A Neutron subnet ({@code GET /v2.0/subnets}) as a {@code subnet} that depends on its network. */
final class NeutronSubnetToResource {

    private NeutronSubnetToResource() {}

    static ResourceRef ref(JsonNode subnet, ConversionContext context) {
        return ResourceRef.of(ResourceType.SUBNET, context.projectOwner(subnet.path("project_id").asText()),
                DocumentFields.text(subnet, "name").orElse(subnet.path("id").asText()));
    }

    static Resource convert(JsonNode subnet, ConversionContext context) {
        String id = subnet.path("id").asText();
        ResourceRef ref = context.ref(ResourceType.SUBNET, id).orElseGet(() -> ref(subnet, context));
        Map<String, Object> params = DocumentFields.of(subnet)
                .copy("description")
                .copy("ip_version")
                .copy("cidr")
                .copy("gateway_ip")
                .copy("allocation_pools")
                .copy("dns_nameservers")
                .copy("host_routes")
                .copy("enable_dhcp")
                .copy("ipv6_ra_mode")
                .copy("ipv6_address_mode")
                .copy("service_types")
                .copy("tags")
                .build();
        Map<String, Object> info = DocumentFields.of(subnet)
                .copy("id")
                .copy("network_id")
                .copy("subnetpool_id")
                .copy("created_at")
                .build();
        Map<String, List<ResourceRef>> refs = Map.of("network",
                List.of(context.refTo(ResourceType.NETWORK, subnet.path("network_id").asText(), ref.owner())));
        return new Resource(ref, params, refs, info, Map.of());
    }
}
