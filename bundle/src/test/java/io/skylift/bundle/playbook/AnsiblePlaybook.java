package io.skylift.bundle.playbook;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code ansible-playbook} on a playbook, as the integration tests need it: Debian's,
 * with Debian's Python (a pyenv python3 first on PATH has no openstacksdk). A missing ansible is a
 * failure that says how to install it, never a skip.
 */
final class AnsiblePlaybook {

    static final Path EXECUTABLE = Path.of("/usr/bin/ansible-playbook");

    /** How a run ended and what it printed, on stdout and on stderr. */
    record Result(int exitCode, String output, String errors) {

        /** Both streams, for a failure message. */
        String printed() {
            return output + (errors.isEmpty() ? "" : "\nstderr:\n" + errors);
        }
    }

    private AnsiblePlaybook() {}

    /**
     * Runs {@code ansible-playbook <arguments> playbook.yml} in {@code directory}.
     *
     * @param environment added to the run's environment, such as {@code ANSIBLE_COLLECTIONS_PATH}
     */
    static Result run(Path directory, Map<String, String> environment, long timeoutSeconds, String... arguments) {
        if (!Files.isExecutable(EXECUTABLE)) {
            fail(EXECUTABLE + " is missing: install Debian's ansible (testbed/lib/install.sh lists it; apt-get install -y ansible)");
        }
        List<String> command = new ArrayList<>();
        command.add(EXECUTABLE.toString());
        command.addAll(List.of(arguments));
        command.add("playbook.yml");
        return exec(directory, environment, timeoutSeconds, command);
    }

    /** Runs any command the way {@link #run} runs ansible-playbook, such as the testbed's scripts. */
    static Result exec(Path directory, Map<String, String> environment, long timeoutSeconds, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        builder.environment().put("ANSIBLE_NOCOLOR", "1");
        builder.environment().put("ANSIBLE_LOCALHOST_WARNING", "false");
        builder.environment().put("ANSIBLE_INVENTORY_UNPARSED_WARNING", "false");
        builder.environment().putAll(environment);
        try {
            Path output = Files.createTempFile("skylift-run", ".out");
            Path errors = Files.createTempFile("skylift-run", ".err");
            try {
                Process process = builder.redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
                boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
                if (!finished) {
                    process.destroyForcibly().waitFor();
                }
                Result result = new Result(finished ? process.exitValue() : -1, Files.readString(output, StandardCharsets.UTF_8),
                        Files.readString(errors, StandardCharsets.UTF_8));
                if (!finished) {
                    fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s:\n" + result.printed());
                }
                return result;
            }
            finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        }
        catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }
}
