package io.skylift.engine.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skylift.spi.Capability;
import io.skylift.spi.ConnectionInfo;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.Provider;
import io.skylift.spi.ProviderFactory;
import io.skylift.spi.SchemaType;
import io.skylift.spi.SkyliftException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionSchemaTest {

    private final ObjectMapper json = new ObjectMapper();

    /** Two ways to authenticate, as OpenStack has: the secret of each is in its own branch. */
    private static final String ALTERNATIVES = """
            {
              "type": "object",
              "properties": {"auth_url": {"type": "string"}},
              "required": ["auth_url"],
              "oneOf": [
                {"properties": {"username": {"type": "string"}, "password": {"type": "string", "writeOnly": true}},
                 "required": ["username", "password"]},
                {"properties": {"application_credential_id": {"type": "string"},
                                "application_credential_secret": {"type": "string", "writeOnly": true}},
                 "required": ["application_credential_id", "application_credential_secret"]}
              ]
            }
            """;

    @Test
    void secretKeys_areTheWriteOnlyPropertiesAtAnyDepth() {
        ConnectionSchema schema = ConnectionSchema.of(provider(ALTERNATIVES), json);

        assertThat(schema.secretKeys()).containsExactlyInAnyOrder("password", "application_credential_secret");
    }

    @Test
    void check_acceptsEitherBranchAndMarksItsSecret() {
        ConnectionSchema schema = ConnectionSchema.of(provider(ALTERNATIVES), json);

        ConnectionInfo info = schema.check("src", Map.of("auth_url", "http://x", "application_credential_id", "id",
                "application_credential_secret", "s3cret"), json);

        assertThat(info.redacted()).containsEntry("application_credential_secret", "******");
    }

    @Test
    void check_wrongType_namesThePropertyWithoutAJsonPath() {
        ConnectionSchema schema = ConnectionSchema.of(provider("""
                {"type": "object", "properties": {"port": {"type": "integer"}}}
                """), json);

        assertThatThrownBy(() -> schema.check("src", Map.of("port", "5000"), json))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageStartingWith("connection info for endpoint src: property 'port': ")
                .hasMessageContaining("integer")
                .hasMessageEndingWith("(the schema: skylift provider schema list test connection)");
    }

    @Test
    void of_schemaThatIsNotJson_isTheProvidersBug() {
        assertThatThrownBy(() -> ConnectionSchema.of(provider("{not json"), json))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
                .hasMessageStartingWith("provider 'test' publishes a connection schema that cannot be read");
    }

    private static ProviderFactory provider(String connectionSchema) {
        return new ProviderFactory() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public String description() {
                return "";
            }

            @Override
            public List<Class<? extends Capability>> capabilities() {
                return List.of();
            }

            @Override
            public String schema(SchemaType type) {
                return connectionSchema;
            }

            @Override
            public Map<String, Object> connectionFromNamedCloud(String cloud) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Map<String, Object> connectionFromEnvironment(Map<String, String> environment) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Provider connect(ConnectionInfo connection) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
