package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs bin/skylift as a user would, against the jar and lib/ that this build packaged. */
class SkyliftLauncherIT {

    private static final Path LAUNCHER = Path.of(System.getProperty("skylift.home", "..")).resolve("bin/skylift");

    @Test
    void version_printsBuiltVersionAndSucceeds() throws Exception {
        Result result = run("--version");

        assertThat(result.exitCode()).as("exit code, stderr: %s", result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("skylift " + System.getProperty("skylift.version") + "\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void help_printsUsageAndSucceeds() throws Exception {
        Result result = run("--help");

        assertThat(result.exitCode()).as("exit code, stderr: %s", result.stderr()).isZero();
        assertThat(result.stdout()).startsWith("Usage: skylift").contains("Example:");
    }

    @Test
    void unknownOption_failsWithUsageStatus() throws Exception {
        Result result = run("--frobnicate");

        assertThat(result.exitCode()).isEqualTo(ExitStatus.USAGE.code());
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("Unknown option: '--frobnicate'");
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        assertThat(LAUNCHER).isExecutable();
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("skylift-out", ".txt");
        Path stderr = Files.createTempFile("skylift-err", ".txt");
        try {
            // Launched from elsewhere to prove the script finds its jars relative to itself.
            Process process = new ProcessBuilder(command)
                    .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("bin/skylift " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        }
        finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {}
}
