package io.skylift.provider.openstack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a cloud's connection from {@code clouds.yaml} where openstacksdk finds it: the file
 * {@code OS_CLIENT_CONFIG_FILE} names, else the first of {@code ./clouds.yaml},
 * {@code ~/.config/openstack/clouds.yaml}, {@code /etc/openstack/clouds.yaml} that exists (only
 * that one file is read, as openstacksdk does); then {@code secure.yaml} from
 * {@code OS_CLIENT_SECURE_FILE} or the same directories is merged over it, for passwords kept apart.
 * Vendor profiles ({@code profile:}) are not supported.
 */
final class CloudsYaml {

    /** The {@code auth:} keys that map to a connection value of the same name. */
    private static final Set<String> AUTH_KEYS = Set.of(
            "auth_url", "username", "user_id", "user_domain_name", "user_domain_id", "password",
            "project_name", "project_id", "project_domain_name", "project_domain_id", "domain_name", "domain_id",
            "application_credential_id", "application_credential_name", "application_credential_secret");

    private static final Set<String> AUTH_TYPES = Set.of("password", "v3password", "v3applicationcredential", "application_credential");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path home;

    CloudsYaml(Map<String, String> environment, Path workingDirectory, Path home) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.workingDirectory = requireNonNull(workingDirectory, "workingDirectory is null");
        this.home = requireNonNull(home, "home is null");
    }

    static CloudsYaml ofThisProcess() {
        return new CloudsYaml(System.getenv(), Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The connection values of one cloud.
     *
     * @throws SkyliftException {@link ErrorCode#NOT_FOUND} naming the file and the clouds in it
     */
    Map<String, Object> connection(String cloud) {
        requireNonNull(cloud, "cloud is null");
        List<Path> candidates = candidates("OS_CLIENT_CONFIG_FILE", "clouds");
        Path file = candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new SkyliftException(ErrorCode.NOT_FOUND,
                "no clouds.yaml for cloud '" + cloud + "': looked for " + String.join(", ", candidates.stream().map(Path::toString).toList())
                        + "; set OS_CLIENT_CONFIG_FILE to the file"));
        JsonNode clouds = read(file).path("clouds");
        Optional<Path> secureFile = candidates("OS_CLIENT_SECURE_FILE", "secure").stream().filter(Files::isRegularFile).findFirst();
        JsonNode entry = clouds.path(cloud);
        if (!entry.isObject()) {
            List<String> names = new ArrayList<>();
            clouds.fieldNames().forEachRemaining(names::add);
            throw new SkyliftException(ErrorCode.NOT_FOUND, "no cloud '" + cloud + "' in " + file + " (clouds there: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
        ObjectNode merged = entry.deepCopy();
        secureFile.map(CloudsYaml::read).map(secure -> secure.path("clouds").path(cloud)).filter(JsonNode::isObject)
                .ifPresent(secure -> merge(merged, secure));
        return toConnection(cloud, file, merged);
    }

    private static Map<String, Object> toConnection(String cloud, Path file, JsonNode entry) {
        String authType = entry.path("auth_type").asText("password");
        if (!AUTH_TYPES.contains(authType)) {
            throw new SkyliftException(ErrorCode.UNSUPPORTED, "cloud '" + cloud + "' in " + file + " has auth_type " + authType
                    + ": Skylift authenticates with password or v3applicationcredential");
        }
        if (entry.has("profile")) {
            throw new SkyliftException(ErrorCode.UNSUPPORTED, "cloud '" + cloud + "' in " + file
                    + " uses a vendor profile, which Skylift does not read: write its auth_url and region_name into the entry");
        }
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("cloud", cloud);
        entry.path("auth").properties().forEach(field -> {
            String key = field.getKey().equals("tenant_name") ? "project_name" : field.getKey().equals("tenant_id") ? "project_id" : field.getKey();
            if (AUTH_KEYS.contains(key) && field.getValue().isValueNode() && !field.getValue().isNull()) {
                connection.put(key, field.getValue().asText());
            }
        });
        if (entry.path("region_name").isTextual()) {
            connection.put("region_name", entry.get("region_name").asText());
        } else if (entry.path("regions").isArray() && entry.path("regions").size() == 1) {
            JsonNode only = entry.path("regions").get(0);
            connection.put("region_name", only.isObject() ? only.path("name").asText() : only.asText());
        }
        if (entry.path("interface").isTextual()) {
            connection.put("interface", entry.get("interface").asText().toLowerCase(java.util.Locale.ROOT).replace("url", ""));
        }
        if (entry.path("cacert").isTextual()) {
            connection.put("cacert", entry.get("cacert").asText());
        }
        JsonNode verify = entry.path("verify");
        if (verify.isBoolean() && !verify.asBoolean() || verify.isTextual() && verify.asText().equalsIgnoreCase("false")
                || entry.path("insecure").asBoolean(false)) {
            connection.put("insecure", true);
        }
        return connection;
    }

    private List<Path> candidates(String variable, String baseName) {
        List<Path> paths = new ArrayList<>();
        Optional.ofNullable(environment.get(variable)).filter(value -> !value.isBlank()).map(Path::of).ifPresent(paths::add);
        for (Path directory : List.of(workingDirectory, home.resolve(".config/openstack"), Path.of("/etc/openstack"))) {
            paths.add(directory.resolve(baseName + ".yaml"));
            paths.add(directory.resolve(baseName + ".yml"));
        }
        return paths;
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode tree = YAML.readTree(file.toFile());
            return tree == null ? YAML.createObjectNode() : tree;
        } catch (IOException e) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode target, JsonNode overlay) {
        overlay.properties().forEach(field -> {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        });
    }
}
