package io.skylift.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code -f} and {@code -c} options every listing command takes. */
final class OutputOptions {

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-c", "--column"}, paramLabel = "COLUMN",
            description = "Show only this column (or field); repeat for more, in the order wanted.")
    List<String> columns = new ArrayList<>();
}
