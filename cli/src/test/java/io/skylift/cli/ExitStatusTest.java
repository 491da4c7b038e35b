package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.model.DependencyCycleException;
import io.skylift.model.MissingDependency;
import io.skylift.model.MissingDependencyException;
import io.skylift.model.ResourceRef;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExitStatusTest {

    @Test
    void codes_areDistinct() {
        assertThat(Arrays.stream(ExitStatus.values()).map(ExitStatus::code)).doesNotHaveDuplicates();
    }

    @Test
    void codes_arePinned() {
        // Scripts depend on these numbers: changing one is a breaking change.
        assertThat(Arrays.stream(ExitStatus.values()).map(ExitStatus::code)).containsExactly(0, 1, 2, 3, 4, 5, 70);
    }

    @Test
    void of_mapsBadCommandLineToUsage() {
        CommandLine commandLine = commandLine();

        assertThat(ExitStatus.of(new CommandLine.ParameterException(commandLine, "bad"))).isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void of_mapsInconsistentResourcesToInvalidInput() {
        ResourceRef subnet = ResourceRef.parse("subnet:demo/v4");
        ResourceRef network = ResourceRef.parse("network:demo/gone");

        assertThat(ExitStatus.of(new MissingDependencyException(List.of(new MissingDependency(subnet, "network", network)))))
                .isEqualTo(ExitStatus.INVALID_INPUT);
        assertThat(ExitStatus.of(new DependencyCycleException(List.of(subnet), List.of("self"))))
                .isEqualTo(ExitStatus.INVALID_INPUT);
    }

    @Test
    void of_mapsSkyliftExceptionsByCategory() {
        assertThat(ExitStatus.of(new SkyliftException(ErrorCode.INVALID_INPUT, "bad"))).isEqualTo(ExitStatus.INVALID_INPUT);
        assertThat(ExitStatus.of(new SkyliftException(ErrorCode.AUTHENTICATION_FAILED, "wrong password"))).isEqualTo(ExitStatus.INVALID_INPUT);
        assertThat(ExitStatus.of(new SkyliftException(ErrorCode.NOT_FOUND, "no such endpoint"))).isEqualTo(ExitStatus.INVALID_INPUT);
        assertThat(ExitStatus.of(new SkyliftException(ErrorCode.UNSUPPORTED, "no inventory"))).isEqualTo(ExitStatus.INVALID_INPUT);
        assertThat(ExitStatus.of(new SkyliftException(ErrorCode.UNREACHABLE, "refused"))).isEqualTo(ExitStatus.EXTERNAL_ERROR);
        assertThat(ExitStatus.of(new SkyliftException(ErrorCode.CLOUD_REJECTED, "400"))).isEqualTo(ExitStatus.EXTERNAL_ERROR);
        assertThat(ExitStatus.of(new SkyliftException(ErrorCode.INTERNAL, "bug"))).isEqualTo(ExitStatus.INTERNAL_ERROR);
    }

    @Test
    void of_mapsEveryErrorCode() {
        // A new ErrorCode must land in a category, and so in an exit code, without touching this class.
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(ExitStatus.of(new SkyliftException(code, "x"))).isIn(ExitStatus.INVALID_INPUT, ExitStatus.EXTERNAL_ERROR, ExitStatus.INTERNAL_ERROR);
        }
    }

    private static CommandLine commandLine() {
        Session session = new Session(Map.of(), new PrintWriter(new StringWriter()));
        return new CommandLine(new Skylift(session), new CommandFactory(session));
    }

    @Test
    void of_mapsAnythingElseToInternalError() {
        assertThat(ExitStatus.of(new IllegalStateException("bug"))).isEqualTo(ExitStatus.INTERNAL_ERROR);
        assertThat(ExitStatus.of(new StackOverflowError())).isEqualTo(ExitStatus.INTERNAL_ERROR);
    }
}
