package io.skylift.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.skylift.engine.transfer.MigrationOptions;
import io.skylift.engine.transfer.MigrationSettings;
import io.skylift.model.ResourceFile;
import io.skylift.model.ResourceType;
import io.skylift.model.Selection;
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
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** What a migration moves and how, as {@code skylift migrate}, {@code migration create} and {@code plan} take it (the Coriolis client's options). */
final class MigrationSpec {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Option(names = "--origin-endpoint", required = true, paramLabel = "ENDPOINT", description = "The endpoint to migrate from; it is only read.")
    String origin;

    @Option(names = "--destination-endpoint", required = true, paramLabel = "ENDPOINT", description = "The endpoint to migrate to.")
    String destination;

    @Option(names = "--instance", paramLabel = "NAME", description = "A server to migrate, with its disks and everything it uses (repeatable).")
    List<String> instances = new ArrayList<>();

    @Option(names = "--project", paramLabel = "NAME", description = "A project to migrate, with its role assignments, users and quotas; the"
            + " endpoints must be admins' (repeatable). Its users get new passwords, written to passwords.csv beside --uuids.")
    List<String> projects = new ArrayList<>();

    @Option(names = "--resource-file", paramLabel = "FILE", description = "What to migrate, as skylift query writes it (instead of --instance and --project).")
    Path resourceFile;

    @Option(names = "--network-map", paramLabel = "SOURCE=DEST", split = ",",
            description = "Use this existing destination network instead of creating the source one (repeatable, or a comma list).")
    Map<String, String> networkMap = new LinkedHashMap<>();

    @Option(names = "--network-map-file", paramLabel = "FILE", description = "Network maps as a YAML mapping of source name to destination name.")
    Path networkMapFile;

    @Option(names = "--storage-backend-mapping", paramLabel = "SOURCE=DEST", split = ",",
            description = "Create volumes of this source volume type with this destination type (repeatable, or a comma list).")
    Map<String, String> storageMap = new LinkedHashMap<>();

    @Option(names = "--default-storage-backend", paramLabel = "TYPE", description = "The destination volume type of every source type not mapped.")
    String defaultStorage;

    @Option(names = "--disk-storage-mapping", paramLabel = "DISK=TYPE", split = ",",
            description = "Create this volume (by name, project/name or id) with this destination volume type, whatever its source type maps to "
                    + "(repeatable, or DISK=TYPE,DISK=TYPE).")
    Map<String, String> diskStorageMap = new LinkedHashMap<>();

    @Option(names = "--destination-environment", paramLabel = "KEY=VALUE",
            description = "flavor_map=SRC=DST[,SRC=DST...], keypair=NAME, name_prefix=PREFIX, floating_ips=new|skip, keep_ips=true|false.")
    Map<String, String> destinationEnvironment = new LinkedHashMap<>();

    @Option(names = "--destination-environment-file", paramLabel = "FILE", description = "The destination environment as a YAML mapping.")
    Path destinationEnvironmentFile;

    @Option(names = "--source-environment", paramLabel = "KEY=VALUE", description = "shutdown_instances=true|false.")
    Map<String, String> sourceEnvironment = new LinkedHashMap<>();

    @Option(names = "--source-environment-file", paramLabel = "FILE", description = "The source environment as a YAML mapping.")
    Path sourceEnvironmentFile;

    @Option(names = "--uuids", paramLabel = "FILE", defaultValue = "uuids.csv", description = "Where to write old and new ids (default: ${DEFAULT-VALUE}).")
    Path uuids;

    MigrationOptions options() {
        if ((instances.isEmpty() && projects.isEmpty()) == (resourceFile == null)) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "say what to migrate with --instance NAME and --project NAME (repeatable)"
                    + " or with --resource-file FILE, not both");
        }
        ResourceFile selection = resourceFile != null ? ResourceFile.read(resourceFile) : new ResourceFile(Stream.concat(
                instances.stream().map(name -> Selection.of(ResourceType.SERVER, null, name).withOptions(Map.of("save_state", true))),
                projects.stream().map(name -> Selection.of(ResourceType.PROJECT, null, name))).toList());
        Map<String, String> networks = new LinkedHashMap<>();
        yamlMap(networkMapFile).forEach((from, to) -> networks.put(from, String.valueOf(to)));
        networks.putAll(networkMap);
        Map<String, Object> destinationEnv = new LinkedHashMap<>(yamlMap(destinationEnvironmentFile));
        destinationEnv.putAll(destinationEnvironment);
        Map<String, Object> sourceEnv = new LinkedHashMap<>(yamlMap(sourceEnvironmentFile));
        sourceEnv.putAll(sourceEnvironment);
        MigrationOptions.Storage storage = new MigrationOptions.Storage(Optional.ofNullable(defaultStorage), diskStorageMap);
        return MigrationSettings.options(origin, destination, selection, networks, storageMap, storage, destinationEnv, sourceEnv, uuids.toAbsolutePath());
    }

    private static Map<String, Object> yamlMap(Path file) {
        if (file == null) {
            return Map.of();
        }
        try {
            Object parsed = YAML.readValue(Files.readString(file), Object.class);
            if (parsed == null) {
                return Map.of();
            }
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new SkyliftException(ErrorCode.INVALID_INPUT, file + " is not a YAML mapping of names to values");
            }
            Map<String, Object> named = new LinkedHashMap<>();
            map.forEach((key, value) -> named.put(String.valueOf(key), value));
            return named;
        }
        catch (IOException e) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
