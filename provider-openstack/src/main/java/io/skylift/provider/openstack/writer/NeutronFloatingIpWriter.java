package io.skylift.provider.openstack.writer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a {@code floating_ip} ({@code POST /v2.0/floatingips}) on the destination network its
 * {@code floating_network} ref names, associated with the destination port its {@code port} ref
 * names.
 *
 * <p>The address is a new one: the source's belongs to the source cloud's range. With
 * {@code migration.keep_address: true} the source's address is asked for, and a refusal (taken,
 * or outside the destination's range) is an error rather than a silently different address.
 */
final class NeutronFloatingIpWriter extends NeutronTaggedWriter {

    /** The migration option that asks for the source's address. */
    static final String KEEP_ADDRESS = "keep_address";

    NeutronFloatingIpWriter(WriterContext context) {
        super(ResourceType.FLOATING_IP, context, "floatingips", "floatingip", "floating-ips");
    }

    @Override
    ObjectNode fields(WriteRequest request) {
        Map<String, Object> params = request.resource().params();
        ObjectNode fields = NeutronCollection.JSON.createObjectNode()
                .put("floating_network_id", NeutronDependencies.id(request, "floating_network"));
        NeutronCollection.copy(fields, params, "description", "dns_name", "dns_domain");
        NeutronDependencies.optional(request, "port").ifPresent(port -> {
            fields.put("port_id", request.id(port));
            // Which of the port's addresses, when it has several; the port keeps the source's.
            NeutronCollection.copy(fields, params, "fixed_ip_address");
        });
        if (keepsAddress(request)) {
            String address = String.valueOf(params.get("floating_ip_address"));
            collection.list(Map.of("floating_ip_address", address)).stream().findFirst().ifPresent(held -> {
                throw new SkyliftException(ErrorCode.ALREADY_EXISTS, request.resource().ref() + " asks to keep address " + address
                        + ", which floating IP " + held.path("id").asText() + " of the destination project holds already: "
                        + "delete that one, or set migration.keep_address to false to get a new address");
            });
            fields.put("floating_ip_address", address);
        }
        return fields;
    }

    private static boolean keepsAddress(WriteRequest request) {
        return Boolean.TRUE.equals(request.resource().migration().get(KEEP_ADDRESS))
                && request.resource().params().containsKey("floating_ip_address");
    }

    @Override
    String fix(WriteRequest request, SkyliftException refusal) {
        String message = refusal.getMessage().toLowerCase(Locale.ROOT);
        if (keepsAddress(request) && (refusal.code() == ErrorCode.ALREADY_EXISTS || message.contains("ip address")
                || message.contains("allocat") || message.contains("in use"))) {
            return "address " + request.resource().params().get("floating_ip_address") + " is taken at the destination or outside the range of "
                    + "network " + NeutronDependencies.one(request, "floating_network").name()
                    + ": set migration.keep_address to false to get a new address";
        }
        if (message.contains("external network") || message.contains("not reachable")) {
            return "the destination port's subnet must be on a router with its gateway on network "
                    + NeutronDependencies.one(request, "floating_network").name() + ": add the router and its interface to the plan";
        }
        return "";
    }

    /** The project's floating IP whose address is {@code ref.name()}, as the inventory names them; else by id. */
    @Override
    public Optional<String> lookup(ResourceRef ref) {
        Optional<String> byAddress = collection.unique(collection.list(Map.of("floating_ip_address", ref.name())), "address " + ref.name());
        return byAddress.isPresent() ? byAddress : collection.unique(collection.list(Map.of("id", ref.name())), "id " + ref.name());
    }
}
