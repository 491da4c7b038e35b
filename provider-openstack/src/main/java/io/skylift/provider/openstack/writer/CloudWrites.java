package io.skylift.provider.openstack.writer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the compute, image and storage writers share: the marker key, request bodies from a
 * resource's params, lookups by name and deletes that wait until the thing is gone.
 */
final class CloudWrites {

    /** The Glance property, Cinder and Nova metadata key that holds the source id of what Skylift made. */
    static final String MARKER = "skylift_source_id";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudWrites() {}

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The resource's params as JSON, so that a missing key reads as a missing node. */
    static JsonNode params(WriteRequest request) {
        return JSON.valueToTree(request.resource().params());
    }

    /**
     * Metadata as Nova and Cinder take it (string values only) with the marker added; a marker
     * copied from the source (it was migrated before) is replaced by this run's.
     */
    static ObjectNode metadata(JsonNode metadata, String marker) {
        return stringValues(metadata).put(MARKER, marker);
    }

    /** A name or value as one path segment or query value: spaces as %20, which both read the same. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The document at {@code path}, or empty when the cloud answers 404. */
    static Optional<JsonNode> get(WriterContext context, ServiceType service, String path) {
        try {
            return Optional.of(context.client().get(service, path));
        }
        catch (SkyliftException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The only item named {@code name}; several of them are an error, since picking one would
     * depend on listing order.
     *
     * @param what names the type in messages: {@code flavor}
     */
    static Optional<JsonNode> onlyNamed(List<JsonNode> items, String name, String what) {
        List<JsonNode> named = items.stream().filter(item -> name.equals(item.path("name").asText())).toList();
        if (named.size() > 1) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, named.size() + " of the destination's " + what + "s are named '" + name
                    + "' (ids " + named.stream().map(item -> item.path("id").asText()).collect(Collectors.joining(", "))
                    + "): rename or delete all but one, so that a name identifies one");
        }
        return named.stream().findFirst();
    }

    /** Deletes and waits until {@code path} answers 404; a 404 to the delete means it is gone already. */
    static void deleteAndWait(WriterContext context, ServiceType service, String path, String what) {
        try {
            context.client().delete(service, path);
        }
        catch (SkyliftException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return;
            }
            throw e;
        }
        context.poll().untilGone(service, path, what);
    }

    /** Deletes what a failed create left behind, keeping the failure that made us clean up as the one reported. */
    static void deleteAfterFailure(WriterContext context, ServiceType service, String path, String what, RuntimeException failure) {
        try {
            deleteAndWait(context, service, path, what);
        }
        catch (RuntimeException cleanup) {
            failure.addSuppressed(new SkyliftException(ErrorCode.CLOUD_REJECTED, "could not delete the half-made " + what
                    + " after the failure; delete it by hand: " + cleanup.getMessage(), cleanup));
        }
    }

    /** A JSON object with its values as text, as Nova's extra specs and metadata and Glance's properties take them. */
    static ObjectNode stringValues(JsonNode object) {
        ObjectNode result = object();
        object.properties().forEach(entry -> result.put(entry.getKey(), entry.getValue().asText()));
        return result;
    }
}
