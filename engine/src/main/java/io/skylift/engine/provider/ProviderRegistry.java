package io.skylift.engine.provider;

import io.skylift.spi.ProviderFactory;
import java.util.List;
import java.util.ServiceLoader;

/** The providers Skylift knows, by name. */
public interface ProviderRegistry {

    /** The providers registered on the class path through {@code META-INF/services}. */
    static ProviderRegistry installed() {
        return of(ServiceLoader.load(ProviderFactory.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    /** Exactly these providers; two with one name are a packaging bug. */
    static ProviderRegistry of(List<? extends ProviderFactory> factories) {
        return new NamedProviders(factories);
    }

    /** Every provider, ordered by name. */
    List<ProviderFactory> all();

    /**
     * The provider called {@code name}.
     *
     * @throws io.skylift.spi.SkyliftException {@link io.skylift.spi.ErrorCode#INVALID_INPUT} naming
     *                                         the providers there are
     */
    ProviderFactory get(String name);
}
