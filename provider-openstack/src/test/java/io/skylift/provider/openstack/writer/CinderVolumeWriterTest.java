package io.skylift.provider.openstack.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.DiskContent;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CinderVolumeWriterTest {

    private static final ResourceRef TYPE = ResourceRef.global(ResourceType.VOLUME_TYPE, "__DEFAULT__");
    private static final String MARKED = "/volumes/detail?metadata=%7B%22skylift_source_id%22%3A%22src-vol%22%7D";
    private static final String TEMPORARY = "/v2/images?skylift_source_id=src-vol&skylift_temporary=true";
    private static final byte[] DATA = new byte[4096];

    /** The seed's boot volume's, as CinderVolumeToResource keeps it, and a key Glance reserves, as a hand-written file may have. */
    private static final Map<String, Object> SCSI = Map.of("hw_disk_bus", "scsi", "hw_scsi_model", "virtio-scsi",
            "os_glance_import_task", "t1");

    /** As CinderVolumeToResource makes it from the seed's skylift-data, with this image metadata. */
    private static Resource volume(String zone, Map<String, Object> imageMetadata) {
        Map<String, Object> params = new LinkedHashMap<>(Map.of(
                "description", "data disk", "size", 1, "bootable", false, "multiattach", false, "availability_zone", zone,
                "metadata", Map.of("skylift_seed_sha256_4mib", "ab12")));
        if (!imageMetadata.isEmpty()) {
            params.put("image_metadata", imageMetadata);
        }
        return new Resource(ResourceRef.of(ResourceType.VOLUME, "demo", "skylift-data"), params,
                Map.of("volume_type", List.of(TYPE)), Map.of("id", "src-vol"), Map.of());
    }

    private static WriteRequest request(String zone, Optional<BytesContent> data) {
        return request(zone, Map.of(), data);
    }

    private static WriteRequest request(String zone, Map<String, Object> imageMetadata, Optional<BytesContent> data) {
        return new WriteRequest(volume(zone, imageMetadata), Map.of(TYPE, "type-1"), "src-vol", data.map(content -> content));
    }

    private static RecordingClient cloud() {
        return RecordingClient.member()
                .answer("GET", ServiceType.BLOCK_STORAGE, MARKED, "{\"volumes\": []}")
                .answer("GET", ServiceType.IMAGE, TEMPORARY, "{\"images\": []}")
                .answer("GET", ServiceType.BLOCK_STORAGE, "/os-availability-zone",
                        "{\"availabilityZoneInfo\": [{\"zoneName\": \"nova\", \"zoneState\": {\"available\": true}}]}")
                .answer("POST", ServiceType.IMAGE, "/v2/images", "{\"id\": \"tmp-1\"}")
                .answer("GET", ServiceType.IMAGE, "/v2/images/tmp-1", "{\"status\": \"active\"}")
                .answer("POST", ServiceType.BLOCK_STORAGE, "/volumes", "{\"volume\": {\"id\": \"vol-1\"}}")
                .answer("GET", ServiceType.BLOCK_STORAGE, "/volumes/vol-1",
                        "{\"volume\": {\"status\": \"downloading\"}}", "{\"volume\": {\"status\": \"available\", \"bootable\": \"true\"}}")
                .answer("POST", ServiceType.BLOCK_STORAGE, "/volumes/vol-1/action", "{}");
    }

    @Test
    void create_withData_makesTheVolumeFromATemporaryImage_thenDeletesTheImage() {
        RecordingClient client = cloud();

        String id = new CinderVolumeWriter(client.context()).create(request("nova", Optional.of(BytesContent.raw(DATA))));

        assertThat(id).isEqualTo("vol-1");
        JsonNode image = client.body("POST", "/v2/images");
        assertThat(image.path("name").asText()).isEqualTo("skylift-data-skylift-tmp");
        assertThat(image.path("disk_format").asText()).isEqualTo("raw");
        assertThat(image.path("container_format").asText()).isEqualTo("bare");
        assertThat(image.path("skylift_temporary").asText()).isEqualTo("true");
        assertThat(image.path("skylift_source_id").asText()).isEqualTo("src-vol");
        assertThat(client.uploaded()).isEqualTo(DATA);
        JsonNode volume = client.body("POST", "/volumes").path("volume");
        assertThat(volume.path("name").asText()).isEqualTo("skylift-data");
        assertThat(volume.path("size").asInt()).isEqualTo(1);
        assertThat(volume.path("description").asText()).isEqualTo("data disk");
        assertThat(volume.path("volume_type").asText()).isEqualTo("type-1");
        assertThat(volume.path("availability_zone").asText()).isEqualTo("nova");
        assertThat(volume.path("imageRef").asText()).isEqualTo("tmp-1");
        assertThat(volume.path("metadata")).isEqualTo(RecordingClient.json(
                "{\"skylift_seed_sha256_4mib\": \"ab12\", \"skylift_source_id\": \"src-vol\"}"));
        // Made from an image, Cinder calls it bootable; the source's was not. The temporary image's marks are removed.
        assertThat(client.calls()).filteredOn(call -> call.path().equals("/volumes/vol-1/action")).extracting(RecordingClient.Call::body)
                .containsExactly(RecordingClient.json("{\"os-set_bootable\": {\"bootable\": false}}"),
                        RecordingClient.json("{\"os-unset_image_metadata\": {\"key\": \"skylift_temporary\"}}"),
                        RecordingClient.json("{\"os-unset_image_metadata\": {\"key\": \"skylift_source_id\"}}"));
        assertThat(client.requests()).containsSubsequence("PUT /v2/images/tmp-1/file", "POST /volumes", "GET /volumes/vol-1",
                "DELETE /v2/images/tmp-1");
    }

    @Test
    void create_withDataAndImageMetadata_putsItOnTheTemporaryImage_forCinderToCopy() {
        RecordingClient client = cloud();

        new CinderVolumeWriter(client.context()).create(request("nova", SCSI, Optional.of(BytesContent.raw(DATA))));

        JsonNode image = client.body("POST", "/v2/images");
        assertThat(image.path("hw_disk_bus").asText()).isEqualTo("scsi");
        assertThat(image.path("hw_scsi_model").asText()).isEqualTo("virtio-scsi");
        assertThat(image.has("os_glance_import_task")).as("Glance refuses its reserved properties from a user").isFalse();
        assertThat(image.path("skylift_temporary").asText()).isEqualTo("true");
        assertThat(client.calls()).filteredOn(call -> call.path().equals("/volumes/vol-1/action")).extracting(RecordingClient.Call::body)
                .noneMatch(action -> action.has("os-set_image_metadata"));
    }

    @Test
    void create_withoutDataWithImageMetadata_setsItOnceTheVolumeIsAvailable() {
        RecordingClient client = cloud()
                .answer("GET", ServiceType.BLOCK_STORAGE, "/volumes/vol-1",
                        "{\"volume\": {\"status\": \"creating\"}}", "{\"volume\": {\"status\": \"available\", \"bootable\": \"false\"}}");

        new CinderVolumeWriter(client.context()).create(request("nova", SCSI, Optional.empty()));

        assertThat(client.calls()).filteredOn(call -> call.path().equals("/volumes/vol-1/action")).extracting(RecordingClient.Call::body)
                .containsExactly(RecordingClient.json(
                        "{\"os-set_image_metadata\": {\"metadata\": {\"hw_disk_bus\": \"scsi\", \"hw_scsi_model\": \"virtio-scsi\"}}}"));
        assertThat(client.requests()).containsSubsequence("POST /volumes", "GET /volumes/vol-1", "GET /volumes/vol-1",
                "POST /volumes/vol-1/action");
        assertThat(client.requests()).noneMatch(request -> request.contains("/v2/images/"));
    }

    @Test
    void create_whenTheVolumeFails_deletesItAndTheTemporaryImage() {
        RecordingClient client = cloud()
                .answer("GET", ServiceType.BLOCK_STORAGE, "/volumes/vol-1", "{\"volume\": {\"status\": \"error\"}}");

        assertThatThrownBy(() -> new CinderVolumeWriter(client.context()).create(request("nova", Optional.of(BytesContent.raw(DATA)))))
                .hasMessageContaining("volume skylift-data (vol-1) went to status error");
        assertThat(client.requests()).contains("DELETE /volumes/vol-1", "DELETE /v2/images/tmp-1");
    }

    @Test
    void create_whenTheDataFailsItsCheck_deletesTheTemporaryImageAndMakesNoVolume() {
        RecordingClient client = cloud();

        assertThatThrownBy(() -> new CinderVolumeWriter(client.context()).create(request("nova", Optional.of(BytesContent.corruptRaw(DATA)))))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThat(client.requests()).contains("DELETE /v2/images/tmp-1").doesNotContain("POST /volumes");
    }

    @Test
    void create_withoutData_makesAnEmptyVolume_withoutAZoneTheDestinationLacks() {
        RecordingClient client = cloud()
                .answer("GET", ServiceType.BLOCK_STORAGE, "/volumes/vol-1", "{\"volume\": {\"status\": \"available\", \"bootable\": \"false\"}}");

        new CinderVolumeWriter(client.context()).create(request("zone-b", Optional.empty()));

        JsonNode volume = client.body("POST", "/volumes").path("volume");
        assertThat(volume.has("imageRef")).isFalse();
        assertThat(volume.has("availability_zone")).isFalse();
        assertThat(volume.path("size").asInt()).isEqualTo(1);
        assertThat(client.requests()).noneMatch(request -> request.contains("/v2/images/") || request.endsWith("/action"));
    }

    @Test
    void create_withMoreDataThanTheVolumeHolds_isRefusedBeforeAnythingIsMade() {
        RecordingClient client = cloud();
        DiskContent twoGib = new DiskContent() {
            @Override
            public long size() {
                return 2L << 30;
            }

            @Override
            public String diskFormat() {
                return "raw";
            }

            @Override
            public String containerFormat() {
                return "bare";
            }

            @Override
            public InputStream open() {
                throw new AssertionError("a refused volume reads no data");
            }
        };
        WriteRequest request = new WriteRequest(volume("nova", Map.of()), Map.of(TYPE, "type-1"), "src-vol", Optional.of(twoGib));

        assertThatThrownBy(() -> new CinderVolumeWriter(client.context()).create(request))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("set params.size to at least 2");
        assertThat(client.requests()).noneMatch(call -> call.startsWith("POST"));
    }

    @Test
    void create_afterARunThatStopped_deletesAVolumeInErrorAndTheTemporaryImage_andTakesTheOneStillBeingMade() {
        RecordingClient client = cloud()
                .answer("GET", ServiceType.BLOCK_STORAGE, MARKED,
                        "{\"volumes\": [{\"id\": \"broken\", \"status\": \"error\"}, {\"id\": \"vol-0\", \"status\": \"downloading\"}]}")
                .answer("GET", ServiceType.BLOCK_STORAGE, "/volumes/vol-0", "{\"volume\": {\"status\": \"available\"}}")
                .answer("GET", ServiceType.IMAGE, TEMPORARY, "{\"images\": [{\"id\": \"tmp-0\"}]}");

        String id = new CinderVolumeWriter(client.context()).create(request("nova", Optional.of(BytesContent.raw(DATA))));

        assertThat(id).isEqualTo("vol-0");
        assertThat(client.requests()).contains("DELETE /volumes/broken", "DELETE /v2/images/tmp-0")
                .doesNotContain("POST /v2/images", "POST /volumes");
    }

    @Test
    void find_takesAnAvailableOrAttachedVolumeWithTheMarker() {
        RecordingClient client = RecordingClient.member().answer("GET", ServiceType.BLOCK_STORAGE, MARKED,
                "{\"volumes\": [{\"id\": \"broken\", \"status\": \"error\"}, {\"id\": \"made\", \"status\": \"in-use\"}]}");

        assertThat(new CinderVolumeWriter(client.context()).find(request("nova", Optional.empty()))).contains("made");
    }
}
