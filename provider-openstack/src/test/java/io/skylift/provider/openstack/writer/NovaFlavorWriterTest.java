package io.skylift.provider.openstack.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NovaFlavorWriterTest {

    private static final String FLAVORS = "/flavors/detail?is_public=None";

    /** As NovaFlavorToResource makes the seed's skylift.small. */
    private static WriteRequest request() {
        Resource flavor = new Resource(ResourceRef.global(ResourceType.FLAVOR, "skylift.small"), Map.of(
                "vcpus", 1, "ram", 256, "disk", 1, "ephemeral", 0, "swap", 0, "is_public", true,
                "extra_specs", Map.of("skylift:tier", "small", "hw:cpu_cores", 1)),
                Map.of(), Map.of("id", "src-flavor"), Map.of());
        return new WriteRequest(flavor, Map.of(), "src-flavor", Optional.empty());
    }

    @Test
    void create_postsTheSizesThenTheExtraSpecsAsText() {
        RecordingClient client = RecordingClient.admin()
                .answer("POST", ServiceType.COMPUTE, "/flavors", "{\"flavor\": {\"id\": \"fl-1\"}}")
                .answer("POST", ServiceType.COMPUTE, "/flavors/fl-1/os-extra_specs", "{\"extra_specs\": {}}");

        assertThat(new NovaFlavorWriter(client.context()).create(request())).isEqualTo("fl-1");

        assertThat(client.body("POST", "/flavors")).isEqualTo(RecordingClient.json("""
                {"flavor": {"name": "skylift.small", "vcpus": 1, "ram": 256, "disk": 1, "OS-FLV-EXT-DATA:ephemeral": 0, "swap": 0,
                            "os-flavor-access:is_public": true}}"""));
        assertThat(client.body("POST", "/flavors/fl-1/os-extra_specs")).isEqualTo(RecordingClient.json(
                "{\"extra_specs\": {\"skylift:tier\": \"small\", \"hw:cpu_cores\": \"1\"}}"));
    }

    @Test
    void create_whenTheExtraSpecsAreRefused_deletesTheFlavorSoARerunDoesNotReuseItWithout() {
        RecordingClient client = RecordingClient.admin()
                .answer("POST", ServiceType.COMPUTE, "/flavors", "{\"flavor\": {\"id\": \"fl-1\"}}")
                .answer("POST", ServiceType.COMPUTE, "/flavors/fl-1/os-extra_specs", new SkyliftException(ErrorCode.CLOUD_REJECTED, "HTTP 400"));

        assertThatThrownBy(() -> new NovaFlavorWriter(client.context()).create(request())).hasMessageContaining("HTTP 400");
        assertThat(client.requests()).contains("DELETE /flavors/fl-1");
    }

    @Test
    void create_asAMember_isPermissionDeniedSayingToMapTheFlavor() {
        RecordingClient client = RecordingClient.member().answer("POST", ServiceType.COMPUTE, "/flavors",
                new SkyliftException(ErrorCode.PERMISSION_DENIED, "Nova refused POST /flavors (HTTP 403)"));

        assertThatThrownBy(() -> new NovaFlavorWriter(client.context()).create(request()))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED))
                .hasMessageContaining("creating flavor skylift.small needs the admin role")
                .hasMessageContaining("map flavor:skylift.small to an existing flavor");
    }

    @Test
    void find_reusesAFlavorOfThatNameAndSize() {
        RecordingClient client = RecordingClient.member().answer("GET", ServiceType.COMPUTE, FLAVORS, """
                {"flavors": [{"id": "other", "name": "m1.tiny", "vcpus": 1, "ram": 512, "disk": 1},
                             {"id": "fl-1", "name": "skylift.small", "vcpus": 1, "ram": 256, "disk": 1}]}""");

        assertThat(new NovaFlavorWriter(client.context()).find(request())).contains("fl-1");
    }

    @Test
    void find_withAnotherSizeUnderThatName_isAlreadyExists() {
        RecordingClient client = RecordingClient.member().answer("GET", ServiceType.COMPUTE, FLAVORS,
                "{\"flavors\": [{\"id\": \"fl-1\", \"name\": \"skylift.small\", \"vcpus\": 2, \"ram\": 256, \"disk\": 1}]}");

        assertThatThrownBy(() -> new NovaFlavorWriter(client.context()).find(request()))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS))
                .hasMessageContaining("flavor skylift.small exists at the destination with 2 vCPUs, 256 MiB RAM, 1 GiB disk, not 1 vCPUs");
    }

    @Test
    void lookup_withTwoFlavorsOfThatName_refusesToGuess() {
        RecordingClient client = RecordingClient.member().answer("GET", ServiceType.COMPUTE, FLAVORS,
                "{\"flavors\": [{\"id\": \"a\", \"name\": \"m1.small\"}, {\"id\": \"b\", \"name\": \"m1.small\"}]}");

        assertThatThrownBy(() -> new NovaFlavorWriter(client.context()).lookup(ResourceRef.global(ResourceType.FLAVOR, "m1.small")))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("2 of the destination's flavors are named 'm1.small' (ids a, b)");
    }
}
