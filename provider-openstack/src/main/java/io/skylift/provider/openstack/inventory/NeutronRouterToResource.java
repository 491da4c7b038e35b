package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Neutron router ({@code GET /v2.0/routers}) as a {@code router} that depends on the external
 * network of its gateway. Its interfaces are {@code router_interface} resources of their own (see
 * {@link NeutronRouterInterfaceToResource}), because they depend on subnets that may be created
 * after the router.
 */
final class NeutronRouterToResource {

    private NeutronRouterToResource() {}

    static ResourceRef ref(JsonNode router, ConversionContext context) {
        return ResourceRef.of(ResourceType.ROUTER, context.projectOwner(router.path("project_id").asText()),
                DocumentFields.text(router, "name").orElse(router.path("id").asText()));
    }

    static Resource convert(JsonNode router, ConversionContext context) {
        String id = router.path("id").asText();
        ResourceRef ref = context.ref(ResourceType.ROUTER, id).orElseGet(() -> ref(router, context));
        DocumentFields params = DocumentFields.of(router)
                .copy("description")
                .copy("admin_state_up")
                .copy("distributed")
                .copy("ha")
                .copy("availability_zone_hints")
                .copy("routes")
                .copy("tags");
        DocumentFields info = DocumentFields.of(router).copy("id").copy("status").copy("created_at");
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>();

        JsonNode gateway = router.path("external_gateway_info");
        if (gateway.isObject() && gateway.hasNonNull("network_id")) {
            // The external network usually belongs to the admin project; its owner comes from the network's own ref.
            refs.put("external_network",
                    List.of(context.refTo(ResourceType.NETWORK, gateway.path("network_id").asText(), ref.owner())));
            // Addresses only: a member cannot see the external subnets, so naming them would leave
            // dependencies no member's inventory can satisfy. Their ids stay in info.
            List<Map<String, Object>> addresses = new ArrayList<>();
            List<Map<String, Object>> sourceFixedIps = new ArrayList<>();
            for (JsonNode fixedIp : gateway.path("external_fixed_ips")) {
                addresses.add(Map.of("ip_address", fixedIp.path("ip_address").asText()));
                sourceFixedIps.add(DocumentFields.of(fixedIp).copy("subnet_id").copy("ip_address").build());
            }
            params.put("external_gateway", DocumentFields.of(gateway)
                    .copy("enable_snat")
                    .put("external_fixed_ips", addresses)
                    .build());
            info.put("external_fixed_ips", sourceFixedIps);
        }
        return new Resource(ref, params.build(), refs, info.build(), Map.of());
    }
}
