package io.skylift.provider.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceGraph;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.client.OpenStackClient;
import io.skylift.spi.Inventory;
import io.skylift.spi.Provider;
import io.skylift.spi.ResourceWriter;
import io.skylift.spi.WriteRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Neutron resources of skylift-src-demo recreated in skylift-dst-demo through the
 * {@link ResourceWriter}, in topological order, under names prefixed {@code nit-<run>-} so that
 * runs and other tests on the destination do not meet: the destination's inventory then holds
 * them with the source's CIDRs, pools, rules, addresses and MACs; a second pass finds every one
 * and creates nothing; deleting in reverse order leaves nothing behind.
 *
 * <p>The source's external network {@code skylift-public} is not created but mapped by
 * {@link ResourceWriter#lookup} to the destination's provider network of that name, which the
 * setup makes as skylift-dst (admin) if it is missing, and keeps.
 */
class NeutronWritersIT {

    private static final Logger LOG = LoggerFactory.getLogger(NeutronWritersIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<ResourceType> NEUTRON = EnumSet.of(ResourceType.NETWORK, ResourceType.SUBNET, ResourceType.ROUTER,
            ResourceType.ROUTER_INTERFACE, ResourceType.SECURITY_GROUP, ResourceType.SECURITY_GROUP_RULE, ResourceType.PORT,
            ResourceType.FLOATING_IP);
    private static final String PUBLIC = "skylift-public";
    private static final String RUN = runId();
    private static final String PREFIX = "nit-" + RUN + "-";

    private static Provider destination;
    private static ResourceWriter writer;
    /** The source's resources under their destination names, dependencies first. */
    private static List<Resource> plan;
    /** Destination ids by (renamed) ref, in creation order. */
    private static final Map<ResourceRef, String> ids = new LinkedHashMap<>();
    /** What this run made or took over, in creation order, for the cleanup. */
    private static final Map<ResourceRef, String> made = new LinkedHashMap<>();

    private record Made(ResourceRef ref, String id) {}

    @BeforeAll
    static void setUp() {
        try (Provider admin = Testbed.factory().connect(Testbed.connection("skylift-dst"))) {
            ensurePublicNetwork(((OpenStackProvider) admin).client());
        }
        List<Resource> source;
        try (Provider src = Testbed.factory().connect(Testbed.connection("skylift-src-demo"))) {
            source = src.capability(Inventory.class).orElseThrow().read(NEUTRON);
        }
        // The demo project's own, and the shared or external networks they use (the router's and floating IP's).
        ResourceGraph graph = ResourceGraph.of(source.stream().map(NeutronWritersIT::renamed).toList());
        plan = graph.closure(graph.resources().stream().map(Resource::ref).filter(NeutronWritersIT::isOurs).toList()).topologicalOrder();
        destination = Testbed.factory().connect(Testbed.connection("skylift-dst-demo"));
        writer = destination.capability(ResourceWriter.class).orElseThrow();
        System.out.printf("run %s: %d resources to make in skylift-dst-demo: %s%n", RUN, plan.size(),
                plan.stream().map(resource -> resource.ref().toString()).collect(Collectors.joining(", ")));
    }

    /** The destination's provider network, as an operator would have made it; kept for every later run. */
    private static void ensurePublicNetwork(OpenStackClient admin) {
        List<JsonNode> networks = admin.list(ServiceType.NETWORK, "/v2.0/networks?name=" + PUBLIC + "&router:external=true", "networks");
        String network;
        if (networks.isEmpty()) {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("network").put("name", PUBLIC).put("router:external", true);
            network = admin.post(ServiceType.NETWORK, "/v2.0/networks", body).path("network").path("id").asText();
            System.out.printf("made the destination's external network %s (%s)%n", PUBLIC, network);
        }
        else {
            network = networks.getFirst().path("id").asText();
        }
        if (admin.list(ServiceType.NETWORK, "/v2.0/subnets?network_id=" + network, "subnets").isEmpty()) {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("subnet").put("name", PUBLIC + "-subnet").put("network_id", network).put("ip_version", 4)
                    .put("cidr", "203.0.113.0/24").put("enable_dhcp", false);
            admin.post(ServiceType.NETWORK, "/v2.0/subnets", body);
        }
    }

    @AfterAll
    static void cleanUp() {
        if (writer != null) {
            List<Map.Entry<ResourceRef, String>> left = new ArrayList<>(made.entrySet());
            for (Map.Entry<ResourceRef, String> entry : left.reversed()) {
                try {
                    writer.delete(entry.getKey().type(), entry.getValue());
                }
                catch (RuntimeException e) {
                    LOG.warn("run {}: could not delete {} ({}): {}", RUN, entry.getKey(), entry.getValue(), e.getMessage());
                }
            }
        }
        if (destination != null) {
            destination.close();
        }
    }

    @Test
    void sourceNetworkRecreated_foundAgain_andDeleted() {
        long started = System.nanoTime();

        // 1. Create in topological order, finding first as a migration does.
        List<ResourceRef> foundBeforeCreate = new ArrayList<>();
        for (Resource resource : plan) {
            ResourceRef ref = resource.ref();
            if (!isOurs(ref)) {
                ids.put(ref, writer.lookup(ref).orElseThrow(() -> new AssertionError("no " + ref.name() + " at the destination")));
                continue;
            }
            WriteRequest request = request(resource);
            Optional<String> found = writer.find(request);
            found.ifPresent(id -> foundBeforeCreate.add(ref));
            String id = found.orElseGet(() -> writer.create(request));
            ids.put(ref, id);
            made.put(ref, id);
        }
        System.out.printf("run %s: made %d resources in %s s (%d found before create)%n", RUN, made.size(), seconds(started),
                foundBeforeCreate.size());
        assertThat(foundBeforeCreate).as("only the egress rules Neutron gives every new group exist before they are made")
                .isNotEmpty()
                .allSatisfy(ref -> assertThat(ref.type()).isEqualTo(ResourceType.SECURITY_GROUP_RULE))
                .allSatisfy(ref -> assertThat(ref.name()).matches(".*/egress-IPv[46]-any-any-any-any"));

        // 2. The destination's own inventory holds them as the source had them.
        Map<ResourceRef, Resource> inventory = destinationInventory();
        for (Resource wanted : plan) {
            if (isOurs(wanted.ref()) && wanted.ref().type() != ResourceType.FLOATING_IP) {
                assertThat(inventory).as("destination inventory").containsKey(wanted.ref());
                assertSame(wanted, inventory.get(wanted.ref()));
            }
        }
        assertThat(inventory.get(ref(ResourceType.NETWORK, "skylift-net-a")).params().get("tags")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .as("the marker tag").contains("skylift-source:" + marker(planned(ResourceType.NETWORK, "skylift-net-a")));
        Resource webPort = inventory.get(ref(ResourceType.PORT, "skylift-web-1-port"));
        assertThat(webPort.params().get("fixed_ips")).isEqualTo(List.of(Map.of("subnet", PREFIX + "skylift-subnet-a", "ip_address", "10.10.0.10")));
        assertThat(webPort.params().get("mac_address")).isEqualTo(planned(ResourceType.PORT, "skylift-web-1-port").params().get("mac_address"));
        Resource dbRule = inventory.get(ref(ResourceType.SECURITY_GROUP_RULE,
                "skylift-db/ingress-IPv4-tcp-5432-5432-group-skylift-web"));
        assertThat(dbRule).as("skylift-db's rule from skylift-web").isNotNull();
        assertThat(dbRule.refs().get("remote_group")).containsExactly(ref(ResourceType.SECURITY_GROUP, "skylift-web"));
        Resource router = inventory.get(ref(ResourceType.ROUTER, "skylift-router"));
        assertThat(router.refs().get("external_network")).singleElement().extracting(ResourceRef::name).isEqualTo(PUBLIC);
        List<Resource> floatingIps = inventory.values().stream().filter(resource -> resource.ref().type() == ResourceType.FLOATING_IP)
                .filter(resource -> resource.refs().getOrDefault("port", List.of()).contains(webPort.ref())).toList();
        assertThat(floatingIps).as("a floating IP on " + webPort.ref()).singleElement()
                .satisfies(floatingIp -> assertThat(floatingIp.refs().get("floating_network")).singleElement()
                        .extracting(ResourceRef::name).isEqualTo(PUBLIC));

        // 3. A second pass finds every one, so it would create nothing.
        for (Map.Entry<ResourceRef, String> entry : made.entrySet()) {
            Resource resource = plan.stream().filter(candidate -> candidate.ref().equals(entry.getKey())).findFirst().orElseThrow();
            assertThat(writer.find(request(resource))).as("find " + entry.getKey()).contains(entry.getValue());
        }

        // 4. Deleted in reverse order, nothing is left.
        List<Made> deleting = made.entrySet().stream().map(entry -> new Made(entry.getKey(), entry.getValue())).toList();
        for (Made one : deleting.reversed()) {
            writer.delete(one.ref().type(), one.id());
            made.remove(one.ref());
        }
        Set<ResourceRef> left = destinationInventory().keySet().stream().filter(NeutronWritersIT::isOurs)
                .filter(ref -> ref.name().startsWith(PREFIX)).collect(Collectors.toSet());
        assertThat(left).as("left at the destination").isEmpty();
        for (Made one : deleting) {
            if (one.ref().type() == ResourceType.FLOATING_IP || one.ref().type() == ResourceType.PORT) {
                Resource resource = plan.stream().filter(candidate -> candidate.ref().equals(one.ref())).findFirst().orElseThrow();
                assertThat(writer.find(request(resource))).as("find " + one.ref() + " after delete").isEmpty();
            }
        }
        System.out.printf("run %s: made, checked, found again and deleted %d resources in %s s%n", RUN, deleting.size(), seconds(started));
    }

    /** The params and refs the source had, but for the marker tag and what the destination decides. */
    private static void assertSame(Resource wanted, Resource actual) {
        Map<String, Object> params = new LinkedHashMap<>(actual.params());
        params.remove("tags");
        Map<String, Object> expected = new LinkedHashMap<>(wanted.params());
        switch (wanted.ref().type()) {
            // Where the gateway lands is the destination's choice (its external subnet).
            case ROUTER -> {
                params.remove("external_gateway");
                expected.remove("external_gateway");
            }
            // Nova sets the device owner when a server takes the port; none has here.
            case PORT -> expected.remove("device_owner");
            default -> { }
        }
        assertThat(params).as("params of " + wanted.ref()).isEqualTo(expected);
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>(actual.refs());
        if (wanted.ref().type() == ResourceType.ROUTER) {
            // The destination's external network has another owner; its name is checked above.
            refs.remove("external_network");
            assertThat(wanted.refs().get("external_network")).singleElement().extracting(ResourceRef::name).isEqualTo(PUBLIC);
            assertThat(refs).as("refs of " + wanted.ref()).isEmpty();
            return;
        }
        assertThat(refs).as("refs of " + wanted.ref()).isEqualTo(wanted.refs());
    }

    private static Map<ResourceRef, Resource> destinationInventory() {
        return destination.capability(Inventory.class).orElseThrow().read(NEUTRON).stream()
                .collect(Collectors.toMap(Resource::ref, Function.identity()));
    }

    private static WriteRequest request(Resource resource) {
        Map<ResourceRef, String> known = new LinkedHashMap<>();
        resource.dependencies().forEach(dependency -> known.put(dependency, ids.get(dependency)));
        return new WriteRequest(resource, known, marker(resource), Optional.empty());
    }

    /** A UUID of this run and the source id: unique per run, so an earlier run's leftovers are not found. */
    private static String marker(Resource resource) {
        String sourceId = String.valueOf(resource.info().getOrDefault("id", resource.info().getOrDefault("port_id", resource.ref().name())));
        return UUID.nameUUIDFromBytes((RUN + "/" + sourceId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static boolean isOurs(ResourceRef ref) {
        return ref.owner().equals("demo");
    }

    private static ResourceRef ref(ResourceType type, String sourceName) {
        return renamed(ResourceRef.of(type, "demo", sourceName));
    }

    private static Resource planned(ResourceType type, String sourceName) {
        ResourceRef wanted = ref(type, sourceName);
        return plan.stream().filter(resource -> resource.ref().equals(wanted)).findFirst().orElseThrow();
    }

    /**
     * The name a resource has at the destination, as the destination's inventory names it: the
     * prefix before every name this run gives, also inside the names of interfaces and rules.
     */
    private static ResourceRef renamed(ResourceRef ref) {
        if (!isOurs(ref)) {
            return ref;
        }
        String name = switch (ref.type()) {
            case ROUTER_INTERFACE -> PREFIX + ref.name().replaceFirst("/", "/" + PREFIX);
            case SECURITY_GROUP_RULE -> PREFIX + ref.name().replaceFirst("-group-([^/]+)$", "-group-" + PREFIX + "$1");
            default -> PREFIX + ref.name();
        };
        return ResourceRef.of(ref.type(), ref.owner(), name);
    }

    private static Resource renamed(Resource resource) {
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>();
        resource.refs().forEach((role, targets) -> refs.put(role, targets.stream().map(NeutronWritersIT::renamed).toList()));
        Map<String, Object> params = new LinkedHashMap<>(resource.params());
        if (params.get("fixed_ips") instanceof List<?> fixedIps) {
            // A port pairs each address with its subnet by name.
            params.put("fixed_ips", fixedIps.stream().map(entry -> {
                Map<String, Object> fixedIp = new LinkedHashMap<>();
                ((Map<?, ?>) entry).forEach((key, value) -> fixedIp.put(String.valueOf(key), key.equals("subnet") ? PREFIX + value : value));
                return fixedIp;
            }).toList());
        }
        return new Resource(renamed(resource.ref()), params, refs, resource.info(), resource.migration());
    }

    private static String runId() {
        byte[] bytes = new byte[3];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String seconds(long started) {
        return String.valueOf(Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
    }
}
