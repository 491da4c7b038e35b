package io.skylift.cli;

import static java.util.Objects.requireNonNull;

import io.skylift.engine.Engine;
import io.skylift.engine.Home;
import io.skylift.engine.provider.ProviderRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the commands of one {@code skylift} run share: the environment, the output, the providers
 * and, opened only by the commands that need it, the engine.
 */
final class Session implements AutoCloseable {

    private final Map<String, String> environment;
    private final OutputFormatter output;
    private Path homeOption;
    private final Supplier<ProviderRegistry> installed;
    private ProviderRegistry providers;
    private Engine engine;

    /** A session whose providers are the installed ones, found on first use. */
    Session(Map<String, String> environment, PrintWriter out) {
        this(environment, out, ProviderRegistry::installed);
    }

    Session(Map<String, String> environment, PrintWriter out, Supplier<ProviderRegistry> providers) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.output = new OutputFormatter(out);
        this.installed = requireNonNull(providers, "providers is null");
    }

    /** Set from {@code --home} while the command line is parsed, before any command runs. */
    void homeOption(Path directory) {
        this.homeOption = requireNonNull(directory, "directory is null");
    }

    Map<String, String> environment() {
        return environment;
    }

    OutputFormatter output() {
        return output;
    }

    /** The installed providers; listing them needs no database. */
    ProviderRegistry providers() {
        if (providers == null) {
            providers = installed.get();
        }
        return providers;
    }

    /** The engine on the chosen home, opened on first use. */
    Engine engine() {
        if (engine == null) {
            engine = Engine.open(Home.resolve(Optional.ofNullable(homeOption), environment), providers(), Clock.systemUTC());
        }
        return engine;
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
