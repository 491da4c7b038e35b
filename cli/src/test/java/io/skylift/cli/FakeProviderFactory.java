package io.skylift.cli;

import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.spi.Capability;
import io.skylift.spi.ConnectionInfo;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.Inventory;
import io.skylift.spi.Provider;
import io.skylift.spi.ProviderFactory;
import io.skylift.spi.SchemaType;
import io.skylift.spi.SkyliftException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;

/**
 * A provider found through this module's test META-INF/services, as real ones are. The password
 * "wrong" fails validation; the auth URL "http://down" is unreachable.
 */
public class FakeProviderFactory implements ProviderFactory {

    static final String PASSWORD = "pa55-Word-never-shown";

    static final String CONNECTION_SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "auth_url": {"type": "string"},
                "username": {"type": "string"},
                "password": {"type": "string", "writeOnly": true}
              },
              "required": ["auth_url", "username", "password"],
              "additionalProperties": false
            }
            """;

    static String connectionJson(String password) {
        return "{\"auth_url\": \"http://127.0.0.1:5000/v3\", \"username\": \"demo\", \"password\": \"" + password + "\"}";
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public String description() {
        return "A cloud that exists only in tests.";
    }

    @Override
    public List<Class<? extends Capability>> capabilities() {
        return List.of(Inventory.class);
    }

    @Override
    public String schema(SchemaType type) {
        return type == SchemaType.CONNECTION ? CONNECTION_SCHEMA : "{\"type\": \"object\", \"properties\": {\"" + type.id() + "_option\": {\"type\": \"string\"}}}";
    }

    @Override
    public Map<String, Object> connectionFromNamedCloud(String cloud) {
        if (!cloud.equals("known")) {
            throw new SkyliftException(ErrorCode.NOT_FOUND, "cloud '" + cloud + "' not found in the fake clouds.yaml");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("auth_url", "http://known:5000/v3");
        values.put("username", "from-cloud");
        values.put("password", PASSWORD);
        return values;
    }

    @Override
    public Map<String, Object> connectionFromEnvironment(Map<String, String> environment) {
        Map<String, Object> values = new LinkedHashMap<>();
        Optional.ofNullable(environment.get("FAKE_AUTH_URL")).ifPresent(value -> values.put("auth_url", value));
        Optional.ofNullable(environment.get("FAKE_USERNAME")).ifPresent(value -> values.put("username", value));
        Optional.ofNullable(environment.get("FAKE_PASSWORD")).ifPresent(value -> values.put("password", value));
        return values;
    }

    @Override
    public Provider connect(ConnectionInfo connection) {
        return new FakeProvider(connection, capabilities());
    }

    private record FakeProvider(ConnectionInfo connection, List<Class<? extends Capability>> capabilities) implements Provider, Inventory {

        @Override
        public SequencedMap<String, String> validate() {
            if (connection.requiredString("auth_url").equals("http://down")) {
                throw new SkyliftException(ErrorCode.UNREACHABLE, "cannot reach http://down: connection refused");
            }
            if (connection.requiredString("password").equals("wrong")) {
                throw new SkyliftException(ErrorCode.AUTHENTICATION_FAILED,
                        "wrong password for user " + connection.requiredString("username") + ": check the password");
            }
            SequencedMap<String, String> found = new LinkedHashMap<>();
            found.put("user", connection.requiredString("username"));
            found.put("project", "demo");
            return found;
        }

        @Override
        public <T extends Capability> Optional<T> capability(Class<T> type) {
            return capabilities.contains(type) ? Optional.of(type.cast(this)) : Optional.empty();
        }

        @Override
        public List<Resource> read(Set<ResourceType> types) {
            return List.of(server("web", "1111", "ACTIVE", "m1.small"), server("db", "2222", "SHUTOFF", "m1.large"));
        }

        @Override
        public void close() {}

        private static Resource server(String name, String id, String status, String flavor) {
            return Resource.of(ResourceRef.of(ResourceType.SERVER, "demo", name))
                    .withRefs(Map.of("flavor", List.of(ResourceRef.global(ResourceType.FLAVOR, flavor))))
                    .withInfo(Map.of("id", id, "status", status));
        }
    }
}
