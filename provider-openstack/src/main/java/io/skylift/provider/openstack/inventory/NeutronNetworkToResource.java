package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.Map;

/** A Neutron network ({@code GET /v2.0/networks}) as a {@code network}; it depends on nothing. */
final class NeutronNetworkToResource {

    private NeutronNetworkToResource() {}

    /** Its name, or its id when it has none: nothing else about a network survives a migration. */
    static ResourceRef ref(JsonNode network, ConversionContext context) {
        return ResourceRef.of(ResourceType.NETWORK, context.projectOwner(network.path("project_id").asText()),
                DocumentFields.text(network, "name").orElse(network.path("id").asText()));
    }

    static Resource convert(JsonNode network, ConversionContext context) {
        String id = network.path("id").asText();
        ResourceRef ref = context.ref(ResourceType.NETWORK, id).orElseGet(() -> ref(network, context));
        Map<String, Object> params = DocumentFields.of(network)
                .copy("description")
                .copy("admin_state_up")
                .copy("shared")
                .copy("router:external", "external")
                .copy("is_default")
                .copy("mtu")
                .copy("port_security_enabled")
                .copy("dns_domain")
                .copy("availability_zone_hints")
                .copy("tags")
                // Only an admin sees these; a member's inventory leaves the segment to the destination.
                .copy("provider:network_type", "provider_network_type")
                .copy("provider:physical_network", "provider_physical_network")
                .copy("provider:segmentation_id", "provider_segmentation_id")
                .build();
        Map<String, Object> info = DocumentFields.of(network)
                .copy("id")
                .copy("status")
                .copy("subnets", "subnet_ids")
                .copy("created_at")
                .build();
        return new Resource(ref, params, Map.of(), info, Map.of());
    }
}
