package io.skylift.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.ProviderFactory;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where {@code endpoint create} takes connection values from: exactly one of four options. */
final class ConnectionSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--cloud", paramLabel = "CLOUD", required = true,
            description = "A cloud named in the provider's own configuration (for openstack: clouds.yaml).")
    String cloud;

    @Option(names = "--from-env", required = true,
            description = "Read the provider's environment variables (for openstack: OS_AUTH_URL, OS_USERNAME, ...).")
    boolean fromEnvironment;

    @Option(names = "--connection", paramLabel = "JSON", required = true,
            description = "Connection values as a JSON object; see: skylift provider schema list PROVIDER connection.")
    String json;

    @Option(names = "--connection-file", paramLabel = "FILE", required = true,
            description = "A file holding the --connection JSON; keeps passwords out of shell history.")
    Path file;

    Map<String, Object> values(ProviderFactory provider, Map<String, String> environment) {
        if (cloud != null) {
            return provider.connectionFromNamedCloud(cloud);
        }
        if (fromEnvironment) {
            return provider.connectionFromEnvironment(environment);
        }
        if (json != null) {
            return parse(json, "--connection");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException e) {
            throw new SkyliftException(ErrorCode.NOT_FOUND, "connection file " + file + " not found", e);
        }
        catch (IOException e) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "cannot read connection file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, "connection file " + file);
    }

    private static Map<String, Object> parse(String text, String source) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        }
        catch (JsonProcessingException e) {
            // The parser's own words and position; never the text, which may hold a password.
            throw new SkyliftException(ErrorCode.INVALID_INPUT, source + " is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
        if (node == null || !node.isObject()) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, source
                    + " must be a JSON object, such as {\"auth_url\": \"https://keystone.example.com/v3\", \"username\": \"demo\"}");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        node.properties().forEach(entry -> values.put(entry.getKey(), JSON.convertValue(entry.getValue(), Object.class)));
        return values;
    }
}
