package io.skylift.cli;

import io.skylift.engine.endpoint.Endpoint;
import io.skylift.engine.endpoint.EndpointDetails;
import io.skylift.engine.endpoint.Endpoints;
import io.skylift.engine.endpoint.NewEndpoint;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.spi.SkyliftException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skylift endpoint ...}: stored connections to cloud accounts. */
@Command(
        name = "endpoint",
        description = "Store, list and check connections to cloud accounts.",
        mixinStandardHelpOptions = true,
        subcommands = {
                EndpointCommand.Create.class,
                EndpointCommand.ListEndpoints.class,
                EndpointCommand.Show.class,
                EndpointCommand.Delete.class,
                EndpointCommand.Validate.class,
                EndpointCommand.Instance.class})
final class EndpointCommand {

    private static final List<String> LIST_COLUMNS = List.of("id", "name", "provider", "description");

    private EndpointCommand() {}

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Store an endpoint. Its credentials are checked against the cloud first unless --skip-validation is given.",
            footerHeading = "%nExamples:%n",
            footer = {
                    "  skylift endpoint create src --provider openstack --cloud skylift-src",
                    "  skylift endpoint create dst --provider openstack --from-env --description 'the new region'",
                    "  skylift endpoint create lab --provider openstack --connection-file lab.json --skip-validation"})
    static final class Create implements Callable<Integer> {

        private final Session session;

        @Parameters(index = "0", paramLabel = "NAME", description = "A new, unique name: letters, digits, '.', '_', '-'.")
        String name;

        @Option(names = "--provider", required = true, paramLabel = "PROVIDER", description = "The kind of cloud; see: skylift provider list.")
        String provider;

        @ArgGroup(exclusive = true, multiplicity = "1")
        ConnectionSource connection;

        @Option(names = "--description", paramLabel = "TEXT", defaultValue = "", description = "Free text shown in listings.")
        String description;

        @Option(names = "--skip-validation", description = "Store without contacting the cloud (for a cloud not reachable yet).")
        boolean skipValidation;

        @Mixin
        OutputOptions output;

        Create(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            Map<String, Object> values = connection.values(session.providers().get(provider), session.environment());
            NewEndpoint request = new NewEndpoint(name, provider, description, values);
            Endpoints endpoints = session.engine().endpoints();
            // Mistakes in the request are reported as they are; only the cloud's answer gets the hint below.
            endpoints.check(request);
            if (!skipValidation) {
                try {
                    endpoints.validate(request);
                }
                catch (SkyliftException e) {
                    throw new SkyliftException(e.code(), "endpoint '" + name + "' not created: " + e.getMessage()
                            + " (to store it without checking, add --skip-validation)", e);
                }
            }
            endpoints.create(request);
            session.output().show(fields(endpoints.show(name)), output);
            return ExitStatus.OK.code();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the stored endpoints.")
    static final class ListEndpoints implements Callable<Integer> {

        private final Session session;

        @Mixin
        OutputOptions output;

        ListEndpoints(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            List<Map<String, Object>> rows = session.engine().endpoints().list().stream().map(EndpointCommand::row).toList();
            session.output().list(LIST_COLUMNS, rows, output);
            return ExitStatus.OK.code();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one endpoint; secrets are masked.")
    static final class Show implements Callable<Integer> {

        private final Session session;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Mixin
        OutputOptions output;

        Show(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            session.output().show(fields(session.engine().endpoints().show(name)), output);
            return ExitStatus.OK.code();
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a stored endpoint; the cloud is not touched.")
    static final class Delete implements Callable<Integer> {

        private final Session session;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        Delete(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            session.engine().endpoints().delete(name);
            return ExitStatus.OK.code();
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Connect to the endpoint's cloud and check its credentials and services.")
    static final class Validate implements Callable<Integer> {

        private final Session session;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Mixin
        OutputOptions output;

        Validate(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            SequencedMap<String, Object> fields = new LinkedHashMap<>();
            fields.put("endpoint", name);
            fields.put("valid", true);
            fields.putAll(session.engine().endpoints().validate(name));
            session.output().show(fields, output);
            return ExitStatus.OK.code();
        }
    }

    @Command(name = "instance", mixinStandardHelpOptions = true, description = "Servers seen through an endpoint.",
            subcommands = InstanceList.class)
    static final class Instance {}

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the servers the endpoint's account can see.")
    static final class InstanceList implements Callable<Integer> {

        private static final List<String> COLUMNS = List.of("name", "id", "status", "flavor");

        private final Session session;

        @Parameters(index = "0", paramLabel = "ENDPOINT")
        String endpoint;

        @Mixin
        OutputOptions output;

        InstanceList(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            List<Resource> servers = session.engine().endpoints().inventory(endpoint, Set.of(ResourceType.SERVER));
            List<Map<String, Object>> rows = servers.stream()
                    .filter(resource -> resource.ref().type() == ResourceType.SERVER)
                    .map(InstanceList::row)
                    .toList();
            session.output().list(COLUMNS, rows, output);
            return ExitStatus.OK.code();
        }

        private static Map<String, Object> row(Resource server) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", server.ref().name());
            row.put("id", server.info().get("id"));
            row.put("status", server.info().get("status"));
            row.put("flavor", server.refs().getOrDefault("flavor", List.of()).stream().findFirst().map(ResourceRef::name).orElse(null));
            return row;
        }
    }

    private static Map<String, Object> row(Endpoint endpoint) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", endpoint.id().toString());
        row.put("name", endpoint.name());
        row.put("provider", endpoint.provider());
        row.put("description", endpoint.description());
        return row;
    }

    private static SequencedMap<String, Object> fields(EndpointDetails details) {
        SequencedMap<String, Object> fields = new LinkedHashMap<>(row(details.endpoint()));
        fields.put("created_at", details.endpoint().createdAt().toString());
        fields.put("connection", details.connection());
        return fields;
    }
}
