package io.skylift.bundle.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skylift.bundle.BundleLayout;
import io.skylift.bundle.Manifest;
import io.skylift.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs a generated playbook for real against the destination testbed, with Debian's
 * openstack.cloud 1.10 (its sdk version cap lifted by testbed/ansible-collection), for the types
 * whose 1.10 modules work there: a network, a subnet, two security groups with rules (one with a
 * remote group), a flavor and an empty volume. Then checks through the openstack CLI what it made,
 * and that uuids.csv maps each source id to the new one; then runs it again, which must create
 * nothing. Everything is named with a prefix unique to the run and deleted afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaybookIT {

    private static final String CLOUD = "skylift-dst";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path COLLECTION_SCRIPT = Path.of(System.getProperty("user.dir")).resolveSibling("testbed").resolve("ansible-collection");

    private final String prefix = "skylift-pbit-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "-";
    private Path directory;
    private Map<String, String> environment;
    private List<Resource> resources;
    private AnsiblePlaybook.Result firstRun;
    private List<String> rows;

    @BeforeAll
    void runPlaybook() throws IOException {
        directory = Files.createTempDirectory("skylift-playbook-it");
        AnsiblePlaybook.Result collection = AnsiblePlaybook.exec(directory, Map.of(), 120, List.of(COLLECTION_SCRIPT.toString()));
        assertThat(collection.exitCode()).as(collection.printed()).isZero();
        environment = Map.of("ANSIBLE_COLLECTIONS_PATH", collection.output().strip().lines().reduce((first, last) -> last).orElseThrow());
        resources = SampleBundles.networkAndStorage("admin", prefix);
        Files.writeString(BundleLayout.playbook(directory), Playbook.render(SampleBundles.bundle(resources), Manifest.empty()));
        firstRun = run();
    }

    @AfterAll
    void deleteWhatItMade() {
        // Rules go with their groups; db's rule refers to web, so db goes first.
        openstack("volume", "delete", prefix + "vol");
        openstack("flavor", "delete", prefix + "flavor");
        openstack("security", "group", "delete", prefix + "db");
        openstack("security", "group", "delete", prefix + "web");
        openstack("subnet", "delete", prefix + "subnet");
        openstack("network", "delete", prefix + "net");
    }

    @Test
    @Order(1)
    void playbook_runsWithoutFailures() {
        assertThat(firstRun.exitCode()).as(firstRun.printed()).isZero();
        assertThat(firstRun.output()).contains("failed=0");
    }

    @Test
    @Order(2)
    void networkAndSubnet_haveTheirAddresses() {
        JsonNode network = show("network", "show", prefix + "net");
        assertThat(network.path("mtu").asInt()).isEqualTo(1450);
        JsonNode subnet = show("subnet", "show", prefix + "subnet");
        assertThat(subnet.path("cidr").asText()).isEqualTo("10.213.7.0/24");
        assertThat(subnet.path("gateway_ip").asText()).isEqualTo("10.213.7.1");
        assertThat(subnet.path("network_id").asText()).isEqualTo(network.path("id").asText());
        assertThat(subnet.path("allocation_pools").toString()).contains("10.213.7.10").contains("10.213.7.99");
    }

    @Test
    @Order(2)
    void securityGroups_haveTheirRules_andDescriptionsStayLiteral() {
        JsonNode web = show("security", "group", "show", prefix + "web");
        JsonNode db = show("security", "group", "show", prefix + "db");
        // Ansible templates every string: the description must arrive as written, not as 42.
        assertThat(web.path("description").asText()).isEqualTo("web servers, not {{ 6 * 7 }}");
        // The CLI's rule listing names its columns: ID, IP Protocol, Ethertype, IP Range, Port Range, Direction, Remote Security Group.
        List<JsonNode> webRules = rules(prefix + "web");
        assertThat(webRules).anySatisfy(rule -> {
            assertThat(rule.path("Direction").asText()).isEqualTo("ingress");
            assertThat(rule.path("IP Protocol").asText()).isEqualTo("tcp");
            assertThat(rule.path("Port Range").asText()).isEqualTo("80:80");
            assertThat(rule.path("IP Range").asText()).isEqualTo("0.0.0.0/0");
        });
        // Neutron gives every new group this egress rule: the bundle's copy matched it, no duplicate.
        assertThat(webRules).filteredOn(rule -> rule.path("Direction").asText().equals("egress") && rule.path("Ethertype").asText().equals("IPv4"))
                .hasSize(1);
        assertThat(rules(prefix + "db")).anySatisfy(rule -> {
            assertThat(rule.path("Direction").asText()).isEqualTo("ingress");
            assertThat(rule.path("Port Range").asText()).isEqualTo("5432:5432");
            assertThat(rule.path("Remote Security Group").asText()).isEqualTo(web.path("id").asText());
        });
        assertThat(db.path("description").asText()).isEqualTo("databases");
    }

    @Test
    @Order(2)
    void flavorAndVolume_haveTheirSizes() {
        JsonNode flavor = show("flavor", "show", prefix + "flavor");
        assertThat(flavor.path("vcpus").asInt()).isEqualTo(1);
        assertThat(flavor.path("ram").asInt()).isEqualTo(128);
        assertThat(flavor.path("disk").asInt()).isEqualTo(1);
        assertThat(flavor.path("properties").toString()).contains("skylift:test").contains("yes");
        JsonNode volume = show("volume", "show", prefix + "vol");
        assertThat(volume.path("size").asInt()).isEqualTo(1);
        assertThat(volume.path("status").asText()).isEqualTo("available");
    }

    @Test
    @Order(2)
    void uuidsCsv_hasARowPerResource_withTheNewIds() throws IOException {
        assertThat(Files.readAllLines(BundleLayout.uuids(directory))).containsExactlyElementsOf(expectedRows());
    }

    @Test
    @Order(3)
    void secondRun_createsNothing_andKeepsOneRowPerResource() throws IOException {
        List<String> before = expectedRows();
        AnsiblePlaybook.Result again = run();
        assertThat(again.exitCode()).as(again.printed()).isZero();
        assertThat(Files.readAllLines(BundleLayout.uuids(directory))).containsExactlyElementsOf(before);
        assertThat(list("network", "list", "--name", prefix + "net")).hasSize(1);
        assertThat(list("volume", "list", "--name", prefix + "vol")).hasSize(1);
    }

    /**
     * The header, then each resource in bundle order with the id it has in the destination after
     * the first run (looked up once: the CLI is slow, and a second run must keep these ids).
     */
    private List<String> expectedRows() {
        if (rows == null) {
            rows = lookUpRows();
        }
        return rows;
    }

    private List<String> lookUpRows() {
        Map<String, String> newIds = new LinkedHashMap<>();
        newIds.put("network", show("network", "show", prefix + "net").path("id").asText());
        newIds.put("subnet", show("subnet", "show", prefix + "subnet").path("id").asText());
        newIds.put("flavor", show("flavor", "show", prefix + "flavor").path("id").asText());
        newIds.put("volume", show("volume", "show", prefix + "vol").path("id").asText());
        newIds.put(prefix + "web", show("security", "group", "show", prefix + "web").path("id").asText());
        newIds.put(prefix + "db", show("security", "group", "show", prefix + "db").path("id").asText());
        List<String> lines = new ArrayList<>();
        lines.add("\"Resource Type\",\"Resource Name\",\"Old\",\"New\"");
        for (Resource resource : resources) {
            String type = resource.ref().type().id();
            String name = resource.ref().name();
            String newId = switch (type) {
                case "security_group" -> newIds.get(name);
                case "security_group_rule" -> ruleId(resource);
                default -> newIds.get(type);
            };
            assertThat(newId).as("new id of %s", resource.ref()).isNotBlank();
            lines.add("\"" + type + "\",\"" + name + "\",\"" + resource.info().get("id") + "\",\"" + newId + "\"");
        }
        return lines;
    }

    /** The id of the destination rule that has the bundle's rule's direction, ethertype, protocol and ports. */
    private String ruleId(Resource rule) {
        String group = rule.refs().get("security_group").getFirst().name();
        Map<String, Object> params = rule.params();
        String ports = params.containsKey("port_range_min") ? params.get("port_range_min") + ":" + params.get("port_range_max") : "";
        List<String> ids = rules(group).stream()
                .filter(found -> found.path("Direction").asText().equals(params.get("direction")))
                .filter(found -> found.path("Ethertype").asText().equals(params.get("ethertype")))
                .filter(found -> found.path("IP Protocol").asText("").equals(String.valueOf(params.getOrDefault("protocol", "")))
                        || found.path("IP Protocol").isNull() && !params.containsKey("protocol"))
                .filter(found -> found.path("Port Range").asText().equals(ports))
                .map(found -> found.path("ID").asText())
                .toList();
        assertThat(ids).as("rules of %s like %s", group, rule.ref()).hasSize(1);
        return ids.getFirst();
    }

    private List<JsonNode> rules(String group) {
        return list("security", "group", "rule", "list", group);
    }

    private AnsiblePlaybook.Result run() {
        return AnsiblePlaybook.run(directory, environment, 600, "-i", "localhost,", "-c", "local", "-e", "cloud=" + CLOUD);
    }

    private JsonNode show(String... command) {
        return json(command);
    }

    private List<JsonNode> list(String... command) {
        JsonNode array = json(command);
        assertThat(array.isArray()).as(array.toString()).isTrue();
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private JsonNode json(String... command) {
        List<String> full = new ArrayList<>(List.of("openstack", "--os-cloud", CLOUD));
        full.addAll(List.of(command));
        full.addAll(List.of("-f", "json"));
        AnsiblePlaybook.Result result = AnsiblePlaybook.exec(directory, Map.of(), 120, full);
        assertThat(result.exitCode()).as("%s printed %s", full, result.printed()).isZero();
        try {
            return JSON.readTree(result.output());
        }
        catch (IOException e) {
            throw new AssertionError(full + " printed no JSON: " + result.printed(), e);
        }
    }

    /** A cleanup command: what fails (already gone, never made) is printed, not thrown, so the rest still runs. */
    private void openstack(String... command) {
        List<String> full = new ArrayList<>(List.of("openstack", "--os-cloud", CLOUD));
        full.addAll(List.of(command));
        AnsiblePlaybook.Result result = AnsiblePlaybook.exec(directory, Map.of(), 300, full);
        if (result.exitCode() != 0) {
            System.err.println(String.join(" ", full) + ": " + result.printed());
        }
    }
}
