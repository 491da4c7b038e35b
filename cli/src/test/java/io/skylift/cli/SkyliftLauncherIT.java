package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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

    private static SkyliftProcess.Result run(String... args) throws Exception {
        return new SkyliftProcess().run(args);
    }
}
