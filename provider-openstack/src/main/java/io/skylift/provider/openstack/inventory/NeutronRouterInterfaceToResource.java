package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A router's port on a subnet ({@code device_owner} {@code network:router_interface} and its
 * distributed and HA variants) as a {@code router_interface} named {@code <router>/<subnet>},
 * depending on the router and the subnet. The port itself is not a {@code port} resource: adding
 * the interface creates it.
 */
final class NeutronRouterInterfaceToResource {

    /** The device owners Neutron gives the ports that "add router interface" creates. */
    static final Set<String> DEVICE_OWNERS = Set.of("network:router_interface",
            "network:router_interface_distributed", "network:ha_router_replicated_interface");

    private NeutronRouterInterfaceToResource() {}

    static boolean isRouterInterface(JsonNode port) {
        return DEVICE_OWNERS.contains(port.path("device_owner").asText());
    }

    static ResourceRef ref(JsonNode port, ConversionContext context) {
        String owner = context.projectOwner(port.path("project_id").asText());
        ResourceRef router = context.refTo(ResourceType.ROUTER, port.path("device_id").asText(), owner);
        ResourceRef subnet = context.refTo(ResourceType.SUBNET, firstSubnetId(port), owner);
        return ResourceRef.of(ResourceType.ROUTER_INTERFACE, owner, router.name() + "/" + subnet.name());
    }

    static Resource convert(JsonNode port, ConversionContext context) {
        String id = port.path("id").asText();
        ResourceRef ref = context.ref(ResourceType.ROUTER_INTERFACE, id).orElseGet(() -> ref(port, context));
        ResourceRef router = context.refTo(ResourceType.ROUTER, port.path("device_id").asText(), ref.owner());
        ResourceRef subnet = context.refTo(ResourceType.SUBNET, firstSubnetId(port), ref.owner());
        Map<String, Object> params = DocumentFields.of(port)
                .put("ip_address", port.path("fixed_ips").path(0).path("ip_address").asText())
                .build();
        Map<String, Object> info = DocumentFields.of(port)
                .copy("id", "port_id")
                .copy("mac_address")
                .copy("device_owner")
                .copy("status")
                .build();
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>();
        refs.put("router", List.of(router));
        refs.put("subnet", List.of(subnet));
        return new Resource(ref, params, refs, info, Map.of());
    }

    private static String firstSubnetId(JsonNode port) {
        return port.path("fixed_ips").path(0).path("subnet_id").asText();
    }
}
