package io.skylift.engine.transfer;

import io.skylift.engine.endpoint.Endpoint;
import io.skylift.engine.endpoint.EndpointDetails;
import io.skylift.engine.endpoint.Endpoints;
import io.skylift.engine.endpoint.NewEndpoint;
import io.skylift.model.Resource;
import io.skylift.model.ResourceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.Inventory;
import io.skylift.spi.Provider;
import io.skylift.spi.SkyliftException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.UUID;

/** Endpoints that are {@link MemoryCloud}s by name; only what export and import use. */
record MemoryEndpoints(Map<String, MemoryCloud> clouds) implements Endpoints {

    @Override
    public void check(NewEndpoint request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Endpoint create(NewEndpoint request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SequencedMap<String, String> validate(NewEndpoint request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SequencedMap<String, String> validate(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Endpoint> list() {
        throw new UnsupportedOperationException();
    }

    @Override
    public EndpointDetails show(String name) {
        cloud(name);
        return new EndpointDetails(new Endpoint(UUID.randomUUID(), name, "memory", "", Instant.EPOCH), Map.of());
    }

    @Override
    public void delete(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Resource> inventory(String name, Set<ResourceType> types) {
        return cloud(name).capability(Inventory.class).orElseThrow().read(types);
    }

    @Override
    public Provider connect(String name) {
        return cloud(name);
    }

    private MemoryCloud cloud(String name) {
        MemoryCloud cloud = clouds.get(name);
        if (cloud == null) {
            throw new SkyliftException(ErrorCode.NOT_FOUND, "endpoint '" + name + "' not found: see skylift endpoint list");
        }
        return cloud;
    }
}
