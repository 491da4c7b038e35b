package io.skylift.bundle.playbook;

import static io.skylift.bundle.playbook.SampleBundles.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.skylift.bundle.Manifest;
import io.skylift.model.Resource;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlaybookTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<Map<String, Object>> small = tasks(Playbook.render(SampleBundles.bundle(SampleBundles.networkAndStorage("demo", "t-")),
            Manifest.empty()));
    private final String everyTypeText = Playbook.render(SampleBundles.everyType(), SampleBundles.everyTypeManifest());
    private final List<Map<String, Object>> everyType = tasks(everyTypeText);

    @Test
    void tasks_followTheBundleOrder_eachFollowedByItsUuidsRow() {
        assertThat(small.stream().map(PlaybookTest::module)).containsExactly(
                "ansible.builtin.lineinfile",
                "openstack.cloud.compute_flavor", "ansible.builtin.lineinfile",
                "openstack.cloud.network", "ansible.builtin.lineinfile",
                "openstack.cloud.subnet", "ansible.builtin.lineinfile",
                "openstack.cloud.security_group", "ansible.builtin.lineinfile",
                "openstack.cloud.security_group", "ansible.builtin.lineinfile",
                "openstack.cloud.security_group_rule", "ansible.builtin.lineinfile",
                "openstack.cloud.security_group_rule", "ansible.builtin.lineinfile",
                "openstack.cloud.security_group_rule", "ansible.builtin.lineinfile",
                "openstack.cloud.volume", "ansible.builtin.lineinfile");
        assertThat(small.stream().map(task -> (String) task.get("name")).filter(name -> name.startsWith("Create ")))
                .containsExactly("Create flavor:t-flavor", "Create network:demo/t-net", "Create subnet:demo/t-subnet",
                        "Create security_group:demo/t-web", "Create security_group:demo/t-db",
                        "Create security_group_rule:demo/t-web/egress-IPv4-any-any-any-any",
                        "Create security_group_rule:demo/t-web/ingress-IPv4-tcp-80-80-0.0.0.0/0",
                        "Create security_group_rule:demo/t-db/ingress-IPv4-tcp-5432-5432-group-t-web", "Create volume:demo/t-vol");
    }

    @Test
    void play_runsOnLocalhost_withTheCloudAsAVariable() {
        Map<String, Object> play = play(Playbook.render(SampleBundles.everyType(), SampleBundles.everyTypeManifest()));
        assertThat(play).containsEntry("hosts", "localhost").containsEntry("connection", "local").containsEntry("gather_facts", false);
        assertThat(map(play.get("vars"))).containsEntry("cloud", "skylift-dst").containsEntry("uuids_file", "{{ playbook_dir }}/uuids.csv");
        List<Map<String, Object>> openstack = everyType.stream().filter(task -> module(task).startsWith("openstack.cloud.")).toList();
        assertThat(openstack).isNotEmpty().allSatisfy(task -> assertThat(arguments(task)).containsEntry("cloud", "{{ cloud }}"));
    }

    @Test
    void arguments_areThe2xNames_or1_10sWhere2xKeepsThemAsAliases() {
        assertThat(arguments(created(small, "network:demo/t-net")))
                .containsExactly(entry("cloud", "{{ cloud }}"), entry("name", "t-net"), entry("shared", false), entry("admin_state_up", true),
                        entry("external", false), entry("mtu", 1450));
        assertThat(arguments(created(small, "subnet:demo/t-subnet"))).containsExactly(entry("cloud", "{{ cloud }}"), entry("name", "t-subnet"),
                entry("network_name", "t-net"), entry("cidr", "10.213.7.0/24"), entry("ip_version", 4), entry("enable_dhcp", true),
                entry("gateway_ip", "10.213.7.1"), entry("allocation_pool_start", "10.213.7.10"), entry("allocation_pool_end", "10.213.7.99"));
        assertThat(arguments(created(small, "security_group_rule:demo/t-db/ingress-IPv4-tcp-5432-5432-group-t-web")))
                .containsExactly(entry("cloud", "{{ cloud }}"), entry("security_group", "t-db"), entry("direction", "ingress"),
                        entry("ethertype", "IPv4"), entry("protocol", "tcp"), entry("port_range_min", 5432), entry("port_range_max", 5432),
                        entry("remote_group", "t-web"));
        assertThat(arguments(created(small, "flavor:t-flavor"))).containsEntry("vcpus", 1).containsEntry("ram", 128).containsEntry("disk", 1)
                .containsEntry("extra_specs", Map.of("skylift:test", "yes"));
        assertThat(arguments(created(small, "volume:demo/t-vol"))).containsExactly(entry("cloud", "{{ cloud }}"), entry("name", "t-vol"),
                entry("size", 1), entry("description", "empty"));
    }

    @Test
    void subnetWithoutGateway_saysSo() {
        Resource subnet = resource("subnet:demo/s", Map.of("cidr", "10.0.0.0/24", "ip_version", 4), Map.of("network", List.of("network:demo/n")),
                Map.of("id", "s-1"));
        Resource network = resource("network:demo/n", Map.of(), Map.of(), Map.of("id", "n-1"));
        List<Map<String, Object>> tasks = tasks(Playbook.render(SampleBundles.bundle(List.of(network, subnet)), Manifest.empty()));
        assertThat(arguments(created(tasks, "subnet:demo/s"))).containsEntry("no_gateway_ip", true).doesNotContainKey("gateway_ip");
    }

    @Test
    void uuidsCsv_getsAHeaderFirst_thenARowWithTheSourceIdAndTheRegisteredNewId() {
        assertThat(small.getFirst()).containsEntry("name", "Start uuids.csv");
        assertThat(arguments(small.getFirst())).containsEntry("path", "{{ uuids_file }}")
                .containsEntry("line", "\"Resource Type\",\"Resource Name\",\"Old\",\"New\"").containsEntry("insertbefore", "BOF");
        Map<String, Object> network = created(small, "network:demo/t-net");
        assertThat(network).containsEntry("register", "skylift_2");
        Map<String, Object> row = small.get(small.indexOf(network) + 1);
        assertThat(arguments(row)).containsEntry("regexp", "^\"network\",\"t-net\",\"n-1\",")
                .containsEntry("line", "\"network\",\"t-net\",\"n-1\",\"{{ skylift_2.network.id | default(skylift_2.id) }}\"");
        Map<String, Object> rule = small.get(small.indexOf(created(small, "security_group_rule:demo/t-web/ingress-IPv4-tcp-80-80-0.0.0.0/0")) + 1);
        assertThat((String) arguments(rule).get("line")).endsWith(".rule.id | default(skylift_7.id) }}\"");
        Map<String, Object> group = small.get(small.indexOf(created(small, "security_group:demo/t-web")) + 1);
        assertThat((String) arguments(group).get("line")).endsWith(".security_group.id | default(skylift_4.id) }}\"");
    }

    @Test
    void uuidsRow_quotesCsvAndRegexCharacters() {
        Resource network = resource("network:demo/a\"b.(c)", Map.of(), Map.of(), Map.of("id", "n-1"));
        List<Map<String, Object>> tasks = tasks(Playbook.render(SampleBundles.bundle(List.of(network)), Manifest.empty()));
        assertThat(arguments(tasks.get(2))).containsEntry("regexp", "^\"network\",\"a\"\"b\\.\\(c\\)\",\"n-1\",")
                .containsEntry("line", "\"network\",\"a\"\"b.(c)\",\"n-1\",\"{{ skylift_1.network.id | default(skylift_1.id) }}\"");
    }

    @Test
    void image_uploadsItsDataFileFromBesideThePlaybook() {
        assertThat(arguments(created(everyType, "image:admin/cirros"))).containsEntry("name", "cirros").containsEntry("disk_format", "qcow2")
                .containsEntry("container_format", "bare").containsEntry("visibility", "public")
                .containsEntry("properties", Map.of("hw_disk_bus", "virtio"))
                .containsEntry("filename", "{{ playbook_dir }}/data/image/admin/cirros.qcow2");
    }

    @Test
    void volumeWithData_isMadeFromATemporaryImage_deletedAfterwards() {
        int volume = everyType.indexOf(created(everyType, "volume:demo/data"));
        assertThat(arguments(everyType.get(volume - 1))).containsEntry("name", "skylift-transfer-data")
                .containsEntry("filename", "{{ playbook_dir }}/data/volume/demo/data.raw").containsEntry("disk_format", "raw");
        assertThat(arguments(everyType.get(volume))).containsEntry("image", "skylift-transfer-data").containsEntry("volume_type", "__DEFAULT__");
        // Recorded as soon as it exists; the temporary image goes after.
        assertThat(module(everyType.get(volume + 1))).isEqualTo("ansible.builtin.lineinfile");
        assertThat(module(everyType.get(volume + 2))).isEqualTo("openstack.cloud.image");
        assertThat(arguments(everyType.get(volume + 2))).containsEntry("name", "skylift-transfer-data").containsEntry("state", "absent");
        assertThat(arguments(created(everyType, "volume:demo/db-1/vda"))).doesNotContainKey("image").containsEntry("bootable", true);
    }

    @Test
    void serverWithSavedState_bootsFromAnImageOfItsDisk() {
        int server = everyType.indexOf(created(everyType, "server:demo/web-1"));
        assertThat(arguments(everyType.get(server - 1))).containsEntry("name", "skylift-state-web-1")
                .containsEntry("filename", "{{ playbook_dir }}/data/server/demo/web-1.qcow2");
        assertThat(arguments(everyType.get(server))).containsEntry("image", "skylift-state-web-1").containsEntry("flavor", "flavor")
                .containsEntry("key_name", "laptop").containsEntry("nics", List.of(Map.of("port-name", "web-1/net")))
                .containsEntry("security_groups", List.of("web")).containsEntry("volumes", List.of("data"))
                .containsEntry("scheduler_hints", Map.of("group", "{{ skylift_29.server_group.id }}"))
                .containsEntry("auto_ip", false).containsEntry("wait", true);
    }

    @Test
    void serverBootedFromAVolume_bootsFromIt() {
        assertThat(arguments(created(everyType, "server:demo/db-1"))).containsEntry("boot_volume", "db-1/vda").doesNotContainKey("image")
                .doesNotContainKey("volumes");
    }

    @Test
    void port_takesItsSubnetsNewId_andItsGroupsByName() {
        Map<String, Object> subnet = created(everyType, "subnet:demo/subnet");
        assertThat(arguments(created(everyType, "port:demo/web-1/net"))).containsEntry("network", "net")
                .containsEntry("fixed_ips", List.of(Map.of("ip_address", "10.213.7.20", "subnet_id", "{{ " + subnet.get("register") + ".subnet.id }}")))
                .containsEntry("security_groups", List.of("web")).doesNotContainKey("mac_address");
        assertThat(arguments(created(everyType, "port:demo/spare"))).containsEntry("no_security_groups", true);
    }

    @Test
    void floatingIpOnAServersPort_isCreatedRightAfterThatServer() {
        int server = everyType.indexOf(created(everyType, "server:demo/web-1"));
        Map<String, Object> floatingIp = created(everyType, "floating_ip:demo/203.0.113.150");
        assertThat(everyType.indexOf(floatingIp)).isEqualTo(server + 2);
        assertThat(arguments(floatingIp)).containsEntry("server", "web-1").containsEntry("network", "public")
                .containsEntry("fixed_address", "10.213.7.20").containsEntry("nat_destination", "net");
    }

    @Test
    void routerInterface_isTheRoutersInterfacesList_andItsRowFindsThePort() {
        int add = IntStream.range(0, everyType.size()).filter(i -> "Add router_interface:demo/router/subnet".equals(everyType.get(i).get("name")))
                .findFirst().orElseThrow();
        assertThat(module(everyType.get(add))).isEqualTo("openstack.cloud.router");
        assertThat(arguments(everyType.get(add))).containsEntry("name", "router").containsEntry("network", "public")
                .containsEntry("interfaces", List.of(Map.of("net", "net", "subnet", "subnet", "portip", "10.213.7.1")));
        assertThat(arguments(created(everyType, "router:demo/router"))).doesNotContainKey("interfaces").doesNotContainKey("enable_snat");
        assertThat(module(everyType.get(add + 1))).isEqualTo("openstack.cloud.port_info");
        assertThat((String) arguments(everyType.get(add + 2)).get("line"))
                .startsWith("\"router_interface\",\"router/subnet\",\"ri-1\",\"{% for port in skylift_23_ports.ports");
    }

    @Test
    void everyResource_isATask_orACommentSayingWhy() {
        for (Resource resource : SampleBundles.everyType().resources()) {
            assertThat(everyTypeText).contains(resource.ref().toString());
        }
        List<String> notCreated = List.of("volume_type:__DEFAULT__", "security_group_rule:demo/db/ingress-IPv4-any-any-any-address-group-ag-1",
                "floating_ip:demo/203.0.113.151", "volume_snapshot:demo/data-daily", "flavor_access:demo/private");
        for (String ref : notCreated) {
            assertThat(everyTypeText).contains("    # " + ref + ": not created by this playbook.");
            assertThat(everyType).noneSatisfy(task -> assertThat((String) task.get("name")).endsWith(ref));
        }
        assertThat(everyTypeText).contains("# quota:demo/volume: not set, the quota module has no argument for them: gigabytes___DEFAULT__");
        assertThat(arguments(everyType.stream().filter(task -> "Set quota:demo/network".equals(task.get("name"))).findFirst().orElseThrow()))
                .containsEntry("name", "demo").containsEntry("networks", 10).containsEntry("floating_ips", 5).containsEntry("security_group_rules", 100);
    }

    @Test
    void flavorAccess_isLeftToTheOperator_withTheCommandThatGrantsIt() {
        assertThat(everyTypeText).contains("# openstack flavor set --project demo private (or 2.x's openstack.cloud.compute_flavor_access).");
    }

    @Test
    void textFromTheBundle_isALiteral_neverAnExpression() {
        assertThat(arguments(created(everyType, "volume:demo/data")))
                .containsEntry("description", "{{ '{{ lookup(\\'pipe\\', \\'id\\') }}' }}");
        assertThat(arguments(created(small, "security_group:demo/t-web"))).containsEntry("description", "{{ 'web servers, not {{ 6 * 7 }}' }}");
        assertThat(JinjaText.literal("plain")).isEqualTo("plain");
    }

    @Test
    void aReferenceToAResourceNotInTheBundle_isRefused() {
        Resource subnet = resource("subnet:demo/s", Map.of("cidr", "10.0.0.0/24"), Map.of("network", List.of("network:demo/gone")), Map.of());
        assertThatThrownBy(() -> Playbook.render(SampleBundles.bundle(List.of(subnet)), Manifest.empty()))
                .isInstanceOf(SkyliftException.class)
                .hasMessageContaining("subnet:demo/s (network) -> network:demo/gone");
    }

    @Test
    void userPassword_comesFromAVariable() {
        assertThat(arguments(created(everyType, "user:alice"))).containsEntry("default_project", "demo")
                .containsEntry("password", "{{ user_passwords['alice'] | default(omit) }}");
    }

    private static Map<String, Object> play(String text) {
        try {
            List<Map<String, Object>> plays = YAML.readValue(text, new TypeReference<>() {});
            assertThat(plays).hasSize(1);
            return plays.getFirst();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> tasks(String text) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (Object task : (List<?>) play(text).get("tasks")) {
            tasks.add(map(task));
        }
        return tasks;
    }

    /** The task that creates {@code ref}. */
    private static Map<String, Object> created(List<Map<String, Object>> tasks, String ref) {
        return tasks.stream().filter(task -> ("Create " + ref).equals(task.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no task creates " + ref));
    }

    private static String module(Map<String, Object> task) {
        return task.keySet().stream().filter(key -> key.contains(".")).findFirst().orElseThrow();
    }

    private static Map<String, Object> arguments(Map<String, Object> task) {
        return map(task.get(module(task)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
