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

class NovaKeypairWriterTest {

    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKz demo@src";
    private static final ResourceRef REF = ResourceRef.of(ResourceType.KEYPAIR, "demo", "skylift-key");

    private static WriteRequest request(Map<String, Object> params) {
        return new WriteRequest(new Resource(REF, params, Map.of(), Map.of(), Map.of()), Map.of(), "skylift-key", Optional.empty());
    }

    private static WriteRequest request() {
        return request(Map.of("public_key", KEY, "type", "ssh"));
    }

    @Test
    void create_importsThePublicKeyUnderTheName() {
        RecordingClient client = RecordingClient.member().answer("POST", ServiceType.COMPUTE, "/os-keypairs", "{\"keypair\": {}}");

        assertThat(new NovaKeypairWriter(client.context()).create(request())).isEqualTo("skylift-key");

        assertThat(client.body("POST", "/os-keypairs")).isEqualTo(RecordingClient.json(
                "{\"keypair\": {\"name\": \"skylift-key\", \"public_key\": \"" + KEY + "\", \"type\": \"ssh\"}}"));
    }

    @Test
    void create_withoutAPublicKey_isRefusedRatherThanLettingNovaGenerateOne() {
        RecordingClient client = RecordingClient.member();

        assertThatThrownBy(() -> new NovaKeypairWriter(client.context()).create(request(Map.of("type", "ssh"))))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("no params.public_key");
        assertThat(client.requests()).isEmpty();
    }

    @Test
    void find_takesAKeypairOfThatNameWithTheSameKey_whateverItsComment() {
        RecordingClient client = RecordingClient.member().answer("GET", ServiceType.COMPUTE, "/os-keypairs/skylift-key",
                "{\"keypair\": {\"name\": \"skylift-key\", \"public_key\": \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKz Generated-by-Nova\\n\"}}");

        assertThat(new NovaKeypairWriter(client.context()).find(request())).contains("skylift-key");
    }

    @Test
    void find_withAnotherKeyUnderThatName_isAlreadyExistsNamingTheFix() {
        RecordingClient client = RecordingClient.member().answer("GET", ServiceType.COMPUTE, "/os-keypairs/skylift-key",
                "{\"keypair\": {\"name\": \"skylift-key\", \"public_key\": \"ssh-rsa AAAAB3other\", \"fingerprint\": \"aa:bb\"}}");

        assertThatThrownBy(() -> new NovaKeypairWriter(client.context()).find(request()))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS))
                .hasMessageContaining("keypair skylift-key exists at the destination with another public key")
                .hasMessageContaining("keypair override")
                .hasMessageContaining("openstack keypair delete skylift-key");
    }

    @Test
    void find_whenNovaHasNoSuchKeypair_isEmpty() {
        RecordingClient client = RecordingClient.member().answer("GET", ServiceType.COMPUTE, "/os-keypairs/skylift-key",
                new SkyliftException(ErrorCode.NOT_FOUND, "HTTP 404"));

        assertThat(new NovaKeypairWriter(client.context()).find(request())).isEmpty();
    }
}
