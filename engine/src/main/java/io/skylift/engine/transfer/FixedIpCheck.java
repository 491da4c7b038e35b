package io.skylift.engine.transfer;

import io.skylift.engine.transfer.MigrationPreview.Finding;
import io.skylift.engine.transfer.MigrationPreview.Severity;
import io.skylift.model.Resource;
import io.skylift.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the fixed IPs that ports keep ({@code keep_ips}) are free at the destination. A subnet
 * the migration creates has no ports yet; one an earlier run made (the same CIDR) may have got
 * others since, and Neutron refuses a second port with an address. Only ports the inventory
 * reads are seen: those Neutron makes itself (DHCP, router interfaces) are not resources.
 */
final class FixedIpCheck {

    private FixedIpCheck() {}

    static List<Finding> findings(PlannedDestination destination) {
        List<Finding> findings = new ArrayList<>();
        for (ImportPlan.Step step : destination.steps()) {
            Resource port = step.resource();
            if (port.ref().type() != ResourceType.PORT || !destination.creates(port.ref())
                    || !(port.params().get("fixed_ips") instanceof List<?> fixedIps)) {
                continue;
            }
            for (Object fixedIp : fixedIps) {
                if (fixedIp instanceof Map<?, ?> address && address.get("ip_address") instanceof String ip) {
                    subnetAtDestination(destination, port, address.get("subnet")).flatMap(subnet -> holder(destination, subnet, ip)
                            .map(holder -> new Finding(Severity.ERROR, port.ref().toString(), "port " + port.ref() + " keeps its address " + ip
                                    + ", which port " + holder.ref() + " already has on subnet " + subnet.ref() + " (" + subnet.params().get("cidr")
                                    + ") at the destination: free the address there (delete " + holder.ref() + " or give it another), or let the"
                                    + " destination assign new addresses (--destination-environment keep_ips=false)")))
                            .ifPresent(findings::add);
                }
            }
        }
        return findings;
    }

    /** The destination subnet an earlier run made of the port's source subnet of that name. */
    private static Optional<Resource> subnetAtDestination(PlannedDestination destination, Resource port, Object subnetName) {
        return port.refs().getOrDefault("subnets", List.of()).stream().filter(subnet -> subnet.name().equals(subnetName)).findFirst()
                .map(destination.ids()::get).flatMap(id -> destination.held(ResourceType.SUBNET, id));
    }

    /** The destination port that has {@code ip} on {@code subnet}. */
    private static Optional<Resource> holder(PlannedDestination destination, Resource subnet, String ip) {
        return destination.held().stream()
                .filter(resource -> resource.ref().type() == ResourceType.PORT)
                .filter(resource -> resource.refs().getOrDefault("subnets", List.of()).contains(subnet.ref()))
                .filter(resource -> resource.params().get("fixed_ips") instanceof List<?> held && held.stream().anyMatch(fixedIp ->
                        fixedIp instanceof Map<?, ?> address && ip.equals(address.get("ip_address")) && subnet.ref().name().equals(address.get("subnet"))))
                .findFirst();
    }
}
