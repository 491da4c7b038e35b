package io.skylift.provider.openstack.writer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.WriteRequest;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a {@code router} ({@code POST /v2.0/routers}) with its gateway on the destination
 * network its {@code external_network} ref names. Its interfaces are resources of their own
 * ({@link NeutronRouterInterfaceWriter}).
 *
 * <p>Neutron's default policy lets only an admin choose the gateway's addresses, SNAT, and
 * distributed or HA routers; for anyone else those are left to the destination. An admin keeps
 * the source's gateway address when a subnet of the destination's external network holds it.
 * {@code params.routes} are not sent: their next hops are reachable only through interfaces,
 * which are made after the router.
 */
final class NeutronRouterWriter extends NeutronTaggedWriter {

    NeutronRouterWriter(WriterContext context) {
        super(ResourceType.ROUTER, context, "routers", "router", "routers");
    }

    @Override
    ObjectNode fields(WriteRequest request) {
        Map<String, Object> params = request.resource().params();
        ObjectNode fields = named(request, "description", "admin_state_up", "availability_zone_hints");
        boolean admin = admin();
        if (admin) {
            NeutronCollection.copy(fields, params, "distributed", "ha");
        }
        Optional<ResourceRef> external = NeutronDependencies.optional(request, "external_network");
        if (external.isPresent()) {
            String networkId = request.id(external.get());
            ObjectNode gateway = fields.putObject("external_gateway_info").put("network_id", networkId);
            if (admin && params.get("external_gateway") instanceof Map<?, ?> source) {
                if (source.get("enable_snat") instanceof Boolean snat) {
                    gateway.put("enable_snat", snat);
                }
                keptAddresses(source, networkId).ifPresent(addresses -> gateway.set("external_fixed_ips", addresses));
            }
        }
        return fields;
    }

    /** The source's gateway addresses that a subnet of the destination's external network holds, with that subnet. */
    private Optional<ArrayNode> keptAddresses(Map<?, ?> gateway, String networkId) {
        if (!(gateway.get("external_fixed_ips") instanceof List<?> fixedIps) || fixedIps.isEmpty()) {
            return Optional.empty();
        }
        List<JsonNode> subnets = context.client().list(ServiceType.NETWORK,
                "/v2.0/subnets?network_id=" + NeutronCollection.encode(networkId), "subnets");
        ArrayNode kept = NeutronCollection.JSON.createArrayNode();
        for (Object fixedIp : fixedIps) {
            if (fixedIp instanceof Map<?, ?> entry && entry.get("ip_address") instanceof String address) {
                subnets.stream().filter(subnet -> contains(subnet.path("cidr").asText(), address)).findFirst()
                        .ifPresent(subnet -> kept.addObject().put("subnet_id", subnet.path("id").asText()).put("ip_address", address));
            }
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept);
    }

    /** Whether {@code cidr} holds {@code address}; both are literals, so nothing is resolved. */
    static boolean contains(String cidr, String address) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return false;
        }
        try {
            byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            byte[] candidate = InetAddress.getByName(address).getAddress();
            int prefix = Integer.parseInt(cidr.substring(slash + 1));
            if (network.length != candidate.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
            return new BigInteger(1, network).and(mask).equals(new BigInteger(1, candidate).and(mask));
        }
        catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
