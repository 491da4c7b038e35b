package io.skylift.bundle;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.MissingDependency;
import io.skylift.model.Resource;
import io.skylift.model.ResourceGraph;
import io.skylift.model.ResourceRef;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code resources.yaml} holds: every resource of an export, closed over its dependencies,
 * in creation order, and where they came from. Each resource has its editable {@code params}
 * (references by type, owner and name), its read-only {@code info} (source id, status, sizes) and
 * its {@code migration} options.
 */
public record Bundle(BundleSource source, Instant createdAt, List<Resource> resources) {

    /** The format version this code writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
    static final String FORMAT = "skylift-bundle";

    public Bundle {
        requireNonNull(source, "source is null");
        requireNonNull(createdAt, "createdAt is null");
        resources = List.copyOf(requireNonNull(resources, "resources is null"));
    }

    /**
     * Reads {@code resources.yaml} in {@code directory}.
     *
     * @throws SkyliftException naming the file and what is wrong: not a bundle, malformed, a newer
     *                          format version, a bad field
     */
    public static Bundle read(Path directory) {
        Path file = BundleLayout.resources(directory);
        JsonNode root = BundleYaml.read(file, FORMAT);
        Document document = BundleYaml.convert(file, root, Document.class);
        if (document.source() == null || document.resources() == null || document.createdAt() == null) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, file + ": 'source', 'created_at' and 'resources' are required");
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(document.createdAt());
        }
        catch (DateTimeParseException e) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, file + ": created_at '" + document.createdAt() + "' is not an ISO-8601 instant", e);
        }
        return new Bundle(document.source(), createdAt, document.resources());
    }

    /** Writes {@code resources.yaml} into {@code directory}, whole or not at all. */
    public void write(Path directory) {
        BundleYaml.write(BundleLayout.resources(directory), new Document(FORMAT, FORMAT_VERSION, createdAt.toString(), source, resources));
    }

    public Optional<Resource> find(ResourceRef ref) {
        return resources.stream().filter(resource -> resource.ref().equals(ref)).findFirst();
    }

    /**
     * The resources as a graph, after checking that every reference names a resource of the
     * bundle (an edit may have dropped one that another still refers to).
     *
     * @throws SkyliftException listing every dangling reference, and the fix
     */
    public ResourceGraph graph() {
        ResourceGraph graph;
        try {
            graph = ResourceGraph.of(resources);
        }
        catch (IllegalArgumentException e) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, BundleLayout.RESOURCES + ": " + e.getMessage() + ": keep one of them", e);
        }
        List<MissingDependency> missing = graph.missingDependencies();
        if (!missing.isEmpty()) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, BundleLayout.RESOURCES + " refers to resources it does not hold: "
                    + missing.stream().map(m -> m.from() + " (" + m.role() + ") -> " + m.to()).collect(Collectors.joining(", "))
                    + "; put them back, or remove the references");
        }
        return graph;
    }

    /** The YAML document, field by field. */
    @JsonPropertyOrder({"format", "version", "created_at", "source", "resources"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Document(
            String format,
            int version,
            @JsonProperty("created_at") String createdAt,
            BundleSource source,
            List<Resource> resources) {}
}
