package io.skylift.engine.provider;

import static java.util.Objects.requireNonNull;

import io.skylift.spi.ErrorCode;
import io.skylift.spi.ProviderFactory;
import io.skylift.spi.SkyliftException;
import java.util.Collections;
import java.util.List;
import java.util.SequencedMap;
import java.util.TreeMap;

final class NamedProviders implements ProviderRegistry {

    private final SequencedMap<String, ProviderFactory> byName;

    NamedProviders(List<? extends ProviderFactory> factories) {
        requireNonNull(factories, "factories is null");
        TreeMap<String, ProviderFactory> sorted = new TreeMap<>();
        for (ProviderFactory factory : factories) {
            ProviderFactory previous = sorted.put(factory.name(), factory);
            if (previous != null) {
                throw new IllegalStateException("two providers are named '" + factory.name() + "': "
                        + previous.getClass().getName() + " and " + factory.getClass().getName() + "; remove one jar from the class path");
            }
        }
        this.byName = Collections.unmodifiableSequencedMap(sorted);
    }

    @Override
    public List<ProviderFactory> all() {
        return List.copyOf(byName.values());
    }

    @Override
    public ProviderFactory get(String name) {
        requireNonNull(name, "name is null");
        ProviderFactory factory = byName.get(name);
        if (factory == null) {
            String known = byName.isEmpty() ? "no providers are installed" : "known providers: " + String.join(", ", byName.keySet());
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "unknown provider '" + name + "': " + known);
        }
        return factory;
    }
}
