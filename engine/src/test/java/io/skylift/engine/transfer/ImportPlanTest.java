package io.skylift.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ImportPlanTest {

    private static final ResourceRef PUBLIC = ResourceRef.parse("network:admin/public");
    private static final ResourceRef NET = ResourceRef.parse("network:demo/net");
    private static final ResourceRef SUBNET = ResourceRef.parse("subnet:demo/subnet");
    private static final ResourceRef ROUTER = ResourceRef.parse("router:demo/router");
    private static final ResourceRef INTERFACE = ResourceRef.parse("router_interface:demo/router/subnet");
    private static final ResourceRef PORT = ResourceRef.parse("port:demo/web/net");
    private static final ResourceRef FLAVOR = ResourceRef.parse("flavor:m1.small");
    private static final ResourceRef KEY = ResourceRef.parse("keypair:demo/key");
    private static final ResourceRef IMAGE = ResourceRef.parse("image:demo/cirros");
    private static final ResourceRef VOLUME_TYPE = ResourceRef.parse("volume_type:fast");
    private static final ResourceRef VOLUME = ResourceRef.parse("volume:demo/data");
    private static final ResourceRef WEB = ResourceRef.parse("server:demo/web");

    private static final List<Resource> BUNDLE = List.of(
            new Resource(PUBLIC, Map.of("external", true), Map.of(), Map.of("id", "p-1"), Map.of()),
            Resource.of(NET),
            Resource.of(SUBNET).withRefs(Map.of("network", List.of(NET))),
            Resource.of(ROUTER).withRefs(Map.of("external_network", List.of(PUBLIC))),
            Resource.of(INTERFACE).withRefs(Map.of("router", List.of(ROUTER), "subnet", List.of(SUBNET))),
            Resource.of(PORT).withRefs(Map.of("network", List.of(NET), "subnets", List.of(SUBNET))),
            Resource.of(FLAVOR), Resource.of(KEY), Resource.of(IMAGE), Resource.of(VOLUME_TYPE),
            Resource.of(VOLUME).withRefs(Map.of("volume_type", List.of(VOLUME_TYPE))),
            new Resource(WEB, Map.of(), Map.of("flavor", List.of(FLAVOR), "image", List.of(IMAGE), "keypair", List.of(KEY),
                    "ports", List.of(PORT)), Map.of("id", "w-1"), Map.of("save_state", true)));

    /** The resources whose data the bundle holds. */
    private static final Predicate<ResourceRef> WITH_DATA = Set.of(IMAGE, WEB)::contains;

    private static Map<ResourceRef, ImportPlan.Step> steps(List<Resource> bundle, ImportOptions options) {
        return ImportPlan.steps(bundle, WITH_DATA, options).stream()
                .collect(Collectors.toMap(step -> step.resource().ref(), step -> step, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static ImportOptions options(Map<String, String> networks, String keypair, String prefix) {
        return new ImportOptions(networks, Map.of("m1.small", "m1.tiny"), Map.of("fast", "ssd"), Optional.ofNullable(keypair), prefix);
    }

    @Test
    void externalNetwork_isMappedToTheOneOfTheSameName_andOthersAreCreated() {
        Map<ResourceRef, ImportPlan.Step> steps = steps(BUNDLE, ImportOptions.none());

        assertThat(steps.get(PUBLIC).action()).isEqualTo(ImportPlan.Action.MAP);
        assertThat(steps.get(PUBLIC).target()).isEqualTo(PUBLIC);
        assertThat(steps.get(NET).action()).isEqualTo(ImportPlan.Action.CREATE);
        assertThat(steps.get(ROUTER).action()).isEqualTo(ImportPlan.Action.CREATE);
    }

    @Test
    void flavorAndStorageMaps_mapToExistingOnes() {
        Map<ResourceRef, ImportPlan.Step> steps = steps(BUNDLE, options(Map.of(), null, ""));

        assertThat(steps.get(FLAVOR).target()).isEqualTo(ResourceRef.parse("flavor:m1.tiny"));
        assertThat(steps.get(FLAVOR).action()).isEqualTo(ImportPlan.Action.MAP);
        assertThat(steps.get(VOLUME_TYPE).target()).isEqualTo(ResourceRef.parse("volume_type:ssd"));
    }

    @Test
    void namePrefix_isPutBeforeCreatedNamesOnly() {
        Map<ResourceRef, ImportPlan.Step> steps = steps(BUNDLE, options(Map.of(), null, "moved-"));

        assertThat(steps.get(NET).target().name()).isEqualTo("moved-net");
        assertThat(steps.get(INTERFACE).target()).isEqualTo(INTERFACE);
        assertThat(steps.get(FLAVOR).target().name()).isEqualTo("m1.tiny");
        assertThat(steps.get(KEY).target().name()).isEqualTo("moved-key");
    }

    @Test
    void floatingIp_waitsForTheRouterInterfaceOfItsPortsSubnet() {
        ResourceRef floating = ResourceRef.parse("floating_ip:demo/203.0.113.5");
        List<Resource> withFloatingIp = new java.util.ArrayList<>(BUNDLE);
        withFloatingIp.add(Resource.of(floating).withRefs(Map.of("port", List.of(PORT), "floating_network", List.of(PUBLIC))));
        List<ImportPlan.Step> steps = ImportPlan.steps(withFloatingIp, WITH_DATA, ImportOptions.none());

        assertThat(ImportPlan.orderingOf(steps.stream().filter(s -> s.resource().ref().equals(floating)).findFirst().orElseThrow().resource(), steps))
                .containsExactly(INTERFACE);
        assertThat(ImportPlan.orderingOf(Resource.of(NET), steps)).isEmpty();
    }

    @Test
    void aServersPorts_areMadeInItsOrder() {
        ResourceRef second = ResourceRef.parse("port:demo/web/other");
        List<Resource> twoPorts = BUNDLE.stream().map(r -> r.ref().equals(WEB)
                ? r.withRefs(Map.of("flavor", List.of(FLAVOR), "image", List.of(IMAGE), "keypair", List.of(KEY), "ports", List.of(PORT, second)))
                : r).collect(Collectors.toCollection(java.util.ArrayList::new));
        twoPorts.add(Resource.of(second).withRefs(Map.of("network", List.of(NET))));
        List<ImportPlan.Step> steps = ImportPlan.steps(twoPorts, WITH_DATA, ImportOptions.none());

        assertThat(ImportPlan.orderingOf(Resource.of(second), steps)).containsExactly(PORT);
        assertThat(ImportPlan.orderingOf(Resource.of(PORT), steps)).isEmpty();
    }

    @Test
    void marker_isTheSourceId_andDiffersUnderANamePrefix() {
        Resource web = BUNDLE.getLast();

        assertThat(ImportPlan.marker(web, "")).isEqualTo("w-1");
        assertThat(ImportPlan.marker(web, "moved-")).startsWith("w-1~").hasSize(12).isNotEqualTo(ImportPlan.marker(web, "other-"));
        assertThat(ImportPlan.marker(Resource.of(NET), "")).hasSize(16);
    }

    @Test
    void keypairOverride_replacesEveryServersKeypairWithAMappedOne() {
        Map<ResourceRef, ImportPlan.Step> steps = steps(BUNDLE, options(Map.of(), "ops", ""));

        ResourceRef ops = ResourceRef.parse("keypair:demo/ops");
        assertThat(steps).doesNotContainKey(KEY);
        assertThat(steps.get(ops).action()).isEqualTo(ImportPlan.Action.MAP);
        assertThat(steps.get(WEB).resource().refs().get("keypair")).containsExactly(ops);
    }

    @Test
    void serverWithItsDiskExported_bootsFromAnImageMadeOfIt() {
        Map<ResourceRef, ImportPlan.Step> steps = steps(BUNDLE, ImportOptions.none());

        ResourceRef snapshot = ResourceRef.parse("image:demo/web.skylift-snapshot");
        assertThat(steps.get(snapshot).dataOf()).contains(WEB);
        assertThat(steps.get(WEB).resource().refs().get("image")).containsExactly(snapshot);
        assertThat(steps.get(WEB).dataOf()).isEmpty();
        assertThat(steps.get(IMAGE).dataOf()).contains(IMAGE);
    }

    @Test
    void portOnAMappedNetwork_isRefusedBeforeAnythingIsMade() {
        assertThatThrownBy(() -> steps(BUNDLE, options(Map.of("net", "shared"), null, "")))
                .hasMessageContaining("port:demo/web/net is on [").hasMessageContaining("network:demo/net")
                .hasMessageContaining("drop the port");
    }

    @Test
    void mappedNetwork_leavesItsSubnetsAndRouterInterfacesOut() {
        List<Resource> withoutPort = BUNDLE.stream().filter(r -> r.ref().type() != ResourceType.PORT && r.ref().type() != ResourceType.SERVER).toList();

        Map<ResourceRef, ImportPlan.Step> steps = steps(withoutPort, options(Map.of("net", "shared"), null, ""));

        assertThat(steps.get(NET).target()).isEqualTo(ResourceRef.parse("network:demo/shared"));
        assertThat(steps).doesNotContainKeys(SUBNET, INTERFACE);
    }

    @Test
    void mapOfANetworkTheBundleDoesNotHold_isRefused() {
        assertThatThrownBy(() -> steps(BUNDLE, options(Map.of("nowhere", "x"), null, "")))
                .hasMessageContaining("--network-map names network 'nowhere', which is not among the resources moved");
    }
}
