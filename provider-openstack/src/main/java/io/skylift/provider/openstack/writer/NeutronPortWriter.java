package io.skylift.provider.openstack.writer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Creates a {@code port} ({@code POST /v2.0/ports}) on the destination network its
 * {@code network} ref names, with the source's fixed IPs (each paired with one of its
 * {@code subnets} refs by the subnet's name), MAC address and security groups.
 *
 * <p>An address on an IPv6 subnet that makes addresses itself (SLAAC, DHCPv6 stateless) is not
 * sent: Neutron refuses it, and derives the same address from the kept MAC. A {@code compute:}
 * device owner is not sent either: Nova sets it when it attaches the port to a server.
 */
final class NeutronPortWriter extends NeutronTaggedWriter {

    /** The IPv6 address modes in which Neutron chooses the address from the MAC. */
    private static final Set<String> AUTOMATIC_ADDRESSES = Set.of("slaac", "dhcpv6-stateless");

    private final NeutronCollection subnets;

    NeutronPortWriter(WriterContext context) {
        super(ResourceType.PORT, context, "ports", "port", "ports");
        this.subnets = NeutronCollection.of(context, "subnets", "subnet", "subnets");
    }

    @Override
    ObjectNode fields(WriteRequest request) {
        Map<String, Object> params = request.resource().params();
        ObjectNode fields = named(request, "description", "admin_state_up", "mac_address", "allowed_address_pairs", "extra_dhcp_opts",
                "port_security_enabled", "dns_name")
                .put("network_id", NeutronDependencies.id(request, "network"));
        if (params.get("device_owner") instanceof String owner && !owner.startsWith("compute:")) {
            fields.put("device_owner", owner);
        }
        if (params.get("vnic_type") instanceof String vnicType) {
            fields.put("binding:vnic_type", vnicType);
        }
        fields.set("fixed_ips", fixedIps(request));
        // Sent even when empty: a port the source kept without groups must not get the default one.
        ArrayNode groups = fields.putArray("security_groups");
        NeutronDependencies.all(request, "security_groups").forEach(group -> groups.add(request.id(group)));
        return fields;
    }

    /** Each of {@code params.fixed_ips} as the destination subnet's id and, where Neutron takes one, the address. */
    private ArrayNode fixedIps(WriteRequest request) {
        ArrayNode fixedIps = NeutronCollection.JSON.createArrayNode();
        List<ResourceRef> subnetRefs = NeutronDependencies.all(request, "subnets");
        List<?> entries = request.resource().params().get("fixed_ips") instanceof List<?> list ? list : List.of();
        List<ResourceRef> paired = new ArrayList<>();
        for (Object entry : entries) {
            Map<?, ?> fixedIp = entry instanceof Map<?, ?> map ? map : Map.of();
            ResourceRef subnet = subnetRefs.stream().filter(ref -> ref.name().equals(fixedIp.get("subnet"))).findFirst()
                    .orElseThrow(() -> new SkyliftException(ErrorCode.INVALID_INPUT, request.resource().ref() + " has the fixed IP " + fixedIp
                            + ", whose subnet is none of its refs.subnets " + subnetRefs + ": add the subnet to refs.subnets or correct params.fixed_ips"));
            paired.add(subnet);
            String subnetId = request.id(subnet);
            ObjectNode out = fixedIps.addObject().put("subnet_id", subnetId);
            if (fixedIp.get("ip_address") instanceof String address && !automaticAddresses(subnetId)) {
                out.put("ip_address", address);
            }
        }
        // A subnet without an address in params still gets one: the ref says the port is on it.
        subnetRefs.stream().filter(ref -> !paired.contains(ref)).forEach(ref -> fixedIps.addObject().put("subnet_id", request.id(ref)));
        return fixedIps;
    }

    private boolean automaticAddresses(String subnetId) {
        return AUTOMATIC_ADDRESSES.contains(subnets.get(subnetId).path("ipv6_address_mode").asText());
    }

    @Override
    String fix(WriteRequest request, SkyliftException refusal) {
        String message = refusal.getMessage().toLowerCase(Locale.ROOT);
        Map<String, Object> params = request.resource().params();
        if (message.contains("mac address")) {
            return "MAC " + params.get("mac_address") + " is in use on the destination network "
                    + NeutronDependencies.one(request, "network").name() + ": delete the port holding it, or remove params.mac_address to get a new one";
        }
        if (params.get("fixed_ips") instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> fixedIp && fixedIp.get("ip_address") instanceof String address && message.contains(address.toLowerCase(Locale.ROOT))) {
                    String subnet = String.valueOf(fixedIp.get("subnet"));
                    return "fixed IP " + address + " on subnet " + subnet + " (destination id " + destinationSubnet(request, subnet)
                            + ") is " + (message.contains("allocat") || message.contains("in use") ? "already in use there" : "refused there")
                            + ": free it at the destination, or remove ip_address from that entry of params.fixed_ips to get a new one";
                }
            }
        }
        return "";
    }

    private static String destinationSubnet(WriteRequest request, String name) {
        return NeutronDependencies.all(request, "subnets").stream().filter(ref -> ref.name().equals(name)).findFirst()
                .map(request::id).orElse("unknown");
    }
}
