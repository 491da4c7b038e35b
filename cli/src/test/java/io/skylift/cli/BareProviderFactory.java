package io.skylift.cli;

import io.skylift.spi.Capability;
import java.util.List;

/** The fake cloud without any capability, to see commands refuse what a provider cannot do. */
public final class BareProviderFactory extends FakeProviderFactory {

    @Override
    public String name() {
        return "bare";
    }

    @Override
    public String description() {
        return "A test cloud that can do nothing.";
    }

    @Override
    public List<Class<? extends Capability>> capabilities() {
        return List.of();
    }
}
