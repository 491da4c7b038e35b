package io.skylift.provider.openstack.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NovaServerToResourceTest {

    private static final List<JsonNode> PORTS = Fixtures.items("network-ports.json", "ports");
    private static final List<JsonNode> VOLUMES = Fixtures.items("volume-volumes.json", "volumes");
    private static final List<JsonNode> GROUPS = Fixtures.items("compute-server-groups.json", "server_groups");

    private static Resource server(String file, String name) {
        return NovaServerToResource.convert(Fixtures.item(file, "servers", "name", name), PORTS, VOLUMES, GROUPS,
                SeedContext.member());
    }

    @Test
    void convert_bootedFromImage_refersToFlavorImageKeypairPortGroupAndServerGroup() {
        Resource web = server("compute-servers.json", "skylift-web-1");

        assertThat(web.ref()).isEqualTo(ResourceRef.parse("server:demo/skylift-web-1"));
        assertThat(web.refs()).containsExactly(
                Map.entry("flavor", List.of(ResourceRef.parse("flavor:skylift.small"))),
                Map.entry("image", List.of(ResourceRef.parse("image:demo/skylift-cirros-qcow2"))),
                Map.entry("keypair", List.of(ResourceRef.parse("keypair:demo/skylift-key"))),
                Map.entry("ports", List.of(ResourceRef.parse("port:demo/skylift-web-1-port"))),
                Map.entry("security_groups", List.of(ResourceRef.parse("security_group:demo/skylift-web"))),
                Map.entry("server_group", List.of(ResourceRef.parse("server_group:demo/skylift-group"))));
        assertThat(web.params())
                .containsEntry("metadata", Map.of("role", "web", "owner", "skylift"))
                .containsEntry("tags", List.of("skylift", "web"))
                .containsEntry("availability_zone", "nova")
                .containsEntry("boot_from", "image")
                .containsEntry("config_drive", false)
                .doesNotContainKey("volumes");
        assertThat(web.info())
                .containsEntry("id", "fa878ec0-189e-4e7c-a484-0c11d4f3be9c")
                .containsEntry("status", "ACTIVE")
                .containsEntry("created", "2026-11-22T22:28:25Z")
                .containsKey("addresses");
    }

    @Test
    void convert_bootedFromVolume_listsBootVolumeFirstWithDeviceAndBootIndex() {
        Resource db = server("compute-servers.json", "skylift-db-1");

        assertThat(db.refs()).doesNotContainKey("image").doesNotContainKey("server_group");
        assertThat(db.refs().get("volumes")).containsExactly(
                ResourceRef.parse("volume:demo/skylift-db-1-boot"), ResourceRef.parse("volume:demo/skylift-data"));
        assertThat(db.params()).containsEntry("boot_from", "volume").containsEntry("volumes", List.of(
                Map.of("device", "/dev/sda", "boot_index", 0, "delete_on_termination", false),
                Map.of("device", "/dev/sdb", "delete_on_termination", false)));
    }

    @Test
    void convert_serverOnTwoNetworks_refersToPortsInCreationOrderAndGroupOnce() {
        Resource db = server("compute-servers.json", "skylift-db-1");

        assertThat(db.refs().get("ports")).containsExactly(
                ResourceRef.parse("port:demo/skylift-db-1/skylift-net-a"),
                ResourceRef.parse("port:demo/skylift-db-1/skylift-net-b"));
        // The server document names skylift-db once per port.
        assertThat(db.refs().get("security_groups")).containsExactly(ResourceRef.parse("security_group:demo/skylift-db"));
    }

    @Test
    void convert_asAdmin_recordsHostAndFindsBootVolumeByRootDevice() {
        Resource db = server("compute-servers-admin.json", "skylift-db-1");

        assertThat(db.info()).containsEntry("host", "src-compute");
        assertThat(db.params().get("volumes")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .first().isEqualTo(Map.of("device", "/dev/sda", "boot_index", 0, "delete_on_termination", false));
    }

    @Test
    void convert_portsUnknown_fallsBackToSecurityGroupNamesOfTheServer() {
        JsonNode document = Fixtures.item("compute-servers.json", "servers", "name", "skylift-db-1");

        Resource db = NovaServerToResource.convert(document, List.of(), VOLUMES, GROUPS, SeedContext.member());

        assertThat(db.refs().get("security_groups")).containsExactly(ResourceRef.parse("security_group:demo/skylift-db"));
        assertThat(db.refs()).doesNotContainKey("ports");
    }
}
