package io.skylift.engine.endpoint;

import static java.util.Objects.requireNonNull;

import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an operator asks to store as an endpoint. The name is checked here; the connection values
 * are checked against the provider's schema when the request is used.
 *
 * @param name        letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter or digit
 * @param provider    the provider name, such as {@code openstack}
 * @param description free text, may be empty
 * @param connection  connection values as the provider's connection schema describes them
 */
public record NewEndpoint(String name, String provider, String description, Map<String, Object> connection) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public NewEndpoint {
        requireNonNull(name, "name is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(description, "description is null");
        requireNonNull(connection, "connection is null");
        if (!NAME.matcher(name).matches()) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "endpoint name '" + name
                    + "' is not allowed: use up to 64 letters, digits, '.', '_' and '-', starting with a letter or digit, such as src-cloud");
        }
        connection.forEach((key, value) -> {
            if (value == null) {
                throw new SkyliftException(ErrorCode.INVALID_INPUT,
                        "connection info for endpoint " + name + ": property '" + key + "' is null: leave it out instead");
            }
        });
        // Key order is kept so the operator sees values in the order given.
        connection = Collections.unmodifiableMap(new LinkedHashMap<>(connection));
    }

    @Override
    public String toString() {
        // Connection values hold secrets and the schema that says which has not been read yet.
        return "NewEndpoint[name=" + name + ", provider=" + provider + ", connection keys=" + connection.keySet() + "]";
    }
}
