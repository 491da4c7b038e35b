package io.skylift.cli;

import io.skylift.engine.FakeProviderFactory;
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

    /** Returns the exit code. */
    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        PrintWriter output = new PrintWriter(out, true);
        return Skylift.run(args, output, new PrintWriter(err, true), new Session(environment, output, InProcessSkylift::fakeProviders));
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
