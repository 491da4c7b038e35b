package io.skylift.bundle.playbook;

import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Networks, subnets, routers and their interfaces, security groups and rules, ports and floating
 * IPs as {@code openstack.cloud} tasks. Where openstack.cloud 2.x renamed an argument and kept the
 * old name as an alias, the old name is written: both 2.x and 1.10 accept it.
 */
final class NetworkTasks {

    private NetworkTasks() {}

    static ResourceTasks network(Resource network, PlaybookContext context) {
        Map<String, Object> params = network.params();
        boolean external = Boolean.TRUE.equals(params.get("external"));
        List<String> comments = new ArrayList<>();
        ModuleArguments arguments = ModuleArguments.named(network)
                .copy(params, "shared")
                .copy(params, "admin_state_up")
                .copy(params, "external")
                .copy(params, "mtu")
                .copy(params, "port_security_enabled")
                .copy(params, "dns_domain");
        if (external) {
            // An external network is the physical one it is mapped to; a tenant network's segment
            // is left to the destination, where the source's VLAN or VNI may be taken.
            arguments.copy(params, "provider_network_type")
                    .copy(params, "provider_physical_network")
                    .copy(params, "provider_segmentation_id");
            comments.add(network.ref() + " is external: creating it needs admin, and its physical network must exist at the destination.");
        }
        return ResourceTasks.created(network, "openstack.cloud.network", arguments, "network", context).withComments(comments);
    }

    static ResourceTasks subnet(Resource subnet, PlaybookContext context) {
        Map<String, Object> params = subnet.params();
        ModuleArguments arguments = ModuleArguments.named(subnet)
                // 2.x calls it network; network_name is its alias and 1.10's name.
                .put("network_name", PlaybookContext.refName(subnet, "network").orElse(null))
                .copy(params, "cidr")
                .copy(params, "ip_version")
                .copy(params, "enable_dhcp");
        if (params.containsKey("gateway_ip")) {
            arguments.copy(params, "gateway_ip");
        }
        else {
            // The inventory leaves out a null gateway_ip: the subnet has no gateway.
            arguments.put("no_gateway_ip", true);
        }
        arguments.copy(params, "dns_nameservers").copy(params, "host_routes");
        if (params.get("allocation_pools") instanceof List<?> pools && !pools.isEmpty()) {
            if (pools.size() == 1 && pools.getFirst() instanceof Map<?, ?> pool) {
                // One pool: start and end, which both 2.x and 1.10 take; only 2.x takes a list.
                arguments.put("allocation_pool_start", pool.get("start")).put("allocation_pool_end", pool.get("end"));
            }
            else {
                arguments.put("allocation_pools", pools);
            }
        }
        arguments.copy(params, "ipv6_ra_mode")
                .copy(params, "ipv6_address_mode")
                .copy(params, "description");
        return ResourceTasks.created(subnet, "openstack.cloud.subnet", arguments, "subnet", context);
    }

    static ResourceTasks router(Resource router, PlaybookContext context) {
        List<String> comments = new ArrayList<>();
        ModuleArguments arguments = routerArguments(router, comments);
        return ResourceTasks.created(router, "openstack.cloud.router", arguments, "router", context).withComments(comments);
    }

