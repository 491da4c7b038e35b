package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SkyliftTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void version_printsBuiltVersionToStdout() {
        int status = run("--version");

        assertThat(status).isZero();
        assertThat(out).hasToString("skylift " + System.getProperty("skylift.version") + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void version_isNotAPlaceholder() {
        assertThat(SkyliftVersion.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void help_showsDescriptionExampleAndExitCodes() {
        int status = run("--help");

        assertThat(status).isZero();
        assertThat(out.toString())
                .startsWith("Usage: skylift [-hV]")
                .contains("Migrates servers, volumes, images and networks from one cloud to another.")
                .contains("Example:%n  skylift --version".formatted())
                .contains("Exit codes:")
                .contains("  70   A bug in Skylift");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void noArguments_printsUsageToStderrAsUsageError() {
        int status = run();

        assertThat(status).isEqualTo(ExitStatus.USAGE.code());
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("Usage: skylift");
    }

    @Test
    void unknownOption_namesItOnStderrAsUsageError() {
        int status = run("--frobnicate");

        assertThat(status).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("Unknown option: '--frobnicate'");
    }

    private int run(String... args) {
        return Skylift.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
