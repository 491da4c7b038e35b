package io.skylift.spi;

import java.util.List;
import java.util.Map;

/**
 * One kind of cloud. Implementations are found with {@link java.util.ServiceLoader}, so a
 * provider module registers itself in {@code META-INF/services/io.skylift.spi.ProviderFactory}.
 */
public interface ProviderFactory {

    /** The provider's name on the command line and in stored endpoints: {@code openstack}. */
    String name();

    /** One line for {@code skylift provider list}. */
    String description();

    /** The capabilities every provider of this kind offers. */
    List<Class<? extends Capability>> capabilities();

    /**
     * A JSON Schema (draft 2020-12) for one kind of document. Secret properties of the
     * connection schema are marked {@code "writeOnly": true}.
     */
    String schema(SchemaType type);

    /**
     * Connection values for a cloud named in the provider's own configuration (for OpenStack,
     * an entry of {@code clouds.yaml}).
     *
     * @throws SkyliftException {@link ErrorCode#NOT_FOUND} naming the cloud and where it looked
     */
    Map<String, Object> connectionFromNamedCloud(String cloud);

    /** Connection values from environment variables (for OpenStack, {@code OS_*}). */
    Map<String, Object> connectionFromEnvironment(Map<String, String> environment);

    /** Opens a provider; nothing is sent to the cloud before the first call on it. */
    Provider connect(ConnectionInfo connection);
}
