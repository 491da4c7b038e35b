package io.skylift.provider.openstack.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NovaServerWriterTest {

    private static final ResourceRef FLAVOR = ResourceRef.global(ResourceType.FLAVOR, "skylift.small");
    private static final ResourceRef IMAGE = ResourceRef.of(ResourceType.IMAGE, "demo", "skylift-cirros-qcow2");
    private static final ResourceRef KEYPAIR = ResourceRef.of(ResourceType.KEYPAIR, "demo", "skylift-key");
    private static final ResourceRef PORT_A = ResourceRef.of(ResourceType.PORT, "demo", "db-1/net-a");
    private static final ResourceRef PORT_B = ResourceRef.of(ResourceType.PORT, "demo", "db-1/net-b");
    private static final ResourceRef GROUP = ResourceRef.of(ResourceType.SERVER_GROUP, "demo", "skylift-group");
    private static final ResourceRef BOOT = ResourceRef.of(ResourceType.VOLUME, "demo", "db-1-boot");
    private static final ResourceRef DATA = ResourceRef.of(ResourceType.VOLUME, "demo", "skylift-data");
    private static final ResourceRef LOGS = ResourceRef.of(ResourceType.VOLUME, "demo", "skylift-logs");
    private static final Map<ResourceRef, String> IDS = Map.of(FLAVOR, "fl-1", IMAGE, "img-1", KEYPAIR, "skylift-key", PORT_A, "port-a",
            PORT_B, "port-b", GROUP, "grp-1", BOOT, "vol-boot", DATA, "vol-data", LOGS, "vol-logs");
    private static final String NAMED = "/servers/detail?name=%5Eskylift-db-1%24";

    /** As NovaServerToResource makes it: refs by role, params.volumes in the order of refs.volumes. */
    private static Resource server(boolean fromVolume) {
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>();
        refs.put("flavor", List.of(FLAVOR));
        if (!fromVolume) {
            refs.put("image", List.of(IMAGE));
        }
        refs.put("keypair", List.of(KEYPAIR));
        refs.put("ports", List.of(PORT_A, PORT_B));
        refs.put("volumes", fromVolume ? List.of(BOOT, DATA, LOGS) : List.of(DATA, LOGS));
        refs.put("server_group", List.of(GROUP));
        List<Map<String, Object>> volumes = fromVolume
                ? List.of(Map.of("device", "/dev/vda", "boot_index", 0, "delete_on_termination", false),
                        Map.of("device", "/dev/vdb", "delete_on_termination", false),
                        Map.of("device", "/dev/vdc", "delete_on_termination", true))
                : List.of(Map.of("device", "/dev/vdb", "delete_on_termination", false),
                        Map.of("device", "/dev/vdc", "delete_on_termination", true));
        return new Resource(ResourceRef.of(ResourceType.SERVER, "demo", "skylift-db-1"), Map.of(
                "metadata", Map.of("role", "db"), "tags", List.of("skylift", "db"), "boot_from", fromVolume ? "volume" : "image",
                "config_drive", false, "volumes", volumes),
                refs, Map.of("id", "src-srv"), Map.of());
    }

    private static WriteRequest request(boolean fromVolume) {
        return new WriteRequest(server(fromVolume), IDS, "src-srv", Optional.empty());
    }

    private static RecordingClient cloud() {
        return RecordingClient.member()
                .answer("GET", ServiceType.COMPUTE, NAMED, "{\"servers\": []}")
                .answer("POST", ServiceType.COMPUTE, "/servers", "{\"server\": {\"id\": \"srv-1\"}}")
                .answer("GET", ServiceType.COMPUTE, "/servers/srv-1", "{\"server\": {\"status\": \"BUILD\"}}",
                        "{\"server\": {\"status\": \"ACTIVE\", \"os-extended-volumes:volumes_attached\": [{\"id\": \"vol-boot\"}]}}")
                .answer("POST", ServiceType.COMPUTE, "/servers/srv-1/os-volume_attachments", "{\"volumeAttachment\": {}}")
                .answer("GET", ServiceType.BLOCK_STORAGE, "/volumes/vol-data", "{\"volume\": {\"status\": \"attaching\"}}",
                        "{\"volume\": {\"status\": \"in-use\"}}")
                .answer("GET", ServiceType.BLOCK_STORAGE, "/volumes/vol-logs", "{\"volume\": {\"status\": \"in-use\"}}");
    }

    @Test
    void create_fromImage_bootsOnItsPortsInOrderInItsGroup_withKeyMetadataAndTags() {
        RecordingClient client = cloud();

        assertThat(new NovaServerWriter(client.context()).create(request(false))).isEqualTo("srv-1");

        JsonNode body = client.body("POST", "/servers");
        JsonNode server = body.path("server");
        assertThat(server.path("name").asText()).isEqualTo("skylift-db-1");
        assertThat(server.path("flavorRef").asText()).isEqualTo("fl-1");
        assertThat(server.path("imageRef").asText()).isEqualTo("img-1");
        assertThat(server.has("block_device_mapping_v2")).isFalse();
        assertThat(server.path("networks")).isEqualTo(RecordingClient.json("[{\"port\": \"port-a\"}, {\"port\": \"port-b\"}]"));
        assertThat(server.path("key_name").asText()).isEqualTo("skylift-key");
        assertThat(server.path("metadata")).isEqualTo(RecordingClient.json("{\"role\": \"db\", \"skylift_source_id\": \"src-srv\"}"));
        assertThat(server.path("tags")).isEqualTo(RecordingClient.json("[\"skylift\", \"db\"]"));
        assertThat(body.path("os:scheduler_hints")).isEqualTo(RecordingClient.json("{\"group\": \"grp-1\"}"));
    }

    @Test
    void create_fromVolume_mapsTheBootVolume_andAttachesTheOthersInOrderOnceActive() {
        RecordingClient client = cloud();

        new NovaServerWriter(client.context()).create(request(true));

        JsonNode server = client.body("POST", "/servers").path("server");
        assertThat(server.has("imageRef")).isFalse();
        assertThat(server.path("block_device_mapping_v2")).isEqualTo(RecordingClient.json("""
                [{"boot_index": 0, "uuid": "vol-boot", "source_type": "volume", "destination_type": "volume",
                  "delete_on_termination": false}]"""));
        List<JsonNode> attachments = client.calls().stream()
                .filter(call -> call.path().equals("/servers/srv-1/os-volume_attachments"))
                .map(call -> call.body().path("volumeAttachment"))
                .toList();
        assertThat(attachments).extracting(attachment -> attachment.path("volumeId").asText()).containsExactly("vol-data", "vol-logs");
        assertThat(attachments).extracting(attachment -> attachment.path("delete_on_termination").asBoolean()).containsExactly(false, true);
        assertThat(client.requests()).containsSubsequence("POST /servers", "GET /servers/srv-1", "POST /servers/srv-1/os-volume_attachments",
                "GET /volumes/vol-data", "POST /servers/srv-1/os-volume_attachments", "GET /volumes/vol-logs");
    }

    @Test
    void create_whenTheServerGoesToError_failsWithNovasFault() {
        RecordingClient client = cloud().answer("GET", ServiceType.COMPUTE, "/servers/srv-1",
                "{\"server\": {\"status\": \"ERROR\", \"fault\": {\"message\": \"No valid host was found.\"}}}");

        assertThatThrownBy(() -> new NovaServerWriter(client.context()).create(request(false)))
                .hasMessageContaining("server skylift-db-1 (srv-1) went to status error (No valid host was found.)");
        assertThat(client.requests()).doesNotContain("POST /servers/srv-1/os-volume_attachments");
    }

    @Test
    void create_whenAVolumeFallsBackToAvailable_failsNamingTheVolume() {
        RecordingClient client = cloud().answer("GET", ServiceType.BLOCK_STORAGE, "/volumes/vol-data", "{\"volume\": {\"status\": \"available\"}}");

        assertThatThrownBy(() -> new NovaServerWriter(client.context()).create(request(false)))
                .hasMessageContaining("volume skylift-data (vol-data, attaching to server skylift-db-1");
    }

    @Test
    void create_finishesAServerAnEarlierRunBooted_insteadOfBootingASecond() {
        RecordingClient client = cloud().answer("GET", ServiceType.COMPUTE, NAMED, """
                {"servers": [{"id": "other", "name": "skylift-db-1", "metadata": {}},
                             {"id": "srv-1", "name": "skylift-db-1", "status": "ACTIVE", "metadata": {"skylift_source_id": "src-srv"}}]}""");

        new NovaServerWriter(client.context()).create(request(false));

        assertThat(client.requests()).doesNotContain("POST /servers").contains("POST /servers/srv-1/os-volume_attachments");
    }

    @Test
    void create_deletesAServerAnEarlierRunLeftInError_andBootsAgain() {
        RecordingClient client = cloud().answer("GET", ServiceType.COMPUTE, NAMED,
                "{\"servers\": [{\"id\": \"failed\", \"name\": \"skylift-db-1\", \"status\": \"ERROR\","
                        + " \"metadata\": {\"skylift_source_id\": \"src-srv\"}}]}");

        new NovaServerWriter(client.context()).create(request(false));

        assertThat(client.requests()).containsSubsequence("DELETE /servers/failed", "GET /servers/failed", "POST /servers");
    }

    @Test
    void create_withRootDiskData_isUnsupportedRatherThanDroppingTheDisk() {
        RecordingClient client = cloud();
        WriteRequest withData = new WriteRequest(server(false), IDS, "src-srv", Optional.of(BytesContent.raw(new byte[16])));

        assertThatThrownBy(() -> new NovaServerWriter(client.context()).create(withData))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED))
                .hasMessageContaining("server skylift-db-1 comes with the data of its root disk");
        assertThat(client.requests()).isEmpty();
    }

    @Test
    void create_finishesAStoppedServerAnEarlierRunBooted() {
        RecordingClient client = cloud()
                .answer("GET", ServiceType.COMPUTE, NAMED, "{\"servers\": [{\"id\": \"srv-1\", \"name\": \"skylift-db-1\","
                        + " \"status\": \"SHUTOFF\", \"metadata\": {\"skylift_source_id\": \"src-srv\"}}]}")
                .answer("GET", ServiceType.COMPUTE, "/servers/srv-1", "{\"server\": {\"status\": \"SHUTOFF\"}}");

        new NovaServerWriter(client.context()).create(request(false));

        assertThat(client.requests()).doesNotContain("POST /servers").contains("POST /servers/srv-1/os-volume_attachments");
    }

    @Test
    void find_takesTheMarkedServerOnlyWhenEveryVolumeIsAttached() {
        String half = """
                {"servers": [{"id": "srv-1", "name": "skylift-db-1", "status": "ACTIVE", "metadata": {"skylift_source_id": "src-srv"},
                              "os-extended-volumes:volumes_attached": [{"id": "vol-data"}]}]}""";
        String whole = half.replace("[{\"id\": \"vol-data\"}]", "[{\"id\": \"vol-data\"}, {\"id\": \"vol-logs\"}]");

        assertThat(new NovaServerWriter(cloud().answer("GET", ServiceType.COMPUTE, NAMED, half).context()).find(request(false))).isEmpty();
        assertThat(new NovaServerWriter(cloud().answer("GET", ServiceType.COMPUTE, NAMED, whole).context()).find(request(false))).contains("srv-1");
    }
}
