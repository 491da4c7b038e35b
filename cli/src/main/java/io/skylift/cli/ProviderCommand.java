package io.skylift.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.ProviderFactory;
import io.skylift.spi.SchemaType;
import io.skylift.spi.SkyliftException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skylift provider ...}: the kinds of cloud this installation can talk to. */
@Command(
        name = "provider",
        description = "The kinds of cloud Skylift can migrate from and to.",
        mixinStandardHelpOptions = true,
        subcommands = {ProviderCommand.ListProviders.class, ProviderCommand.Schema.class})
final class ProviderCommand {

    private ProviderCommand() {}

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the installed providers and what each can do.")
    static final class ListProviders implements Callable<Integer> {

        private static final List<String> COLUMNS = List.of("name", "description", "capabilities");

        private final Session session;

        @Mixin
        OutputOptions output;

        ListProviders(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            List<Map<String, Object>> rows = session.providers().all().stream().map(ListProviders::row).toList();
            session.output().list(COLUMNS, rows, output);
            return ExitStatus.OK.code();
        }

        private static Map<String, Object> row(ProviderFactory provider) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", provider.name());
            row.put("description", provider.description());
            // DiskSource -> disk_source: the spelling used everywhere else on the command line.
            row.put("capabilities", provider.capabilities().stream()
                    .map(type -> type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT))
                    .toList());
            return row;
        }
    }

    @Command(name = "schema", mixinStandardHelpOptions = true, description = "The JSON schemas a provider publishes.",
            subcommands = SchemaList.class)
    static final class Schema {}

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print the JSON schema of one kind of document a provider takes.",
            footerHeading = "%nExample:%n",
            footer = "  skylift provider schema list openstack connection")
    static final class SchemaList implements Callable<Integer> {

        private static final ObjectMapper JSON = new ObjectMapper();

        private final Session session;

        @Parameters(index = "0", paramLabel = "PROVIDER")
        String provider;

        @Parameters(index = "1", paramLabel = "TYPE", description = "connection, source or destination.")
        String type;

        @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "json",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        OutputFormatter.DocumentFormat format;

        SchemaList(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            ProviderFactory factory = session.providers().get(provider);
            String text = factory.schema(SchemaType.fromId(type));
            JsonNode schema;
            try {
                schema = JSON.readTree(text);
            }
            catch (JsonProcessingException e) {
                throw new SkyliftException(ErrorCode.INTERNAL, "provider '" + provider + "' publishes a " + type
                        + " schema that is not JSON: " + e.getOriginalMessage(), e);
            }
            session.output().document(schema, format);
            return ExitStatus.OK.code();
        }
    }
}
