package io.skylift.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;

/**
 * A provider with a small connection schema and two servers, web (m1.small) and db (m1.large). The
 * password "wrong" fails validation; the auth URL "http://down" is unreachable. Shared with the CLI
 * tests through this module's test-jar; the public no-argument constructors let them register it
 * in {@code META-INF/services}, as real providers are.
 */
public class FakeProviderFactory implements ProviderFactory {

    public static final String PASSWORD = "pa55-Word-never-shown";

    public static final String CONNECTION_SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "auth_url": {"type": "string"},
                "username": {"type": "string"},
                "password": {"type": "string", "writeOnly": true},
                "port": {"type": "integer"},
                "insecure": {"type": "boolean"}
              },
              "required": ["auth_url", "username", "password"],
              "additionalProperties": false
            }
            """;

    private final String name;
    private final String description;
    private final List<Class<? extends Capability>> capabilities;
    /** Every connection made, in order, so tests can see what reached the provider. */
    public final List<ConnectionInfo> connections = new ArrayList<>();
    public int closed;

    /** Called "fake", with an inventory. */
    public FakeProviderFactory() {
        this("fake", "A cloud that exists only in tests.", List.of(Inventory.class));
    }

    private FakeProviderFactory(String name, String description, List<Class<? extends Capability>> capabilities) {
        this.name = name;
        this.description = description;
        this.capabilities = capabilities;
    }

    /** Called "fake", with an inventory. */
    public static FakeProviderFactory withInventory() {
        return new FakeProviderFactory();
    }

    /** Called "bare", with no capabilities, to see callers refuse what a provider cannot do. */
    public static FakeProviderFactory bare() {
        return new Bare();
    }

    /** A connection that validates, with this password. */
    public static Map<String, Object> connection(String password) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("auth_url", "http://127.0.0.1:5000/v3");
        values.put("username", "demo");
        values.put("password", password);
        return values;
    }

    public static Map<String, Object> goodConnection() {
        return connection(PASSWORD);
    }

    /** {@link #connection(String)} as JSON, for a command line. */
    public static String connectionJson(String password) {
        try {
            return new ObjectMapper().writeValueAsString(connection(password));
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<Class<? extends Capability>> capabilities() {
        return capabilities;
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
        connections.add(connection);
        return new FakeProvider(connection);
    }

    /** {@link #bare()}, as a class that {@code META-INF/services} can name. */
    public static final class Bare extends FakeProviderFactory {

        public Bare() {
            super("bare", "A test cloud that can do nothing.", List.of());
        }
    }

    private final class FakeProvider implements Provider, Inventory {

        private final ConnectionInfo connection;

        FakeProvider(ConnectionInfo connection) {
            this.connection = connection;
        }

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
            if (!types.contains(ResourceType.SERVER)) {
                return List.of();
            }
            return List.of(server("web", "1111", "ACTIVE", "m1.small"), server("db", "2222", "SHUTOFF", "m1.large"));
        }

        @Override
        public void close() {
            closed++;
        }

        private static Resource server(String name, String id, String status, String flavor) {
            return Resource.of(ResourceRef.of(ResourceType.SERVER, "demo", name))
                    .withRefs(Map.of("flavor", List.of(ResourceRef.global(ResourceType.FLAVOR, flavor))))
                    .withInfo(Map.of("id", id, "status", status));
        }
    }
}
