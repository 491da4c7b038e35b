package io.skylift.cli;

import io.skylift.engine.provider.ProviderRegistry;
import java.util.List;

/** Exactly the test providers, so assertions do not depend on what else is on the class path. */
final class FakeProviders {

    private FakeProviders() {}

    static ProviderRegistry registry() {
        return ProviderRegistry.of(List.of(new FakeProviderFactory(), new BareProviderFactory()));
    }
}
