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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GlanceImageWriterTest {

    private static final String MARKED = "/v2/images?skylift_source_id=src-image&owner=" + RecordingClient.PROJECT;
    private static final byte[] DATA = "eight MiB of random bytes, in short".getBytes(StandardCharsets.UTF_8);

    /** As GlanceImageToResource makes it from the seed's skylift-raw. */
    private static Resource image(String visibility) {
        return new Resource(ResourceRef.of(ResourceType.IMAGE, "demo", "skylift-raw"), Map.of(
                "disk_format", "raw", "container_format", "bare", "min_disk", 1, "min_ram", 128, "visibility", visibility,
                "protected", false, "tags", List.of("skylift"),
                "properties", Map.of("hw_disk_bus", "scsi", "hw_scsi_model", "virtio-scsi", "os_glance_import_task", "t1",
                        "skylift_source_id", "an-older-run")),
                Map.of(), Map.of("id", "src-image"), Map.of());
    }

    private static WriteRequest request(Optional<BytesContent> data) {
        return request("public", data);
    }

    private static WriteRequest request(String visibility, Optional<BytesContent> data) {
        return new WriteRequest(image(visibility), Map.of(), "src-image", data.map(content -> content));
    }

    private static RecordingClient cloud(RecordingClient client) {
        return client
                .answer("GET", ServiceType.IMAGE, MARKED, "{\"images\": []}")
                .answer("POST", ServiceType.IMAGE, "/v2/images", "{\"id\": \"img-1\", \"status\": \"queued\"}")
                .answer("GET", ServiceType.IMAGE, "/v2/images/img-1", "{\"status\": \"saving\"}", "{\"status\": \"active\"}");
    }

    @Test
    void create_postsFormatsPropertiesTagsAndMarker_uploadsTheData_andWaitsUntilActive() {
        RecordingClient client = cloud(RecordingClient.member());

        String id = new GlanceImageWriter(client.context()).create(request(Optional.of(BytesContent.raw(DATA))));

        assertThat(id).isEqualTo("img-1");
        JsonNode body = client.body("POST", "/v2/images");
        assertThat(body.path("name").asText()).isEqualTo("skylift-raw");
        assertThat(body.path("disk_format").asText()).isEqualTo("raw");
        assertThat(body.path("container_format").asText()).isEqualTo("bare");
        assertThat(body.path("min_disk").asInt()).isEqualTo(1);
        assertThat(body.path("min_ram").asInt()).isEqualTo(128);
        // A member may not publish; the image stays in the project.
        assertThat(body.path("visibility").asText()).isEqualTo("private");
        assertThat(body.path("tags")).isEqualTo(RecordingClient.json("[\"skylift\"]"));
        assertThat(body.path("hw_disk_bus").asText()).isEqualTo("scsi");
        assertThat(body.path("hw_scsi_model").asText()).isEqualTo("virtio-scsi");
        assertThat(body.path("skylift_source_id").asText()).isEqualTo("src-image");
        assertThat(body.has("os_glance_import_task")).as("Glance's reserved properties are not sent").isFalse();
        assertThat(client.uploaded()).isEqualTo(DATA);
        assertThat(client.requests()).containsSubsequence("POST /v2/images", "PUT /v2/images/img-1/file", "GET /v2/images/img-1");
        assertThat(client.requests()).doesNotContain("DELETE /v2/images/img-1");
    }

    @Test
    void create_asAdmin_keepsAPublicImagePublic() {
        RecordingClient client = cloud(RecordingClient.admin());

        new GlanceImageWriter(client.context()).create(request(Optional.of(BytesContent.raw(DATA))));

        assertThat(client.body("POST", "/v2/images").path("visibility").asText()).isEqualTo("public");
    }

    @Test
    void create_asMember_keepsSharedAndCommunity_andMakesPrivateWhatItMayNotSet() {
        Map<String, String> expected = Map.of("shared", "shared", "community", "community", "private", "private",
                "public", "private", "", "private");
        expected.forEach((source, made) -> {
            RecordingClient client = cloud(RecordingClient.member());

            new GlanceImageWriter(client.context()).create(request(source, Optional.of(BytesContent.raw(DATA))));

            assertThat(client.body("POST", "/v2/images").path("visibility").asText()).as("visibility made from '" + source + "'").isEqualTo(made);
        });
    }

    @Test
    void create_whenTheDataFailsItsCheck_deletesTheHalfMadeImageAndSaysWhy() {
        RecordingClient client = cloud(RecordingClient.member());

        assertThatThrownBy(() -> new GlanceImageWriter(client.context()).create(request(Optional.of(BytesContent.corruptRaw(DATA)))))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("image skylift-raw")
                .hasMessageContaining("SHA-256 of the data differs");
        assertThat(client.requests()).containsSubsequence("PUT /v2/images/img-1/file", "DELETE /v2/images/img-1", "GET /v2/images/img-1");
    }

    @Test
    void create_whenGlanceKillsTheImage_deletesIt() {
        RecordingClient client = cloud(RecordingClient.member())
                .answer("GET", ServiceType.IMAGE, "/v2/images/img-1", "{\"status\": \"killed\"}");

        assertThatThrownBy(() -> new GlanceImageWriter(client.context()).create(request(Optional.of(BytesContent.raw(DATA)))))
                .hasMessageContaining("went to status killed");
        assertThat(client.requests()).contains("DELETE /v2/images/img-1");
    }

    @Test
    void create_withoutData_isUnsupportedAndMakesNothing() {
        RecordingClient client = cloud(RecordingClient.member());

        assertThatThrownBy(() -> new GlanceImageWriter(client.context()).create(request(Optional.empty())))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED))
                .hasMessageContaining("the bundle has no data for image skylift-raw");
        assertThat(client.requests()).noneMatch(request -> request.startsWith("POST"));
    }

    @Test
    void create_deletesWhatAFailedEarlierUploadLeft() {
        RecordingClient client = cloud(RecordingClient.member())
                .answer("GET", ServiceType.IMAGE, MARKED, "{\"images\": [{\"id\": \"old\", \"status\": \"queued\", \"owner\": \"p-demo\"}]}");

        new GlanceImageWriter(client.context()).create(request(Optional.of(BytesContent.raw(DATA))));

        assertThat(client.requests()).containsSubsequence("DELETE /v2/images/old", "POST /v2/images");
    }

    @Test
    void find_takesTheProjectsActiveImageWithTheMarker_notAQueuedOneNorAnotherProjects() {
        RecordingClient client = RecordingClient.member().answer("GET", ServiceType.IMAGE, MARKED, """
                {"images": [
                  {"id": "queued", "status": "queued", "owner": "p-demo"},
                  {"id": "elsewhere", "status": "active", "owner": "p-other"},
                  {"id": "tmp", "status": "active", "owner": "p-demo", "skylift_temporary": "true"},
                  {"id": "made", "status": "active", "owner": "p-demo"}]}""");

        assertThat(new GlanceImageWriter(client.context()).find(request(Optional.empty()))).contains("made");
    }

    @Test
    void lookup_prefersTheProjectsOwnImageOverAPublicOneOfTheSameName() {
        RecordingClient client = RecordingClient.member().answer("GET", ServiceType.IMAGE, "/v2/images?name=cirros", """
                {"images": [{"id": "public", "name": "cirros", "owner": "p-admin"}, {"id": "own", "name": "cirros", "owner": "p-demo"}]}""");

        assertThat(new GlanceImageWriter(client.context()).lookup(ResourceRef.of(ResourceType.IMAGE, "admin", "cirros"))).contains("own");
    }
}