    /**
     * An interface is the router's {@code interfaces} argument, which lists all of them: so the
     * router task is repeated at each interface, with every interface of that router up to this
     * one, in bundle order (after its subnet exists). The new id is the interface's port,
     * looked up by router and subnet.
     */
    static ResourceTasks routerInterface(Resource routerInterface, PlaybookContext context) {
        Optional<ResourceRef> routerRef = PlaybookContext.first(routerInterface, "router");
        Optional<ResourceRef> subnetRef = PlaybookContext.first(routerInterface, "subnet");
        Optional<Resource> router = routerRef.flatMap(context::resource);
        if (router.isEmpty() || subnetRef.isEmpty()) {
            return ResourceTasks.notCreated(routerInterface.ref(), "Its router or subnet is not in the bundle.");
        }
        List<Object> interfaces = new ArrayList<>();
        for (Resource other : context.resources()) {
            if (other.ref().type() == ResourceType.ROUTER_INTERFACE && PlaybookContext.first(other, "router").equals(routerRef)) {
                interfaces.add(interfaceOf(other, context));
            }
            if (other.ref().equals(routerInterface.ref())) {
                break;
            }
        }
        List<String> comments = new ArrayList<>();
        comments.add(routerInterface.ref() + ": the router's interfaces list, repeated with each interface added.");
        ModuleArguments arguments = routerArguments(router.get(), new ArrayList<>()).put("interfaces", interfaces);
        String register = context.register(routerInterface.ref());
        String ports = register + "_ports";
        Task routerTask = Task.of("Add " + routerInterface.ref(), "openstack.cloud.router", arguments).registeredAs(register);
        Task portLookup = Task.of("Find the port of " + routerInterface.ref(), "openstack.cloud.port_info", ModuleArguments.openstack()
                .raw("filters", Map.of("device_id", JinjaText.expression(context.register(routerRef.get()) + ".router.id"))))
                .registeredAs(ports);
        // 2.x lists ports as ports; the interface is the router's port on this subnet.
        String newId = "{% for port in " + ports + ".ports if port.fixed_ips | selectattr('subnet_id', 'equalto', "
                + context.register(subnetRef.get()) + ".subnet.id) | list %}{{ port.id }}{% endfor %}";
        return new ResourceTasks(routerInterface.ref(), comments, List.of(routerTask, portLookup,
                UuidsCsvTasks.row(routerInterface, Optional.of(newId))));
    }

    private static ModuleArguments routerArguments(Resource router, List<String> comments) {
        Map<String, Object> params = router.params();
        ModuleArguments arguments = ModuleArguments.named(router)
                .copy(params, "admin_state_up")
                .put("network", PlaybookContext.refName(router, "external_network").orElse(null));
        if (params.get("external_gateway") instanceof Map<?, ?> gateway) {
            // Only an admin may set SNAT; true is Neutron's default, so only false is written.
            if (Boolean.FALSE.equals(gateway.get("enable_snat"))) {
                arguments.put("enable_snat", false);
            }
            if (gateway.get("external_fixed_ips") instanceof List<?> fixedIps && !fixedIps.isEmpty()) {
                List<String> addresses = fixedIps.stream()
                        .map(fixedIp -> fixedIp instanceof Map<?, ?> entry ? String.valueOf(entry.get("ip_address")) : String.valueOf(fixedIp))
                        .toList();
                comments.add(router.ref() + ": the gateway's address (it was " + String.join(", ", addresses)
                        + ") is the destination's: it lay in the source's external subnets, which the bundle does not name.");
            }
        }
        return arguments;
    }

    private static Object interfaceOf(Resource routerInterface, PlaybookContext context) {
        Optional<ResourceRef> subnetRef = PlaybookContext.first(routerInterface, "subnet");
        Optional<String> network = subnetRef.flatMap(context::resource).flatMap(subnet -> PlaybookContext.refName(subnet, "network"));
        Map<String, Object> entry = new LinkedHashMap<>();
        network.ifPresent(name -> entry.put("net", name));
        subnetRef.ifPresent(subnet -> entry.put("subnet", subnet.name()));
        if (routerInterface.params().get("ip_address") instanceof String address && !address.isEmpty()) {
            entry.put("portip", address);
        }
        return entry;
    }

    static ResourceTasks securityGroup(Resource group, PlaybookContext context) {
        Map<String, Object> params = group.params();
        ModuleArguments arguments = ModuleArguments.named(group)
                .copy(params, "description");
        // Stateful is Neutron's default; 1.10 has no such argument, so only a stateless group says so.
        if (Boolean.FALSE.equals(params.get("stateful"))) {
            arguments.put("stateful", false);
        }
        return ResourceTasks.created(group, "openstack.cloud.security_group", arguments, "security_group", context);
    }

    /**
     * A rule finds an equal one before it creates one, so the rules Neutron gives every new group
     * (egress to anywhere) and the default group's own are matched, not duplicated.
     */
    static ResourceTasks securityGroupRule(Resource rule, PlaybookContext context) {
        Map<String, Object> params = rule.params();
        if (rule.info().containsKey("remote_address_group_id")) {
            // Left out rather than created without its remote, which would allow every address.
            return ResourceTasks.notCreated(rule.ref(), "Its remote is an address group (" + rule.info().get("remote_address_group_id")
                    + "), which openstack.cloud has no argument for; create it by hand.");
        }
        ModuleArguments arguments = ModuleArguments.openstack()
                .put("security_group", PlaybookContext.refName(rule, "security_group").orElse(null))
                .copy(params, "direction")
                // 2.x calls it ether_type; ethertype is its alias and 1.10's name.
                .copy(params, "ethertype")
                .copy(params, "protocol")
                .copy(params, "port_range_min")
                .copy(params, "port_range_max")
                .copy(params, "remote_ip_prefix")
                .put("remote_group", PlaybookContext.refName(rule, "remote_group").orElse(null))
                .copy(params, "description");
        return ResourceTasks.created(rule, "openstack.cloud.security_group_rule", arguments, "rule", context);
    }

