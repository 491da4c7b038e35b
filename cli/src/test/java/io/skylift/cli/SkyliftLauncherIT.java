package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs bin/skylift as a user would, against the jar and lib/ that this build packaged. */
class SkyliftLauncherIT {

    @Test
    void version_printsBuiltVersionAndSucceeds() throws Exception {
        SkyliftProcess.Result result = run("--version");

        assertThat(result.exitCode()).as("exit code, stderr: %s", result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("skylift " + System.getProperty("skylift.version") + "\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void help_printsUsageAndSucceeds() throws Exception {
        SkyliftProcess.Result result = run("--help");

        assertThat(result.exitCode()).as("exit code, stderr: %s", result.stderr()).isZero();
        assertThat(result.stdout()).startsWith("Usage: skylift").contains("Example:");
    }

    @Test
    void unknownOption_failsWithUsageStatus() throws Exception {
        SkyliftProcess.Result result = run("--frobnicate");

        assertThat(result.exitCode()).isEqualTo(ExitStatus.USAGE.code());
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void worker_onSigterm_stopsCleanlyAfterSayingSo(@TempDir Path home) throws Exception {
        Path out = home.resolve("worker.out");
        ProcessBuilder builder = new ProcessBuilder(SkyliftProcess.launcher().toString(), "--home", home.toString(), "worker", "--worker-id", "w1")
                .redirectOutput(out.toFile()).redirectError(home.resolve("worker.err").toFile());
        Process worker = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(out).contains("worker w1 started")) {
            assertThat(worker.isAlive()).as("worker exited early: %s", Files.readString(home.resolve("worker.err"))).isTrue();
            assertThat(System.nanoTime()).as("worker did not start").isLessThan(deadline);
            Thread.sleep(50);
        }

        worker.destroy();

        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // 128 + SIGTERM: the JVM exits with the signal's status once the drain is done.
        assertThat(worker.exitValue()).isEqualTo(143);
        assertThat(Files.readString(out)).endsWith("worker w1 stopping: running tasks finish first\nworker w1 stopped\n");
    }

    private static SkyliftProcess.Result run(String... args) throws Exception {
        return new SkyliftProcess().run(args);
    }
}
