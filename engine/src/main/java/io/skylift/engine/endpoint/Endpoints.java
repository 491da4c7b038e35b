package io.skylift.engine.endpoint;

import io.skylift.engine.provider.ProviderRegistry;
import io.skylift.engine.store.Database;
import io.skylift.engine.store.SecretBox;
import io.skylift.model.Resource;
import io.skylift.model.ResourceType;
import io.skylift.spi.Provider;
import java.time.Clock;
import java.util.List;
import java.util.SequencedMap;
import java.util.Set;

/**
 * The stored endpoints. Every failure is a {@link io.skylift.spi.SkyliftException} whose message
 * names the endpoint and the fix; a failed call leaves the store as it was.
 */
public interface Endpoints {

    /** Endpoints kept in {@code database}, their connection info sealed by {@code secrets}. */
    static Endpoints stored(Database database, SecretBox secrets, ProviderRegistry providers, Clock clock) {
        return new StoredEndpoints(database, secrets, providers, clock);
    }

    /**
     * Checks a request as {@link #create} would (known provider, valid connection values, free
     * name) without contacting the cloud or storing anything.
     */
    void check(NewEndpoint request);

    /**
     * Stores a new endpoint after checking its provider, name and connection values, without
     * contacting the cloud; {@link #validate(NewEndpoint)} first to check the credentials too.
     */
    Endpoint create(NewEndpoint request);

    /**
     * Checks what {@link #create} checks, then connects and asks the provider to validate the
     * credentials. Stores nothing.
     *
     * @return what the provider found, such as the user, project and region
     */
    SequencedMap<String, String> validate(NewEndpoint request);

    /** Connects with a stored endpoint and asks the provider to validate it. */
    SequencedMap<String, String> validate(String name);

    /** Every endpoint, by name. */
    List<Endpoint> list();

    /** One endpoint with its connection info, secrets masked. */
    EndpointDetails show(String name);

    void delete(String name);

    /**
     * Reads resources of the given types through the endpoint's provider.
     *
     * @throws io.skylift.spi.SkyliftException {@link io.skylift.spi.ErrorCode#UNSUPPORTED} when the
     *                                         provider cannot take an inventory
     */
    List<Resource> inventory(String name, Set<ResourceType> types);

    /**
     * A connection through the endpoint's provider, for work that needs more than one call (an
     * export, an import); the caller closes it. Nothing is sent before its first call.
     */
    Provider connect(String name);
}
