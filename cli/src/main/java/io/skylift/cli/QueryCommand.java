package io.skylift.cli;

import io.skylift.model.Glob;
import io.skylift.model.Resource;
import io.skylift.model.ResourceFile;
import io.skylift.model.ResourceQuery;
import io.skylift.model.ResourceQuery.Attribute;
import io.skylift.model.ResourceQuery.Filter;
import io.skylift.model.ResourceType;
import io.skylift.model.Selection;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Downpour's {@code query}: finds resources by wildcard patterns through an endpoint and adds
 * them to a resource file, creating it or extending it; entries already in the file are kept.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {
                "Find resources by name patterns and add them to a resource file (created or extended).",
                "Patterns take * and ?; several patterns for one option are alternatives, different options must all match."},
        footerHeading = "%nExample:%n",
        footer = "  skylift query --endpoint src --server-name '*web*' --save-state resources.yaml")
final class QueryCommand implements Callable<Integer> {

    private static final List<String> COLUMNS = List.of("type", "owner", "name", "result");

    private final Session session;

    @Option(names = "--endpoint", paramLabel = "ENDPOINT",
            description = "The stored endpoint to look through (default: $SKYLIFT_ENDPOINT).")
    String endpoint;

    @Option(names = "--server-name", paramLabel = "PATTERN", description = "Servers whose name matches.")
    List<String> serverNames = new ArrayList<>();

    @Option(names = "--server-flavor", paramLabel = "PATTERN", description = "Servers whose flavor's name matches.")
    List<String> serverFlavors = new ArrayList<>();

    @Option(names = "--image-name", paramLabel = "PATTERN", description = "Images whose name matches.")
    List<String> imageNames = new ArrayList<>();

    @Option(names = "--volume-name", paramLabel = "PATTERN", description = "Volumes whose name matches.")
    List<String> volumeNames = new ArrayList<>();

    @Option(names = "--keypair-name", paramLabel = "PATTERN", description = "Keypairs whose name matches.")
    List<String> keypairNames = new ArrayList<>();

    @Option(names = "--network-name", paramLabel = "PATTERN", description = "Networks whose name matches.")
    List<String> networkNames = new ArrayList<>();

    @Option(names = "--security-group-name", paramLabel = "PATTERN", description = "Security groups whose name matches.")
    List<String> securityGroupNames = new ArrayList<>();

    @Option(names = "--save-state",
            description = "Mark what is found to have its data copied (server disks, volumes, images), as 'save_state: true'.")
    boolean saveState;

    @Parameters(index = "0", paramLabel = "RESOURCE_FILE", description = "The YAML resource file to create or extend.")
    Path file;

    @Mixin
    OutputOptions output;

    QueryCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ResourceQuery query = query();
        String endpoint = this.endpoint != null ? this.endpoint : session.environment().get("SKYLIFT_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "no endpoint: give --endpoint NAME or set SKYLIFT_ENDPOINT (see: skylift endpoint list)");
        }
        // Read the file before asking the cloud: a malformed file fails fast and is left as it is.
        ResourceFile existing = ResourceFile.readOrEmpty(file);
        Set<ResourceType> types = query.filters().stream().map(Filter::type).collect(Collectors.toSet());
        List<Resource> inventory = session.engine().endpoints().inventory(endpoint, types);
        List<Selection> found = query.select(inventory);
        if (found.isEmpty()) {
            throw new SkyliftException(ErrorCode.NOT_FOUND, "nothing through endpoint '" + endpoint + "' matches " + describe(query)
                    + "; " + file + " is unchanged (see: skylift endpoint instance list " + endpoint + ")");
        }
        ResourceFile extended = existing.extendedWith(found);
        extended.write(file);
        session.output().list(COLUMNS, found.stream().map(selection -> row(selection, existing)).toList(), output);
        return ExitStatus.OK.code();
    }

    private ResourceQuery query() {
        List<Filter> filters = new ArrayList<>();
        add(filters, ResourceType.SERVER, Attribute.NAME, serverNames);
        add(filters, ResourceType.SERVER, Attribute.FLAVOR, serverFlavors);
        add(filters, ResourceType.IMAGE, Attribute.NAME, imageNames);
        add(filters, ResourceType.VOLUME, Attribute.NAME, volumeNames);
        add(filters, ResourceType.KEYPAIR, Attribute.NAME, keypairNames);
        add(filters, ResourceType.NETWORK, Attribute.NAME, networkNames);
        add(filters, ResourceType.SECURITY_GROUP, Attribute.NAME, securityGroupNames);
        if (filters.isEmpty()) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "nothing to look for: give at least one of --server-name, --server-flavor, "
                    + "--image-name, --volume-name, --keypair-name, --network-name, --security-group-name ('*' matches every name)");
        }
        return new ResourceQuery(filters, saveState ? Map.of("save_state", true) : Map.of());
    }

    private static void add(List<Filter> filters, ResourceType type, Attribute attribute, List<String> patterns) {
        for (String pattern : patterns) {
            try {
                filters.add(new Filter(type, attribute, new Glob(pattern)));
            }
            catch (IllegalArgumentException e) {
                throw new SkyliftException(ErrorCode.INVALID_INPUT, "--" + type.id().replace('_', '-') + "-" + attribute.name().toLowerCase(Locale.ROOT)
                        + ": " + e.getMessage(), e);
            }
        }
    }

    private static String describe(ResourceQuery query) {
        return query.filters().stream()
                .map(filter -> filter.type() + " " + filter.attribute().name().toLowerCase(Locale.ROOT) + " '" + filter.pattern() + "'")
                .collect(Collectors.joining(", "));
    }

    private static Map<String, Object> row(Selection selection, ResourceFile existing) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("type", selection.type().id());
        row.put("owner", selection.owner() == null ? "" : selection.owner());
        row.put("name", selection.name());
        row.put("result", existing.selections().stream().anyMatch(selection::sameResource) ? "already in file" : "added");
        return row;
    }
}
