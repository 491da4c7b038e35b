package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;

/**
 * A Neutron port ({@code GET /v2.0/ports}) as a {@code port} depending on its network, the subnets
 * of its fixed IPs and its security groups.
 *
 * <p>Only ports a user makes or Nova makes for a server are resources: ports whose device owner
 * starts with {@code network:} (DHCP, router gateway and interface, floating IP) are made by
 * Neutron as a side effect of another resource and would be duplicated if created again.
 */
final class NeutronPortToResource {

    private NeutronPortToResource() {}

    /** Whether this port is recreated as a {@code port}, rather than as a side effect of something else. */
    static boolean isResource(JsonNode port) {
        return !port.path("device_owner").asText().startsWith("network:");
    }

    /**
     * The port's name; for a port without one, {@code <server>/<network>} when a server uses it
     * (names that survive a migration, unlike ids, addresses and MACs), else
     * {@code <network>/<first fixed IP>}, else its id.
     */
    static ResourceRef ref(JsonNode port, ConversionContext context) {
        String owner = context.projectOwner(port.path("project_id").asText());
        String name = DocumentFields.text(port, "name").orElseGet(() -> {
            String network = context.refTo(ResourceType.NETWORK, port.path("network_id").asText(), owner).name();
            Optional<ResourceRef> server = port.path("device_owner").asText().startsWith("compute:")
                    ? context.ref(ResourceType.SERVER, port.path("device_id").asText())
                    : Optional.empty();
            if (server.isPresent()) {
                return server.get().name() + "/" + network;
            }
            return DocumentFields.text(port.path("fixed_ips").path(0), "ip_address")
                    .map(address -> network + "/" + address)
                    .orElse(port.path("id").asText());
        });
        return ResourceRef.of(ResourceType.PORT, owner, name);
    }

    static Resource convert(JsonNode port, ConversionContext context) {
        String id = port.path("id").asText();
        ResourceRef ref = context.ref(ResourceType.PORT, id).orElseGet(() -> ref(port, context));

        SequencedSet<ResourceRef> subnets = new LinkedHashSet<>();
        List<Map<String, Object>> fixedIps = new ArrayList<>();
        for (JsonNode fixedIp : port.path("fixed_ips")) {
            ResourceRef subnet = context.refTo(ResourceType.SUBNET, fixedIp.path("subnet_id").asText(), ref.owner());
            subnets.add(subnet);
            // The subnet's name pairs the address with one of refs.subnets, which carries the dependency.
            fixedIps.add(DocumentFields.of(fixedIp).put("subnet", subnet.name()).copy("ip_address").build());
        }
        List<ResourceRef> securityGroups = new ArrayList<>();
        for (JsonNode group : port.path("security_groups")) {
            securityGroups.add(context.refTo(ResourceType.SECURITY_GROUP, group.asText(), ref.owner()));
        }

        Map<String, Object> params = DocumentFields.of(port)
                .copy("description")
                .copy("admin_state_up")
                .copy("mac_address")
                .put("fixed_ips", fixedIps)
                .copy("allowed_address_pairs")
                .copy("extra_dhcp_opts")
                .copy("port_security_enabled")
                .copy("device_owner")
                .copy("binding:vnic_type", "vnic_type")
                .copy("dns_name")
                .copy("tags")
                .build();
        Map<String, Object> info = DocumentFields.of(port)
                .copy("id")
                .copy("status")
                .copy("device_id")
                .copy("created_at")
                .build();
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>();
        refs.put("network", List.of(context.refTo(ResourceType.NETWORK, port.path("network_id").asText(), ref.owner())));
        if (!subnets.isEmpty()) {
            refs.put("subnets", List.copyOf(subnets));
        }
        if (!securityGroups.isEmpty()) {
            refs.put("security_groups", securityGroups);
        }
        return new Resource(ref, params, refs, info, Map.of());
    }
}
