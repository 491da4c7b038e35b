package io.skylift.engine.endpoint;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.skylift.spi.ConnectionInfo;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.ProviderFactory;
import io.skylift.spi.SchemaType;
import io.skylift.spi.SkyliftException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A provider's connection schema: checks connection values and says which of them are secret. */
final class ConnectionSchema {

    // Providers publish draft 2020-12; a schema naming another dialect in $schema gets that one.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final String provider;
    private final Schema schema;
    private final Set<String> secretKeys;

    private ConnectionSchema(String provider, Schema schema, Set<String> secretKeys) {
        this.provider = provider;
        this.schema = schema;
        this.secretKeys = Set.copyOf(secretKeys);
    }

    static ConnectionSchema of(ProviderFactory factory, ObjectMapper json) {
        requireNonNull(factory, "factory is null");
        String text = factory.schema(SchemaType.CONNECTION);
        try {
            JsonNode node = json.readTree(text);
            Set<String> secrets = new TreeSet<>();
            collectWriteOnly(node, secrets);
            return new ConnectionSchema(factory.name(), REGISTRY.getSchema(node), secrets);
        }
        catch (JsonProcessingException | SchemaException e) {
            // The provider's bug, not the operator's input.
            throw new SkyliftException(ErrorCode.INTERNAL,
                    "provider '" + factory.name() + "' publishes a connection schema that cannot be read: " + e.getMessage(), e);
        }
    }

    /** The keys whose values are secret: every property the schema marks {@code writeOnly}, at any depth. */
    Set<String> secretKeys() {
        return secretKeys;
    }

    /** Checks {@code values} for the endpoint called {@code endpoint}. */
    ConnectionInfo check(String endpoint, Map<String, Object> values, ObjectMapper json) {
        List<Error> errors = schema.validate(json.valueToTree(values));
        if (!errors.isEmpty()) {
            String problems = errors.stream().map(ConnectionSchema::describe).distinct().collect(Collectors.joining("; "));
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "connection info for endpoint " + endpoint + ": " + problems
                    + " (the schema: skylift provider schema list " + provider + " connection)");
        }
        return new ConnectionInfo(values, secretKeys);
    }

    /** One problem, naming the property, without the validator's JSON-path prefix. */
    private static String describe(Error error) {
        String keyword = error.getKeyword();
        String property = error.getProperty();
        if ("required".equals(keyword) && property != null) {
            return "property '" + property + "' is required";
        }
        if ("additionalProperties".equals(keyword) && property != null) {
            return "property '" + property + "' is not allowed";
        }
        String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        String message = error.getMessage();
        if (message.startsWith(location + ": ")) {
            message = message.substring(location.length() + 2);
        }
        String field = location.startsWith("$.") ? location.substring(2) : location.replaceFirst("^/", "");
        return field.isEmpty() || "$".equals(field) ? message : "property '" + field + "': " + message;
    }

    private static void collectWriteOnly(JsonNode node, Set<String> secrets) {
        if (node.isObject()) {
            node.path("properties").properties().forEach(property -> {
                if (property.getValue().path("writeOnly").asBoolean(false)) {
                    secrets.add(property.getKey());
                }
            });
            node.forEach(child -> collectWriteOnly(child, secrets));
        }
        else if (node.isArray()) {
            node.forEach(child -> collectWriteOnly(child, secrets));
        }
    }
}
