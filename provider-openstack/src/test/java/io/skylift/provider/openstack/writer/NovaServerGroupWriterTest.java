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

class NovaServerGroupWriterTest {

    private static WriteRequest request() {
        Resource group = new Resource(ResourceRef.of(ResourceType.SERVER_GROUP, "demo", "skylift-group"),
                Map.of("policy", "soft-anti-affinity"), Map.of(), Map.of("id", "src-grp"), Map.of());
        return new WriteRequest(group, Map.of(), "src-grp", Optional.empty());
    }

    @Test
    void create_postsNameAndPolicy() {
        RecordingClient client = RecordingClient.member()
                .answer("POST", ServiceType.COMPUTE, "/os-server-groups", "{\"server_group\": {\"id\": \"grp-1\"}}");

        assertThat(new NovaServerGroupWriter(client.context()).create(request())).isEqualTo("grp-1");
        assertThat(client.body("POST", "/os-server-groups")).isEqualTo(RecordingClient.json(
                "{\"server_group\": {\"name\": \"skylift-group\", \"policy\": \"soft-anti-affinity\"}}"));
    }

    @Test
    void find_reusesAGroupOfThatNameAndPolicy_andRefusesOneWithAnother() {
        String groups = "{\"server_groups\": [{\"id\": \"grp-1\", \"name\": \"skylift-group\", \"policy\": \"%s\"}]}";
        RecordingClient same = RecordingClient.member()
                .answer("GET", ServiceType.COMPUTE, "/os-server-groups", groups.formatted("soft-anti-affinity"));
        RecordingClient other = RecordingClient.member()
                .answer("GET", ServiceType.COMPUTE, "/os-server-groups", groups.formatted("affinity"));

        assertThat(new NovaServerGroupWriter(same.context()).find(request())).contains("grp-1");
        assertThatThrownBy(() -> new NovaServerGroupWriter(other.context()).find(request()))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS))
                .hasMessageContaining("with policy affinity, not soft-anti-affinity");
    }
}
