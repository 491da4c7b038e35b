package io.skylift.provider.openstack.writer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Attaches a router to a subnet ({@code PUT /v2.0/routers/<id>/add_router_interface}), the
 * destination router and subnet its {@code router} and {@code subnet} refs name.
 *
 * <p>An interface has no id of its own that {@link #delete} could use (removing it needs the
 * router too), so its id here is {@code <router id>/<subnet id>}. It takes no tags: it is found
 * as the router's interface port with an address in the subnet.
 *
 * <p>On the subnet's gateway address (the usual case) the subnet is attached as it is; on another
 * address (the source's {@code params.ip_address}), a port with that address is made and attached.
 */
final class NeutronRouterInterfaceWriter implements TypeWriter {

    /** The device owners of the ports that "add router interface" makes, plain, distributed and HA. */
    private static final Set<String> DEVICE_OWNERS = Set.of("network:router_interface",
            "network:router_interface_distributed", "network:ha_router_replicated_interface");

    private final WriterContext context;
    private final NeutronCollection routers;
    private final NeutronCollection subnets;
    private final NeutronCollection ports;

    NeutronRouterInterfaceWriter(WriterContext context) {
        this.context = context;
        this.routers = NeutronCollection.of(context, "routers", "router", "routers");
        this.subnets = NeutronCollection.of(context, "subnets", "subnet", "subnets");
        this.ports = NeutronCollection.of(context, "ports", "port", "ports");
    }

    /** The id of an interface, {@code <router id>/<subnet id>}. */
    record InterfaceId(String router, String subnet) {
        InterfaceId {
            requireNonNull(router, "router is null");
            requireNonNull(subnet, "subnet is null");
            if (router.isBlank() || subnet.isBlank() || router.contains("/")) {
                throw new IllegalArgumentException("a router interface id is <router id>/<subnet id>, not " + router + "/" + subnet);
            }
        }

        static InterfaceId parse(String id) {
            int slash = id.indexOf('/');
            if (slash < 0) {
                throw new SkyliftException(ErrorCode.INVALID_INPUT, "router interface id " + id + " is not <router id>/<subnet id>");
            }
            return new InterfaceId(id.substring(0, slash), id.substring(slash + 1));
        }

        @Override
        public String toString() {
            return router + "/" + subnet;
        }
    }

    @Override
    public ResourceType type() {
        return ResourceType.ROUTER_INTERFACE;
    }

    @Override
    public Optional<String> find(WriteRequest request) {
        return find(new InterfaceId(NeutronDependencies.id(request, "router"), NeutronDependencies.id(request, "subnet")));
    }

    private Optional<String> find(InterfaceId id) {
        boolean attached = ports.visible(Map.of("device_id", id.router())).stream()
                .filter(port -> DEVICE_OWNERS.contains(port.path("device_owner").asText()))
                .anyMatch(port -> hasAddressIn(port, id.subnet()));
        return attached ? Optional.of(id.toString()) : Optional.empty();
    }

    private static boolean hasAddressIn(JsonNode port, String subnet) {
        for (JsonNode fixedIp : port.path("fixed_ips")) {
            if (fixedIp.path("subnet_id").asText().equals(subnet)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String create(WriteRequest request) {
        InterfaceId id = new InterfaceId(NeutronDependencies.id(request, "router"), NeutronDependencies.id(request, "subnet"));
        String what = request.resource().ref().toString();
        JsonNode subnet = subnets.get(id.subnet());
        ObjectNode body = NeutronCollection.JSON.createObjectNode();
        Optional<String> port = Optional.empty();
        if (request.resource().params().get("ip_address") instanceof String address
                && !address.equals(subnet.path("gateway_ip").asText())) {
            ObjectNode fields = NeutronCollection.JSON.createObjectNode()
                    .put("name", "")
                    .put("network_id", subnet.path("network_id").asText());
            fields.putArray("fixed_ips").addObject().put("subnet_id", id.subnet()).put("ip_address", address);
            port = Optional.of(ports.post("port for " + what + " at " + address, fields,
                    refusal -> "address " + address + " is in use on subnet " + NeutronDependencies.one(request, "subnet").name()
                            + ": free it, or remove params.ip_address to attach on the subnet's gateway").path("id").asText());
            body.put("port_id", port.get());
        }
        else {
            body.put("subnet_id", id.subnet());
        }
        try {
            context.client().put(ServiceType.NETWORK, routers.path("/" + id.router() + "/add_router_interface"), body);
        }
        catch (SkyliftException e) {
            port.ifPresent(ports::delete);
            // The interface is a port: an exhausted quota is the ports'.
            throw ports.failure("add " + what, e, fix(request, e));
        }
        return id.toString();
    }

    private static String fix(WriteRequest request, SkyliftException refusal) {
        String message = refusal.getMessage().toLowerCase(Locale.ROOT);
        String subnet = NeutronDependencies.one(request, "subnet").name();
        if (message.contains("overlap")) {
            return "subnet " + subnet + " overlaps a subnet the router has already: attach it to another router, or change its CIDR";
        }
        if (message.contains("gateway") || message.contains("in use") || message.contains("allocated")) {
            return "the gateway address of subnet " + subnet + " is in use by another port: delete that port, or set params.ip_address to a free address";
        }
        return "";
    }

    /**
     * The interface named {@code <router>/<subnet>}, as the inventory names them. Either name may
     * hold a {@code /}, so every split is tried.
     */
    @Override
    public Optional<String> lookup(ResourceRef ref) {
        String name = ref.name();
        for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
            Optional<String> router = routers.findNamed(name.substring(0, slash));
            Optional<String> subnet = router.isPresent() ? subnets.findNamed(name.substring(slash + 1)) : Optional.empty();
            if (router.isPresent() && subnet.isPresent()) {
                Optional<String> found = find(new InterfaceId(router.get(), subnet.get()));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Detaches the subnet ({@code remove_router_interface}), which deletes the interface's port; a router or interface already gone is fine. */
    @Override
    public void delete(String id) {
        InterfaceId parsed = InterfaceId.parse(id);
        ObjectNode body = NeutronCollection.JSON.createObjectNode().put("subnet_id", parsed.subnet());
        try {
            context.client().put(ServiceType.NETWORK, routers.path("/" + parsed.router() + "/remove_router_interface"), body);
        }
        catch (SkyliftException e) {
            if (e.code() != ErrorCode.NOT_FOUND) {
                throw routers.failure("remove router interface " + id, e, "");
            }
        }
    }
}
