package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Debian's openstack CLI, for the integration tests' set-up and checks on the testbed. */
final class OpenStackCli {

    private OpenStackCli() {}

    /** {@code openstack --os-cloud CLOUD ARGS} with the testbed's clouds.yaml: what it printed; the test fails when it does. */
    static String asCloud(String cloud, String... args) throws IOException, InterruptedException {
        Result result = run(Map.of("OS_CLIENT_CONFIG_FILE", OpenStackCommandsIT.CLOUDS.toString()),
                Stream.concat(Stream.of("--os-cloud", cloud), Stream.of(args)).toList());
        assertThat(result.exitCode()).as("openstack --os-cloud %s %s: %s", cloud, String.join(" ", args), result.output()).isZero();
        return result.output();
    }

    /** {@code openstack ARGS} with these {@code OS_} variables and no other (a password stays out of the command line). */
    static Result withVariables(Map<String, String> variables, String... args) throws IOException, InterruptedException {
        return run(variables, List.of(args));
    }

    record Result(int exitCode, String output) {}

    private static Result run(Map<String, String> variables, List<String> args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("/usr/bin/openstack"), args.stream()).toList()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("OS_"));
        builder.environment().putAll(variables);
        builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("openstack %s did not end in 2 minutes", args).isTrue();
        return new Result(process.exitValue(), output);
    }
}
