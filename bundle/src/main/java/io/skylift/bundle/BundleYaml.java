package io.skylift.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.skylift.model.AtomicWrite;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes the bundle's YAML documents: whole or not at all, with a format and version checked on read. */
final class BundleYaml {

    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private BundleYaml() {}

    /**
     * The document in {@code file}, after checking that it says {@code format: <format>} and a
     * version this code reads.
     */
    static JsonNode read(Path file, String format) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        }
        catch (NoSuchFileException e) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, file + ": no such file; is " + file.getParent() + " a bundle written by skylift export?");
        }
        catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new SkyliftException(ErrorCode.INVALID_INPUT, file + ": malformed YAML"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (root == null || !root.isObject() || !format.equals(root.path("format").asText())) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, file + " is not a " + format + " document (it must start with 'format: "
                    + format + "')");
        }
        JsonNode version = root.path("version");
        if (!version.canConvertToInt() || version.asInt() < 1) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, file + ": 'version' must be a positive whole number, found '" + version.asText() + "'");
        }
        if (version.asInt() > Bundle.FORMAT_VERSION) {
            throw new SkyliftException(ErrorCode.UNSUPPORTED, file + " is format version " + version.asInt() + ", newer than the version "
                    + Bundle.FORMAT_VERSION + " this skylift reads: upgrade skylift, or export again with this one");
        }
        return root;
    }

    /** Converts a checked document into its record, naming the file when a field is wrong. */
    static <T> T convert(Path file, JsonNode document, Class<T> type) {
        try {
            return MAPPER.treeToValue(document, type);
        }
        catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new SkyliftException(ErrorCode.INVALID_INPUT, file + ": " + message.lines().findFirst().orElse(message), e);
        }
    }

    /** Writes through a temporary file and an atomic rename, so a crash never leaves half a document. */
    static void write(Path file, Object document) {
        try {
            AtomicWrite.writeString(file, MAPPER.writeValueAsString(document));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + file + " as YAML", e);
        }
    }
}
