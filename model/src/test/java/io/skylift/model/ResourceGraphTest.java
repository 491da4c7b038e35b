package io.skylift.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResourceGraphTest {

    /** A small project: one server on one network, plus things it does not use. */
    private static final List<Resource> PROJECT = List.of(
            resource("server:demo/web",
                    "flavor=flavor:m1.tiny", "image=image:admin/cirros", "keypair=keypair:alice/laptop",
                    "ports=port:demo/web-0", "volumes=volume:demo/data"),
            resource("port:demo/web-0",
                    "network=network:demo/private", "subnets=subnet:demo/private-v4",
                    "security_groups=security_group:demo/web"),
            resource("subnet:demo/private-v4", "network=network:demo/private"),
            resource("network:demo/private"),
            resource("security_group:demo/web"),
            resource("security_group_rule:demo/web/ssh", "security_group=security_group:demo/web"),
            resource("volume:demo/data", "volume_type=volume_type:ssd"),
            resource("volume_type:ssd"),
            resource("flavor:m1.tiny"),
            resource("flavor:m1.large"),
            resource("image:admin/cirros"),
            resource("keypair:alice/laptop"),
            resource("network:demo/unused"),
            resource("server:demo/db", "flavor=flavor:m1.large", "image=image:admin/cirros"));

    @Test
    void of_rejectsDuplicateRef() {
        assertThatThrownBy(() -> ResourceGraph.of(List.of(resource("flavor:m1.tiny"), resource("flavor:m1.tiny"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resource flavor:m1.tiny appears more than once");
    }

    @Test
    void resources_areOrderedByRef() {
        ResourceGraph graph = ResourceGraph.of(List.of(resource("server:demo/b"), resource("flavor:x"), resource("server:demo/a")));

        assertThat(refsOf(graph.resources())).containsExactly("flavor:x", "server:demo/a", "server:demo/b");
    }

    @Test
    void closure_includesTransitiveDependencies() {
        ResourceGraph closure = ResourceGraph.of(PROJECT).closure(refs("server:demo/web"));

        // The group's rule comes as a part of the group, though nothing depends on it.
        assertThat(refsOf(closure.resources())).containsExactlyInAnyOrder(
                "server:demo/web", "flavor:m1.tiny", "image:admin/cirros", "keypair:alice/laptop", "port:demo/web-0",
                "network:demo/private", "subnet:demo/private-v4", "security_group:demo/web", "security_group_rule:demo/web/ssh",
                "volume:demo/data", "volume_type:ssd");
    }

    @Test
    void closure_leavesOutWhatSelectionDoesNotNeed() {
        ResourceGraph closure = ResourceGraph.of(PROJECT).closure(refs("port:demo/web-0"));

        assertThat(refsOf(closure.resources())).containsExactlyInAnyOrder(
                "port:demo/web-0", "network:demo/private", "subnet:demo/private-v4", "security_group:demo/web",
                "security_group_rule:demo/web/ssh");
    }

    @Test
    void closure_bringsPartsAndWhatTheyDependOn() {
        ResourceGraph graph = ResourceGraph.of(List.of(
                resource("port:demo/p", "network=network:demo/n", "subnets=subnet:demo/s", "security_groups=security_group:demo/db"),
                resource("network:demo/n"),
                resource("network:admin/public"),
                resource("subnet:demo/s", "network=network:demo/n"),
                resource("router:demo/r", "external_network=network:admin/public"),
                resource("router_interface:demo/r/s", "router=router:demo/r", "subnet=subnet:demo/s"),
                resource("floating_ip:demo/203.0.113.5", "floating_network=network:admin/public", "port=port:demo/p"),
                resource("security_group:demo/db"),
                resource("security_group:demo/web"),
                resource("security_group_rule:demo/db/5432", "security_group=security_group:demo/db",
                        "remote_group=security_group:demo/web"),
                resource("security_group_rule:demo/web/80", "security_group=security_group:demo/web"),
                resource("security_group:demo/unrelated"),
                resource("security_group_rule:demo/unrelated/22", "security_group=security_group:demo/unrelated")));

        ResourceGraph closure = graph.closure(refs("port:demo/p"));

        // The rule's remote group is a dependency, and that group's own rules are its parts.
        assertThat(refsOf(closure.resources())).containsExactlyInAnyOrder(
                "port:demo/p", "network:demo/n", "subnet:demo/s", "router_interface:demo/r/s", "router:demo/r",
                "network:admin/public", "floating_ip:demo/203.0.113.5", "security_group:demo/db",
                "security_group_rule:demo/db/5432", "security_group:demo/web", "security_group_rule:demo/web/80");
        assertThat(refsOf(closure.topologicalOrder())).containsSubsequence("router:demo/r", "router_interface:demo/r/s")
                .containsSubsequence("port:demo/p", "floating_ip:demo/203.0.113.5");
    }

    @Test
    void partOf_namesTheRoleThroughWhichATypeBelongs() {
        assertThat(ResourceType.SECURITY_GROUP_RULE.partOf()).contains("security_group");
        assertThat(ResourceType.ROUTER_INTERFACE.partOf()).contains("subnet");
        assertThat(ResourceType.FLOATING_IP.partOf()).contains("port");
        assertThat(ResourceType.ROLE_ASSIGNMENT.partOf()).contains("project");
        assertThat(ResourceType.FLAVOR_ACCESS.partOf()).contains("project");
        assertThat(ResourceType.SERVER.partOf()).isEmpty();
    }

    @Test
    void closure_ofAProject_bringsItsFlavorAccessesAndTheirFlavors_butAServerOnlyItsFlavor() {
        ResourceGraph graph = ResourceGraph.of(List.of(
                resource("project:demo"),
                resource("project:ops"),
                resource("flavor:private"),
                resource("flavor_access:demo/private", "flavor=flavor:private", "project=project:demo"),
                resource("flavor_access:ops/private", "flavor=flavor:private", "project=project:ops"),
                resource("server:demo/web", "flavor=flavor:private")));

        assertThat(refsOf(graph.closure(refs("project:demo")).resources()))
                .containsExactlyInAnyOrder("project:demo", "flavor_access:demo/private", "flavor:private");
        assertThat(refsOf(graph.closure(refs("server:demo/web")).resources()))
                .containsExactlyInAnyOrder("server:demo/web", "flavor:private");
        assertThat(refsOf(graph.closure(refs("project:demo")).topologicalOrder()))
                .containsSubsequence("flavor:private", "flavor_access:demo/private");
    }

    @Test
    void closure_sharesCommonDependenciesOfSeveralSelected() {
        ResourceGraph closure = ResourceGraph.of(PROJECT).closure(refs("server:demo/db", "volume:demo/data"));

        assertThat(refsOf(closure.resources())).containsExactlyInAnyOrder(
                "server:demo/db", "flavor:m1.large", "image:admin/cirros", "volume:demo/data", "volume_type:ssd");
    }

    @Test
    void closure_ofNothingIsEmpty() {
        assertThat(ResourceGraph.of(PROJECT).closure(List.of()).size()).isZero();
    }

    @Test
    void closure_keepsResourcesWhole() {
        ResourceGraph graph = ResourceGraph.of(PROJECT);

        Resource port = graph.closure(refs("server:demo/web")).find(ResourceRef.parse("port:demo/web-0")).orElseThrow();

        assertThat(port).isSameAs(graph.find(ResourceRef.parse("port:demo/web-0")).orElseThrow());
    }

    @Test
    void closure_rejectsSelectionNotInInventory() {
        assertThatThrownBy(() -> ResourceGraph.of(PROJECT).closure(refs("server:demo/web", "server:demo/gone", "flavor:gone")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("selected resources are not in the inventory: [flavor:gone, server:demo/gone]");
    }

    @Test
    void closure_reportsEveryMissingDependencyWithResourceAndRole() {
        ResourceGraph graph = ResourceGraph.of(List.of(
                resource("server:demo/web", "flavor=flavor:m1.huge", "ports=port:demo/web-0"),
                resource("port:demo/web-0", "network=network:demo/gone", "subnets=subnet:demo/gone-v4")));

        assertThatThrownBy(() -> graph.closure(refs("server:demo/web")))
                .isInstanceOf(MissingDependencyException.class)
                .hasMessage("""
                        3 dependencies are not in the inventory:
                          port:demo/web-0 needs network:demo/gone as 'network'
                          port:demo/web-0 needs subnet:demo/gone-v4 as 'subnets'
                          server:demo/web needs flavor:m1.huge as 'flavor'""")
                .asInstanceOf(type(MissingDependencyException.class))
                .extracting(MissingDependencyException::missing)
                .isEqualTo(List.of(
                        new MissingDependency(ResourceRef.parse("port:demo/web-0"), "network", ResourceRef.parse("network:demo/gone")),
                        new MissingDependency(ResourceRef.parse("port:demo/web-0"), "subnets", ResourceRef.parse("subnet:demo/gone-v4")),
                        new MissingDependency(ResourceRef.parse("server:demo/web"), "flavor", ResourceRef.parse("flavor:m1.huge"))));
    }

    @Test
    void closure_ignoresMissingDependenciesOutsideSelection() {
        ResourceGraph graph = ResourceGraph.of(List.of(
                resource("server:demo/web", "flavor=flavor:m1.tiny"),
                resource("flavor:m1.tiny"),
                resource("server:demo/broken", "flavor=flavor:gone")));

        assertThat(refsOf(graph.closure(refs("server:demo/web")).resources())).containsExactly("flavor:m1.tiny", "server:demo/web");
        assertThat(graph.missingDependencies()).extracting(MissingDependency::toString)
                .containsExactly("server:demo/broken needs flavor:gone as 'flavor'");
    }

    @Test
    void closure_followsCyclesWithoutLooping() {
        ResourceGraph graph = ResourceGraph.of(List.of(
                resource("security_group:demo/a", "rules=security_group_rule:demo/a/from-b"),
                resource("security_group_rule:demo/a/from-b", "remote_group=security_group:demo/b"),
                resource("security_group:demo/b", "rules=security_group_rule:demo/b/from-a"),
                resource("security_group_rule:demo/b/from-a", "remote_group=security_group:demo/a")));

        assertThat(graph.closure(refs("security_group:demo/a")).size()).isEqualTo(4);
    }

    @Test
    void topologicalOrder_putsEveryDependencyFirst() {
        List<Resource> order = ResourceGraph.of(PROJECT).topologicalOrder();

        assertThat(order).hasSize(PROJECT.size());
        for (int i = 0; i < order.size(); i++) {
            List<ResourceRef> before = order.subList(0, i).stream().map(Resource::ref).toList();
            assertThat(before).as("created before %s", order.get(i).ref()).containsAll(order.get(i).dependencies());
        }
    }

    @Test
    void topologicalOrder_breaksTiesByTypeThenOwnerThenName() {
        List<Resource> order = ResourceGraph.of(PROJECT).topologicalOrder();

        assertThat(refsOf(order)).containsExactly(
                "flavor:m1.large", "flavor:m1.tiny", "volume_type:ssd", "keypair:alice/laptop", "image:admin/cirros",
                "network:demo/private", "network:demo/unused", "subnet:demo/private-v4", "security_group:demo/web",
                "security_group_rule:demo/web/ssh", "port:demo/web-0", "volume:demo/data",
                "server:demo/db", "server:demo/web");
    }

    @Test
    void topologicalOrder_isTheSameForAnyInputOrder() {
        List<Resource> expected = ResourceGraph.of(PROJECT).topologicalOrder();
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            List<Resource> shuffled = new ArrayList<>(PROJECT);
            Collections.shuffle(shuffled, random);

            assertThat(ResourceGraph.of(shuffled).topologicalOrder()).isEqualTo(expected);
        }
    }

    @Test
    void topologicalOrder_letsDependenciesOverrideTypeOrder() {
        // An image made from a volume: images sort before volumes, but this one must wait.
        ResourceGraph graph = ResourceGraph.of(List.of(
                resource("image:demo/golden", "source_volume=volume:demo/golden-disk"),
                resource("volume:demo/golden-disk"),
                resource("image:demo/plain")));

        assertThat(refsOf(graph.topologicalOrder()))
                .containsExactly("image:demo/plain", "volume:demo/golden-disk", "image:demo/golden");
    }

    @Test
    void topologicalOrder_reportsCycleWithRolesStartingAtSmallestRef() {
        ResourceGraph graph = ResourceGraph.of(List.of(
                resource("server:demo/web", "ports=port:demo/web-0"),
                resource("security_group:demo/web", "rules=security_group_rule:demo/web/self"),
                resource("security_group_rule:demo/web/self", "remote_group=security_group:demo/web"),
                resource("port:demo/web-0", "security_groups=security_group:demo/web"),
                resource("network:demo/private")));

        assertThatThrownBy(graph::topologicalOrder)
                .isInstanceOf(DependencyCycleException.class)
                .hasMessage("resources depend on each other in a cycle: security_group:demo/web -[rules]->"
                        + " security_group_rule:demo/web/self -[remote_group]-> security_group:demo/web")
                .asInstanceOf(type(DependencyCycleException.class))
                .extracting(DependencyCycleException::cycle)
                .isEqualTo(refs("security_group:demo/web", "security_group_rule:demo/web/self"));
    }

    @Test
    void topologicalOrder_reportsLongCycleInDependencyDirection() {
        ResourceGraph graph = ResourceGraph.of(List.of(
                resource("server:demo/c", "after=server:demo/a"),
                resource("server:demo/b", "after=server:demo/c"),
                resource("server:demo/a", "after=server:demo/b")));

        assertThatThrownBy(graph::topologicalOrder)
                .isInstanceOf(DependencyCycleException.class)
                .hasMessage("resources depend on each other in a cycle: server:demo/a -[after]-> server:demo/b"
                        + " -[after]-> server:demo/c -[after]-> server:demo/a");
    }

    @Test
    void topologicalOrder_reportsOnlyTheCycleNotWhatWaitsOnIt() {
        // The image sorts first and waits on the cycle, so the search for the cycle starts there.
        ResourceGraph graph = ResourceGraph.of(List.of(
                resource("image:demo/backup", "source_volume=volume:demo/b"),
                resource("volume:demo/b", "source=volume:demo/a"),
                resource("volume:demo/a", "source=volume:demo/b")));

        assertThatThrownBy(graph::topologicalOrder)
                .isInstanceOf(DependencyCycleException.class)
                .hasMessage("resources depend on each other in a cycle: volume:demo/a -[source]-> volume:demo/b"
                        + " -[source]-> volume:demo/a");
    }

    @Test
    void topologicalOrder_reportsSelfReference() {
        ResourceGraph graph = ResourceGraph.of(List.of(resource("volume:demo/data", "source=volume:demo/data")));

        assertThatThrownBy(graph::topologicalOrder)
                .isInstanceOf(DependencyCycleException.class)
                .hasMessage("resources depend on each other in a cycle: volume:demo/data -[source]-> volume:demo/data");
    }

    @Test
    void topologicalOrder_rejectsMissingDependency() {
        ResourceGraph graph = ResourceGraph.of(List.of(resource("subnet:demo/v4", "network=network:demo/gone")));

        assertThatThrownBy(graph::topologicalOrder)
                .isInstanceOf(MissingDependencyException.class)
                .hasMessage("1 dependency is not in the inventory:\n  subnet:demo/v4 needs network:demo/gone as 'network'");
    }

    @Test
    void topologicalOrder_ofClosureCoversOnlyClosure() {
        List<Resource> order = ResourceGraph.of(PROJECT).closure(refs("subnet:demo/private-v4")).topologicalOrder();

        assertThat(refsOf(order)).containsExactly("network:demo/private", "subnet:demo/private-v4");
    }

    /** A resource from its string ref and dependencies written {@code role=ref}. */
    private static Resource resource(String ref, String... dependencies) {
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>();
        for (String dependency : dependencies) {
            String[] roleAndRef = dependency.split("=", 2);
            refs.computeIfAbsent(roleAndRef[0], _ -> new ArrayList<>()).add(ResourceRef.parse(roleAndRef[1]));
        }
        return Resource.of(ResourceRef.parse(ref)).withRefs(refs);
    }

    private static List<ResourceRef> refs(String... refs) {
        return Arrays.stream(refs).map(ResourceRef::parse).toList();
    }

    private static List<String> refsOf(List<Resource> resources) {
        return resources.stream().map(resource -> resource.ref().toString()).toList();
    }
}
