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

class CinderVolumeTypeWriterTest {

    private static final ResourceRef FAST = ResourceRef.global(ResourceType.VOLUME_TYPE, "fast");

    private static RecordingClient cloud() {
        return RecordingClient.member().answer("GET", ServiceType.BLOCK_STORAGE, "/types",
                "{\"volume_types\": [{\"id\": \"t-default\", \"name\": \"__DEFAULT__\"}, {\"id\": \"t-fast\", \"name\": \"fast\"}]}");
    }

    @Test
    void lookup_andFind_nameTheDestinationsTypeOfThatName() {
        CinderVolumeTypeWriter writer = new CinderVolumeTypeWriter(cloud().context());

        assertThat(writer.lookup(FAST)).contains("t-fast");
        assertThat(writer.find(new WriteRequest(Resource.of(FAST), Map.of(), "src-fast", Optional.empty()))).contains("t-fast");
        assertThat(writer.lookup(ResourceRef.global(ResourceType.VOLUME_TYPE, "slow"))).isEmpty();
    }

    @Test
    void create_isUnsupported_andSaysToMapTheType() {
        RecordingClient client = cloud();
        WriteRequest request = new WriteRequest(Resource.of(ResourceRef.global(ResourceType.VOLUME_TYPE, "slow")), Map.of(), "src-slow",
                Optional.empty());

        assertThatThrownBy(() -> new CinderVolumeTypeWriter(client.context()).create(request))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED))
                .hasMessageContaining("volume type slow does not exist at the destination")
                .hasMessageContaining("map volume_type:slow to one of the destination's volume types");
        assertThat(client.requests()).noneMatch(call -> call.startsWith("POST"));
    }
}
