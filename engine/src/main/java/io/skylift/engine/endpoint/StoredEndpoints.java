package io.skylift.engine.endpoint;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skylift.engine.provider.ProviderRegistry;
import io.skylift.engine.store.Database;
import io.skylift.engine.store.SecretBox;
import io.skylift.model.Resource;
import io.skylift.model.ResourceType;
import io.skylift.spi.ConnectionInfo;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.Inventory;
import io.skylift.spi.Provider;
import io.skylift.spi.ProviderFactory;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

final class StoredEndpoints implements Endpoints {

    private final Database database;
    private final SecretBox secrets;
    private final ProviderRegistry providers;
    private final Clock clock;
    private final EndpointTable table = new EndpointTable();
    private final ObjectMapper json = new ObjectMapper();

    StoredEndpoints(Database database, SecretBox secrets, ProviderRegistry providers, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.secrets = requireNonNull(secrets, "secrets is null");
        this.providers = requireNonNull(providers, "providers is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** What is sealed: the values and which of them are secret, as the schema said when stored. */
    private record Payload(Map<String, Object> values, Set<String> secretKeys) {}

    @Override
    public Endpoint create(NewEndpoint request) {
        ConnectionInfo connection = connectionInfo(request);
        // Truncated to what every database stores, so a created endpoint equals the one read back.
        Endpoint endpoint = new Endpoint(UUID.randomUUID(), request.name(), request.provider(), request.description(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        byte[] plaintext = serialize(connection);
        return database.inTransaction(transaction -> {
            requireFree(request.name(), table.find(transaction, request.name()).isPresent());
            if (!secrets.keyFile().exists() && table.count(transaction) > 0) {
                // A new key would leave the stored endpoints sealed under a key nobody has.
                throw new SkyliftException(ErrorCode.NOT_FOUND, "secret key file " + secrets.keyFile().path()
                        + " is missing but endpoints sealed with it are stored: restore the file from a backup,"
                        + " or delete every endpoint (skylift endpoint list) before creating new ones");
            }
            EndpointTable.Row row = new EndpointTable.Row(endpoint, secrets.seal(plaintext, associatedData(endpoint)));
            // Another process may have taken the name since the check above.
            requireFree(request.name(), !table.insert(transaction, row));
            return endpoint;
        });
    }

    @Override
    public void check(NewEndpoint request) {
        checkFree(request);
    }

    @Override
    public SequencedMap<String, String> validate(NewEndpoint request) {
        return withProvider(providers.get(request.provider()), checkFree(request), Provider::validate);
    }

    @Override
    public SequencedMap<String, String> validate(String name) {
        return withProvider(name, Provider::validate);
    }

    @Override
    public List<Endpoint> list() {
        return database.inTransaction(table::list);
    }

    @Override
    public EndpointDetails show(String name) {
        EndpointTable.Row row = find(name);
        return new EndpointDetails(row.endpoint(), open(row).redacted());
    }

    @Override
    public void delete(String name) {
        requireNonNull(name, "name is null");
        if (!database.inTransaction(transaction -> table.delete(transaction, name))) {
            throw notFound(name);
        }
    }

    @Override
    public List<Resource> inventory(String name, Set<ResourceType> types) {
        Set<ResourceType> wanted = Set.copyOf(requireNonNull(types, "types is null"));
        return withProvider(name, provider -> provider.capability(Inventory.class)
                .orElseThrow(() -> new SkyliftException(ErrorCode.UNSUPPORTED, "endpoint '" + name + "' cannot list resources: provider '"
                        + find(name).endpoint().provider() + "' has no inventory capability"))
                .read(wanted));
    }

    @Override
    public Provider connect(String name) {
        EndpointTable.Row row = find(name);
        return factory(name, row).connect(open(row));
    }

    /** As {@link #check(NewEndpoint)}, failing on a taken name before a round trip to the cloud is spent. */
    private ConnectionInfo checkFree(NewEndpoint request) {
        ConnectionInfo connection = connectionInfo(request);
        requireFree(request.name(), database.inTransaction(transaction -> table.find(transaction, request.name()).isPresent()));
        return connection;
    }

    private ConnectionInfo connectionInfo(NewEndpoint request) {
        requireNonNull(request, "request is null");
        ProviderFactory factory = providers.get(request.provider());
        return ConnectionSchema.of(factory, json).check(request.name(), request.connection(), json);
    }

    private <T> T withProvider(String name, Function<Provider, T> work) {
        EndpointTable.Row row = find(name);
        return withProvider(factory(name, row), open(row), work);
    }

    private ProviderFactory factory(String name, EndpointTable.Row row) {
        try {
            return providers.get(row.endpoint().provider());
        }
        catch (SkyliftException e) {
            throw new SkyliftException(e.code(), "endpoint '" + name + "': " + e.getMessage(), e);
        }
    }

    private static <T> T withProvider(ProviderFactory factory, ConnectionInfo connection, Function<Provider, T> work) {
        try (Provider provider = factory.connect(connection)) {
            return work.apply(provider);
        }
    }

    private EndpointTable.Row find(String name) {
        requireNonNull(name, "name is null");
        return database.inTransaction(transaction -> table.find(transaction, name)).orElseThrow(() -> notFound(name));
    }

    private ConnectionInfo open(EndpointTable.Row row) {
        Endpoint endpoint = row.endpoint();
        byte[] plaintext = secrets.open(row.connection(), associatedData(endpoint), "endpoint '" + endpoint.name() + "'");
        try {
            Payload payload = json.readValue(plaintext, Payload.class);
            return new ConnectionInfo(new LinkedHashMap<>(payload.values()), payload.secretKeys());
        }
        catch (IOException e) {
            // Authenticated but unreadable: written by a Skylift that stored another format.
            throw new SkyliftException(ErrorCode.INTERNAL, "the connection info of endpoint '" + endpoint.name()
                    + "' decrypts but cannot be read: " + (e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage()), e);
        }
    }

    private byte[] serialize(ConnectionInfo connection) {
        try {
            return json.writeValueAsBytes(new Payload(connection.values(), connection.secretKeys()));
        }
        catch (JsonProcessingException e) {
            throw new SkyliftException(ErrorCode.INTERNAL, "cannot write connection info as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Binds sealed connection info to its endpoint, so it cannot be moved to another row. */
    private static byte[] associatedData(Endpoint endpoint) {
        return endpoint.id().toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void requireFree(String name, boolean taken) {
        if (taken) {
            throw new SkyliftException(ErrorCode.ALREADY_EXISTS,
                    "endpoint '" + name + "' already exists: choose another name or delete it first");
        }
    }

    private static SkyliftException notFound(String name) {
        return new SkyliftException(ErrorCode.NOT_FOUND, "endpoint '" + name + "' not found: see skylift endpoint list");
    }
}
