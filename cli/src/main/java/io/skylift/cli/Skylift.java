package io.skylift.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code skylift} command. */
@Command(
        name = "skylift",
        mixinStandardHelpOptions = true,
        versionProvider = SkyliftVersion.class,
        description = "Migrates servers, volumes, images and networks from one cloud to another.",
        footerHeading = "%nExample:%n",
        footer = "  skylift --version")
public final class Skylift implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command with output going to {@code out} and diagnostics to {@code err}; returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Skylift()).setOut(out).setErr(err);
        ExitStatus.applyTo(commandLine);
        commandLine.setExecutionExceptionHandler((failure, failed, parseResult) -> {
            ExitStatus status = ExitStatus.of(failure);
            if (status == ExitStatus.INTERNAL_ERROR) {
                failed.getErr().println("skylift: internal error: " + failure);
                LoggerFactory.getLogger(Skylift.class).error("internal error", failure);
            }
            else {
                failed.getErr().println("skylift: " + failure.getMessage());
            }
            return status.code();
        });
        return commandLine.execute(args);
    }

    /** Without a command there is nothing to do: show what there is, as an error for scripts. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitStatus.USAGE.code();
    }
}
