package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs bin/skylift as a user would, against the jar and lib/ that this build packaged. */
final class SkyliftProcess {

    private static final Path LAUNCHER = Path.of(System.getProperty("skylift.home", "..")).resolve("bin/skylift");

    private final Map<String, String> environment = new HashMap<>();
    private Duration timeout = Duration.ofSeconds(300);

    /** bin/skylift of this build, for tests that manage the process themselves. */
    static Path launcher() {
        return LAUNCHER;
    }

    /** Sets a variable for every run, on top of this JVM's environment. */
    SkyliftProcess with(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    /** The variables set for every run, for tests that start bin/skylift themselves. */
    Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    /** How long a run may take before it is killed and the test fails. */
    SkyliftProcess within(Duration limit) {
        this.timeout = limit;
        return this;
    }

    Result run(String... args) throws IOException, InterruptedException {
        assertThat(LAUNCHER).isExecutable();
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("skylift-out", ".txt");
        Path stderr = Files.createTempFile("skylift-err", ".txt");
        try {
            // Launched from elsewhere to prove the script finds its jars relative to itself.
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("bin/skylift " + String.join(" ", args) + " did not finish in " + timeout.toSeconds() + " s;"
                        + "\n--- the end of its stdout:\n" + tail(stdout) + "\n--- the end of its stderr:\n" + tail(stderr));
            }
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        }
        finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** The last lines of what a killed run printed, to tell where it was stuck. */
    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    record Result(int exitCode, String stdout, String stderr) {}
}
