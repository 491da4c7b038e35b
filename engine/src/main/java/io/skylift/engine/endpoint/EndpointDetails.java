package io.skylift.engine.endpoint;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An endpoint with its connection info, secrets masked: the most that leaves the engine.
 *
 * @param endpoint   the stored endpoint
 * @param connection the connection values in key order, each secret replaced by a mask
 */
public record EndpointDetails(Endpoint endpoint, Map<String, Object> connection) {

    public EndpointDetails {
        requireNonNull(endpoint, "endpoint is null");
        // Copied into a linked map because key order is part of what is shown.
        connection = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(connection, "connection is null")));
    }
}
