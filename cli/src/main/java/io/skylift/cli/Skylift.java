package io.skylift.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code skylift} command. */
@Command(
        name = "skylift",
        mixinStandardHelpOptions = true,
        versionProvider = SkyliftVersion.class,
        description = "Migrates servers, volumes, images and networks from one cloud to another.",
        subcommands = {EndpointCommand.class, ExecutionCommand.class, ExportCommand.class, ImportCommand.class, MigrateCommand.class,
                MigrationCommand.class, PlanCommand.class, ProviderCommand.class, QueryCommand.class, VerifyCommand.class, WorkerCommand.class},
        footerHeading = "%nExample:%n",
        footer = {
                "  skylift --version",
                "  skylift endpoint create src --provider openstack --cloud skylift-src",
                "  skylift endpoint instance list src",
                "  skylift execution list"})
public final class Skylift implements Callable<Integer> {

    private final Session session;

    @Spec
    private CommandSpec spec;

    Skylift(Session session) {
        this.session = session;
    }

    // Inherited, so it is accepted after any subcommand too: skylift endpoint list --home DIR.
    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where Skylift keeps its database and secret key (default: $SKYLIFT_HOME, else ~/.skylift).")
    void home(Path directory) {
        session.homeOption(directory);
    }

    @Option(names = "--db", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "JDBC URL of the database, such as jdbc:postgresql://db/skylift?user=skylift (default: $SKYLIFT_DATABASE_URL, "
                    + "else an H2 file in the home).")
    void database(String url) {
        session.databaseOption(url);
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv()));
    }

    /** Runs the command with output going to {@code out} and diagnostics to {@code err}; returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}, reading variables from {@code environment} only. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return run(args, out, err, new Session(environment, out, err, Session.Parts.installed()));
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)} in {@code session}, which this closes. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Session session) {
        try (session) {
            CommandLine commandLine = new CommandLine(new Skylift(session), new CommandFactory(session)).setOut(out).setErr(err);
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
    }

    /** Without a command there is nothing to do: show what there is, as an error for scripts. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitStatus.USAGE.code();
    }
}
