package io.skylift.provider.openstack.writer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a {@code network} ({@code POST /v2.0/networks}) from the params
 * {@link io.skylift.provider.openstack.inventory.OpenStackInventory} reads. {@link #lookup} also
 * finds the shared and external networks of other projects, which is how a plan maps the
 * source's external network to the destination's.
 */
final class NeutronNetworkWriter extends NeutronTaggedWriter {

    NeutronNetworkWriter(WriterContext context) {
        super(ResourceType.NETWORK, context, "networks", "network", "networks");
    }

    @Override
    ObjectNode fields(WriteRequest request) {
        Map<String, Object> params = request.resource().params();
        ObjectNode fields = named(request, "description", "admin_state_up", "mtu", "port_security_enabled", "dns_domain",
                "availability_zone_hints");
        // Admin-only flags: sent only when set, so a member can still create the common private network.
        for (String flag : List.of("shared", "is_default")) {
            if (Boolean.TRUE.equals(params.get(flag))) {
                fields.put(flag, true);
            }
        }
        if (Boolean.TRUE.equals(params.get("external"))) {
            fields.put("router:external", true);
        }
        // The segment is the source's physical layout; only an admin may choose one, else the destination picks.
        if (admin()) {
            for (String field : List.of("network_type", "physical_network", "segmentation_id")) {
                Object value = params.get("provider_" + field);
                if (value != null) {
                    fields.set("provider:" + field, NeutronCollection.JSON.valueToTree(value));
                }
            }
        }
        return fields;
    }

    @Override
    String fix(WriteRequest request, SkyliftException refusal) {
        String message = refusal.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("mtu")) {
            return "the destination does not allow MTU " + request.resource().params().get("mtu")
                    + ": remove params.mtu to take the destination's default";
        }
        if (message.contains("segmentation") || message.contains("physical_network") || message.contains("network_type")) {
            return "the destination has no such segment: remove the provider_* params to let it choose";
        }
        return "";
    }

    /**
     * The network named {@code ref.name()}: the connection's project's own, else a shared or
     * external one of another project (the owner of those is often unknown to a member and
     * written as a project id, so only the name counts).
     */
    @Override
    public Optional<String> lookup(ResourceRef ref) {
        Optional<String> own = collection.findNamed(ref.name());
        if (own.isPresent()) {
            return own;
        }
        List<JsonNode> usable = collection.visible(Map.of("name", ref.name())).stream()
                .filter(network -> network.path("shared").asBoolean() || network.path("router:external").asBoolean())
                .toList();
        return collection.unique(usable, "name " + ref.name() + " among shared and external networks");
    }
}