    static ResourceTasks port(Resource port, PlaybookContext context) {
        Map<String, Object> params = port.params();
        List<Object> fixedIps = new ArrayList<>();
        if (params.get("fixed_ips") instanceof List<?> addresses) {
            for (Object address : addresses) {
                if (address instanceof Map<?, ?> fixedIp) {
                    fixedIps.add(fixedIp(port, fixedIp, context));
                }
            }
        }
        List<String> groups = PlaybookContext.refNames(port, "security_groups");
        ModuleArguments arguments = ModuleArguments.named(port)
                .put("network", PlaybookContext.refName(port, "network").orElse(null))
                .raw("fixed_ips", fixedIps)
                .copy(params, "description")
                .copy(params, "admin_state_up")
                .copy(params, "port_security_enabled")
                .copy(params, "allowed_address_pairs")
                .copy(params, "extra_dhcp_opts")
                .copy(params, "vnic_type")
                .copy(params, "dns_name");
        if (groups.isEmpty()) {
            // Without either, Neutron would put the port in the project's default group.
            arguments.put("no_security_groups", true);
        }
        else {
            arguments.put("security_groups", groups);
        }
        return ResourceTasks.created(port, "openstack.cloud.port", arguments, "port", context)
                .withComments(List.of(port.ref() + ": its MAC address is the destination's own."));
    }

    /** The address and the new subnet's id: the module takes the subnet by id only. */
    private static Map<String, Object> fixedIp(Resource port, Map<?, ?> fixedIp, PlaybookContext context) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (fixedIp.get("ip_address") instanceof String address) {
            entry.put("ip_address", JinjaText.literal(address));
        }
        if (fixedIp.get("subnet") instanceof String subnetName) {
            port.refs().getOrDefault("subnets", List.of()).stream()
                    .filter(subnet -> subnet.name().equals(subnetName))
                    .findFirst()
                    .ifPresent(subnet -> entry.put("subnet_id", JinjaText.expression(context.register(subnet) + ".subnet.id")));
        }
        return entry;
    }

    /**
     * openstack.cloud creates a floating IP for a server, not a port: so one whose port a server of
     * the bundle uses is created right after that server (see {@link Playbook}), on the port's
     * address; one on a port no server uses, or on none, cannot be expressed.
     *
     * @param server the server that uses the floating IP's port
     */
    static ResourceTasks floatingIp(Resource floatingIp, Optional<Resource> server, PlaybookContext context) {
        Map<String, Object> params = floatingIp.params();
        String address = String.valueOf(params.getOrDefault("floating_ip_address", floatingIp.ref().name()));
        if (server.isEmpty()) {
            return ResourceTasks.notCreated(floatingIp.ref(), "openstack.cloud.floating_ip only creates a floating IP for a server,",
                    "and no server of the bundle uses its port. Allocate one on "
                            + PlaybookContext.refName(floatingIp, "floating_network").orElse("the external network") + " by hand.");
        }
        Optional<String> portNetwork = PlaybookContext.first(floatingIp, "port").flatMap(context::resource)
                .flatMap(port -> PlaybookContext.refName(port, "network"));
        ModuleArguments arguments = ModuleArguments.openstack()
                .put("server", server.get().ref().name())
                .put("network", PlaybookContext.refName(floatingIp, "floating_network").orElse(null))
                .copy(params, "fixed_ip_address", "fixed_address")
                .put("nat_destination", portNetwork.orElse(null))
                .put("wait", true);
        return ResourceTasks.created(floatingIp, "openstack.cloud.floating_ip", arguments, "floating_ip", context)
                .withComments(List.of(floatingIp.ref() + ": after " + server.get().ref() + ", which uses its port; the destination picks the address (it was "
                        + address + ")."));
    }
}
