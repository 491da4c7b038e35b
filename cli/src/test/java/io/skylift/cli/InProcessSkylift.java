package io.skylift.cli;

import io.skylift.engine.FakeProviderFactory;
import io.skylift.engine.execution.TaskHandler;
import io.skylift.engine.execution.TaskHandlers;
import io.skylift.engine.provider.ProviderRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code skylift} in this JVM on a home directory, with exactly the fake providers (fake and
 * bare), so assertions do not depend on what else is on the class path. Each run starts with empty
 * stdout and stderr.
 */
final class InProcessSkylift {

    private final Map<String, String> environment = new HashMap<>();
    private List<TaskHandler> handlers = List.of();
    private final StopSignal stopSignal = new StopSignal();
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    InProcessSkylift(Path home) {
        environment.put("SKYLIFT_HOME", home.toString());
    }

    /** Sets a variable for every later run. */
    InProcessSkylift with(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    /** Workers and foreground runs of later runs have exactly these task handlers (none by default). */
    InProcessSkylift withHandlers(TaskHandler... taskHandlers) {
        this.handlers = List.of(taskHandlers);
        return this;
    }

    /** What SIGTERM would do to a worker or foreground run of this instance. */
    StopSignal stopSignal() {
        return stopSignal;
    }

    /** Returns the exit code. */
    int run(String... args) {
        StringWriter runOut = new StringWriter();
        StringWriter runErr = new StringWriter();
        out = runOut;
        err = runErr;
        PrintWriter output = new PrintWriter(runOut, true);
        PrintWriter errors = new PrintWriter(runErr, true);
        Session.Parts parts = new Session.Parts(InProcessSkylift::fakeProviders, engine -> TaskHandlers.of(handlers), () -> stopSignal);
        return Skylift.run(args, output, errors, new Session(environment, output, errors, parts));
    }

    private static ProviderRegistry fakeProviders() {
        return ProviderRegistry.of(List.of(FakeProviderFactory.withInventory(), FakeProviderFactory.bare()));
    }

    /** What the last run printed to stdout. */
    String out() {
        return out.toString();
    }

    /** What the last run printed to stderr. */
    String err() {
        return err.toString();
    }
}
