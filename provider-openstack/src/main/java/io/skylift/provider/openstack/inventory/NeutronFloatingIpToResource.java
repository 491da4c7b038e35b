package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Neutron floating IP ({@code GET /v2.0/floatingips}) as a {@code floating_ip} named by its
 * address, which is what people know it by; it depends on its floating network and on the port it
 * is associated with, if any.
 */
final class NeutronFloatingIpToResource {

    private NeutronFloatingIpToResource() {}

    static ResourceRef ref(JsonNode floatingIp, ConversionContext context) {
        return ResourceRef.of(ResourceType.FLOATING_IP, context.projectOwner(floatingIp.path("project_id").asText()),
                DocumentFields.text(floatingIp, "floating_ip_address").orElse(floatingIp.path("id").asText()));
    }

    static Resource convert(JsonNode floatingIp, ConversionContext context) {
        String id = floatingIp.path("id").asText();
        ResourceRef ref = context.ref(ResourceType.FLOATING_IP, id).orElseGet(() -> ref(floatingIp, context));
        Map<String, Object> params = DocumentFields.of(floatingIp)
                .copy("description")
                .copy("floating_ip_address")
                .copy("fixed_ip_address")
                .copy("dns_name")
                .copy("dns_domain")
                .copy("tags")
                .build();
        Map<String, Object> info = DocumentFields.of(floatingIp)
                .copy("id")
                .copy("status")
                .copy("port_id")
                .copy("router_id")
                .copy("created_at")
                .build();
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>();
        refs.put("floating_network", List.of(context.refTo(ResourceType.NETWORK,
                floatingIp.path("floating_network_id").asText(), ref.owner())));
        DocumentFields.text(floatingIp, "port_id").ifPresent(port ->
                refs.put("port", List.of(context.refTo(ResourceType.PORT, port, ref.owner()))));
        return new Resource(ref, params, refs, info, Map.of());
    }
}
