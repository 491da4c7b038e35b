package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.model.DependencyCycleException;
import io.skylift.model.MissingDependency;
import io.skylift.model.MissingDependencyException;
import io.skylift.model.ResourceRef;
import java.util.Arrays;
import java.util.List;
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
        assertThat(Arrays.stream(ExitStatus.values()).map(ExitStatus::code)).containsExactly(0, 1, 2, 3, 4, 70);
    }

    @Test
    void of_mapsBadCommandLineToUsage() {
        CommandLine commandLine = new CommandLine(new Skylift());

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
    void of_mapsAnythingElseToInternalError() {
        assertThat(ExitStatus.of(new IllegalStateException("bug"))).isEqualTo(ExitStatus.INTERNAL_ERROR);
        assertThat(ExitStatus.of(new StackOverflowError())).isEqualTo(ExitStatus.INTERNAL_ERROR);
    }
}
