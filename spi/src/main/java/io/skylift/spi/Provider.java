package io.skylift.spi;

import java.util.Optional;
import java.util.SequencedMap;

/** A connection to one cloud account, made by a {@link ProviderFactory}. */
public interface Provider extends AutoCloseable {

    /**
     * Authenticates and checks that the services Skylift needs answer.
     *
     * @return what was found, for the operator: user, project, region, services
     * @throws SkyliftException naming what failed and the fix
     */
    SequencedMap<String, String> validate();

    /** The capability of the given type, if this provider has it. */
    <T extends Capability> Optional<T> capability(Class<T> type);

    @Override
    void close();
}
