package io.skylift.provider.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skylift.model.ResourceType;
import io.skylift.spi.ConnectionInfo;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.Inventory;
import io.skylift.spi.Provider;
import io.skylift.spi.ProviderFactory;
import io.skylift.spi.SchemaType;
import io.skylift.spi.SkyliftException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenStackProviderFactoryTest {

    private final OpenStackProviderFactory factory = new OpenStackProviderFactory();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void serviceLoader_findsTheOpenstackProvider() {
        List<String> names = ServiceLoader.load(ProviderFactory.class).stream().map(p -> p.get().name()).toList();
        assertThat(names).contains("openstack");
    }

    @Test
    void schemas_areDraft202012JsonWithTheirProperties() throws Exception {
        for (SchemaType type : SchemaType.values()) {
            JsonNode schema = json.readTree(factory.schema(type));
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("additionalProperties").asBoolean(true)).as(type.id()).isFalse();
        }
        JsonNode connection = json.readTree(factory.schema(SchemaType.CONNECTION));
        List<String> properties = new ArrayList<>();
        connection.path("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).contains("auth_url", "username", "user_id", "password", "project_name", "project_id", "domain_name",
                "application_credential_id", "application_credential_name", "application_credential_secret", "region_name", "interface",
                "cacert", "insecure");
        assertThat(connection.path("properties").path("password").path("writeOnly").asBoolean()).isTrue();
        assertThat(connection.path("properties").path("application_credential_secret").path("writeOnly").asBoolean()).isTrue();
        assertThat(connection.path("oneOf")).hasSize(2);
        assertThat(json.readTree(factory.schema(SchemaType.DESTINATION)).path("properties").has("network_map")).isTrue();
        assertThat(json.readTree(factory.schema(SchemaType.SOURCE)).path("properties").has("snapshot_mode")).isTrue();
    }

    @Test
    void connect_sendsNothingUntilUsed_thenFailsAsUnreachable() {
        // Nothing listens on port 1: connecting and asking for the inventory must not fail, reading must.
        Map<String, Object> values = Map.of("auth_url", "http://127.0.0.1:1/v3", "user_id", "u", "password", "p", "project_id", "p1");
        try (Provider provider = factory.connect(new ConnectionInfo(values, Set.of("password")))) {
            Inventory inventory = provider.capability(Inventory.class).orElseThrow();
            assertThatThrownBy(() -> inventory.read(Set.of(ResourceType.SERVER)))
                    .isInstanceOf(SkyliftException.class)
                    .extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.UNREACHABLE);
        }
    }

    @Test
    void connect_usernameWithoutDomain_namesTheMissingKey() {
        Map<String, Object> values = Map.of("auth_url", "http://k/v3", "username", "demo", "password", "p", "cloud", "lab");
        assertThatThrownBy(() -> factory.connect(new ConnectionInfo(values, Set.of("password"))))
                .isInstanceOf(SkyliftException.class)
                .hasMessage("username needs user_domain_name or user_domain_id (often Default) (clouds.yaml entry lab)")
                .extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void connect_passwordAndApplicationCredential_isRejected() {
        Map<String, Object> values = Map.of("auth_url", "http://k/v3", "user_id", "u", "password", "p", "application_credential_id", "a",
                "application_credential_secret", "s");
        assertThatThrownBy(() -> factory.connect(new ConnectionInfo(values, Set.of("password"))))
                .isInstanceOf(SkyliftException.class)
                .hasMessageStartingWith("set either password or application_credential_secret, not both");
    }

    @Test
    void connect_badInterface_listsTheChoices() {
        Map<String, Object> values = Map.of("auth_url", "http://k/v3", "user_id", "u", "password", "p", "interface", "private");
        assertThatThrownBy(() -> factory.connect(new ConnectionInfo(values, Set.of("password"))))
                .hasMessage("unknown interface 'private': expected public, internal or admin");
    }
}
