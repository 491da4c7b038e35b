package io.skylift.provider.openstack.writer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.ResourceType;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.Locale;
import java.util.Map;

/**
 * Creates a {@code subnet} ({@code POST /v2.0/subnets}) in the destination network its
 * {@code network} ref names, with the source's CIDR, gateway, allocation pools and DHCP settings.
 */
final class NeutronSubnetWriter extends NeutronTaggedWriter {

    NeutronSubnetWriter(WriterContext context) {
        super(ResourceType.SUBNET, context, "subnets", "subnet", "subnets");
    }

    @Override
    ObjectNode fields(WriteRequest request) {
        Map<String, Object> params = request.resource().params();
        ObjectNode fields = named(request, "description", "ip_version", "cidr", "gateway_ip", "allocation_pools", "dns_nameservers",
                "host_routes", "enable_dhcp", "ipv6_ra_mode", "ipv6_address_mode", "service_types")
                .put("network_id", NeutronDependencies.id(request, "network"));
        if (!params.containsKey("gateway_ip")) {
            // The inventory leaves out a null gateway; Neutron would otherwise give the subnet its first address as one.
            fields.putNull("gateway_ip");
        }
        return fields;
    }

    @Override
    String fix(WriteRequest request, SkyliftException refusal) {
        String message = refusal.getMessage().toLowerCase(Locale.ROOT);
        Object cidr = request.resource().params().get("cidr");
        if (message.contains("overlap")) {
            return "CIDR " + cidr + " overlaps a subnet the destination network " + NeutronDependencies.one(request, "network").name()
                    + " (or a router attached to it) already has: delete that subnet, or change params.cidr";
        }
        if (message.contains("gateway") || message.contains("allocation") || message.contains("pool")) {
            return "the gateway " + request.resource().params().get("gateway_ip") + " or allocation pools "
                    + request.resource().params().get("allocation_pools") + " do not fit CIDR " + cidr + ": correct them in params";
        }
        return "";
    }
}
