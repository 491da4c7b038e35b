package io.skylift.cli;

import io.skylift.model.DependencyCycleException;
import io.skylift.model.InvalidResourceFileException;
import io.skylift.model.MissingDependencyException;
import io.skylift.spi.SkyliftException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Every exit code {@code skylift} returns, and which outcome gives which. This is the only place
 * that maps outcomes to codes, so scripts can rely on them and {@code --help} lists them.
 */
public enum ExitStatus {
    OK(0, "Success."),
    /** Never returned by Java code: bin/skylift and the JVM itself exit with 1 when they cannot start. */
    NOT_STARTED(1, "Skylift could not start: no Java 25 or newer, or not built yet."),
    USAGE(2, "Bad command line: unknown option, missing or malformed argument."),
    INVALID_INPUT(3, "Input is wrong, refused or unsupported: a value, a name, a file, credentials, a plan."),
    EXTERNAL_ERROR(4, "A cloud or another outside system failed; retrying may help."),
    DIFFERENCES(5, "skylift verify found the destination different from what the migration read at the origin."),
    INTERNAL_ERROR(70, "A bug in Skylift; the stack trace is on stderr.");

    private final int code;
    private final String meaning;

    ExitStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The status for a command that failed with {@code failure}. */
    public static ExitStatus of(Throwable failure) {
        return switch (failure) {
            case CommandLine.ParameterException _ -> USAGE;
            case MissingDependencyException _, DependencyCycleException _, InvalidResourceFileException _ -> INVALID_INPUT;
            case SkyliftException skylift -> switch (skylift.code().category()) {
                // Wrong credentials, a missing endpoint or an unsupported step are fixed by the operator.
                case USER -> INVALID_INPUT;
                case EXTERNAL -> EXTERNAL_ERROR;
                case INTERNAL -> INTERNAL_ERROR;
            };
            default -> INTERNAL_ERROR;
        };
    }

    /** Makes {@code commandLine} return these codes and list them in its help. */
    static void applyTo(CommandLine commandLine) {
        CommandLine.Model.CommandSpec spec = commandLine.getCommandSpec();
        spec.exitCodeOnSuccess(OK.code)
                .exitCodeOnUsageHelp(OK.code)
                .exitCodeOnVersionHelp(OK.code)
                .exitCodeOnInvalidInput(USAGE.code)
                .exitCodeOnExecutionException(INTERNAL_ERROR.code);
        Map<String, String> list = new LinkedHashMap<>();
        Arrays.stream(values()).forEach(status -> list.put(String.valueOf(status.code), status.meaning));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(list);
        commandLine.setExitCodeExceptionMapper(failure -> of(failure).code);
    }
}
