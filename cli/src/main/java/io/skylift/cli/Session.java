package io.skylift.cli;

import static java.util.Objects.requireNonNull;

import io.skylift.engine.Engine;
import io.skylift.engine.Home;
import io.skylift.engine.execution.TaskHandlers;
import io.skylift.engine.provider.ProviderRegistry;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the commands of one {@code skylift} run share: the environment, the output, the providers
 * and, opened only by the commands that need it, the engine.
 */
final class Session implements AutoCloseable {

    /** How a session's parts are made; tests replace them with fakes. */
    record Parts(Supplier<ProviderRegistry> providers, Function<Engine, TaskHandlers> handlers, Supplier<StopSignal> stopSignal) {

        Parts {
            requireNonNull(providers, "providers is null");
            requireNonNull(handlers, "handlers is null");
            requireNonNull(stopSignal, "stopSignal is null");
        }

        /** The installed providers and handlers; stopped by SIGTERM or Ctrl-C. */
        static Parts installed() {
            return new Parts(ProviderRegistry::installed, Engine::installedHandlers, StopSignal::onShutdown);
        }

        Parts withProviders(Supplier<ProviderRegistry> registry) {
            return new Parts(registry, handlers, stopSignal);
        }
    }

    private final Map<String, String> environment;
    private final OutputFormatter output;
    private final PrintWriter err;
    private final Parts parts;
    private Path homeOption;
    private String databaseOption;
    private ProviderRegistry providers;
    private Engine engine;
    private StopSignal stopSignal;

    /** A session whose providers are the installed ones, found on first use. */
    Session(Map<String, String> environment, PrintWriter out) {
        this(environment, out, ProviderRegistry::installed);
    }

    Session(Map<String, String> environment, PrintWriter out, Supplier<ProviderRegistry> providers) {
        this(environment, out, new PrintWriter(System.err, true), Parts.installed().withProviders(providers));
    }

    Session(Map<String, String> environment, PrintWriter out, PrintWriter err, Parts parts) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.output = new OutputFormatter(out);
        this.err = requireNonNull(err, "err is null");
        this.parts = requireNonNull(parts, "parts is null");
    }

    /** Set from {@code --home} while the command line is parsed, before any command runs. */
    void homeOption(Path directory) {
        this.homeOption = requireNonNull(directory, "directory is null");
    }

    /** Set from {@code --db} while the command line is parsed. */
    void databaseOption(String url) {
        this.databaseOption = requireNonNull(url, "url is null");
    }

    Map<String, String> environment() {
        return environment;
    }

    OutputFormatter output() {
        return output;
    }

    /** Where running commentary goes (a foreground run's task lines), keeping stdout for the result. */
    PrintWriter err() {
        return err;
    }

    /** The installed providers; listing them needs no database. */
    ProviderRegistry providers() {
        if (providers == null) {
            providers = parts.providers().get();
        }
        return providers;
    }

    /** The engine on the chosen home and database, opened on first use. */
    Engine engine() {
        if (engine == null) {
            Home home = Home.resolve(Optional.ofNullable(homeOption), environment);
            if (databaseOption != null) {
                home = new Home(home.directory(), databaseOption);
            }
            try {
                engine = Engine.open(home, providers(), Clock.systemUTC());
            }
            catch (SkyliftException e) {
                if (e.code() != ErrorCode.UNREACHABLE) {
                    throw e;
                }
                throw new SkyliftException(e.code(), e.getMessage() + "; " + databaseSource(), e);
            }
        }
        return engine;
    }

    /** The handlers a worker runs tasks with. */
    TaskHandlers handlers() {
        return parts.handlers().apply(engine());
    }

    /** Asked to stop by a signal; made on first use, so only long-running commands listen for one. */
    StopSignal stopSignal() {
        if (stopSignal == null) {
            stopSignal = parts.stopSignal().get();
        }
        return stopSignal;
    }

    private String databaseSource() {
        if (databaseOption != null) {
            return "check the URL given with --db";
        }
        if (environment.containsKey(Home.DATABASE_URL_VARIABLE)) {
            return "check " + Home.DATABASE_URL_VARIABLE + " or give another URL with --db";
        }
        return "check the home directory, or give a database URL with --db";
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
