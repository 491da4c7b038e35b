package io.skylift.engine.endpoint;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored endpoint, without its connection info: what listings show.
 *
 * @param id          stable across renames and unique across databases
 * @param name        unique; how the operator refers to it
 * @param provider    the {@link io.skylift.spi.ProviderFactory#name() provider name}
 * @param description free text, empty when none was given
 * @param createdAt   when it was stored
 */
public record Endpoint(UUID id, String name, String provider, String description, Instant createdAt) {

    public Endpoint {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(description, "description is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
