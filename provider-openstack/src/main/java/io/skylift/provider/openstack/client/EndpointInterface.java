package io.skylift.provider.openstack.client;

import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.util.Locale;

/** Which of a service's catalog endpoints to call. */
public enum EndpointInterface {
    PUBLIC,
    INTERNAL,
    ADMIN;

    /** The catalog's spelling: {@code public}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code public}, {@code internal} or {@code admin}, and the {@code publicURL} forms clouds.yaml files still carry. */
    public static EndpointInterface fromId(String id) {
        String normalized = id.toLowerCase(Locale.ROOT).replace("url", "");
        for (EndpointInterface value : values()) {
            if (value.id().equals(normalized)) {
                return value;
            }
        }
        throw new SkyliftException(ErrorCode.INVALID_INPUT, "unknown interface '" + id + "': expected public, internal or admin");
    }
}
