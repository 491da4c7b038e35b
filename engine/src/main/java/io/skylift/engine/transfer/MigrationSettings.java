package io.skylift.engine.transfer;

import io.skylift.model.ResourceFile;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a migration's settings as Coriolis takes them: maps for networks and storage, and two
 * environments of named options, one for each side. Every unknown key and bad value is named
 * at once, before anything is read from either cloud.
 *
 * <p>Destination environment: {@code flavor_map} (source flavor name to destination flavor name),
 * {@code keypair} (an existing destination keypair every server gets), {@code name_prefix},
 * {@code floating_ips} ({@code new}, the default, or {@code skip}) and {@code keep_ips}
 * ({@code true}, the default: ports keep their fixed IPs and MAC addresses; {@code false}: the
 * destination assigns them). Source environment: {@code shutdown_instances} ({@code false}, the
 * default: servers are copied running, each disk from a crash-consistent snapshot).
 */
public final class MigrationSettings {

    static final String FLAVOR_MAP = "flavor_map";
    static final String KEYPAIR = "keypair";
    static final String NAME_PREFIX = "name_prefix";
    static final String FLOATING_IPS = "floating_ips";
    static final String KEEP_IPS = "keep_ips";
    static final String SHUTDOWN_INSTANCES = "shutdown_instances";
    private static final Set<String> DESTINATION = Set.of(FLAVOR_MAP, KEYPAIR, NAME_PREFIX, FLOATING_IPS, KEEP_IPS);
    private static final Set<String> SOURCE = Set.of(SHUTDOWN_INSTANCES);

    private MigrationSettings() {}

    /**
     * @param networkMap      source network name to an existing destination network
     * @param storageMap      source volume type to destination volume type
     * @param storage         what overrides {@code storageMap}: a default type, and a type per disk
     * @param destinationEnv  see the class comment; values as parsed from YAML or given as text
     * @param sourceEnv       see the class comment
     * @throws SkyliftException INVALID_INPUT naming every unknown key and bad value
     */
    public static MigrationOptions options(String origin, String destination, ResourceFile selection, Map<String, String> networkMap,
            Map<String, String> storageMap, MigrationOptions.Storage storage, Map<String, ?> destinationEnv, Map<String, ?> sourceEnv, Path uuids) {
        List<String> problems = new ArrayList<>();
        unknownKeys("destination environment", destinationEnv, DESTINATION, problems);
        unknownKeys("source environment", sourceEnv, SOURCE, problems);
        Map<String, String> flavorMap = stringMap(destinationEnv.get(FLAVOR_MAP), FLAVOR_MAP, problems);
        Optional<String> keypair = text(destinationEnv.get(KEYPAIR), KEYPAIR, problems);
        String prefix = text(destinationEnv.get(NAME_PREFIX), NAME_PREFIX, problems).orElse("");
        MigrationOptions.FloatingIps floatingIps = text(destinationEnv.get(FLOATING_IPS), FLOATING_IPS, problems)
                .map(mode -> floatingIps(mode, problems)).orElse(MigrationOptions.FloatingIps.NEW);
        boolean keepIps = flag(destinationEnv.get(KEEP_IPS), KEEP_IPS, true, problems);
        boolean shutdown = flag(sourceEnv.get(SHUTDOWN_INSTANCES), SHUTDOWN_INSTANCES, false, problems);
        if (!problems.isEmpty()) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, String.join("; ", problems));
        }
        ImportOptions mapping = new ImportOptions(networkMap, flavorMap, storageMap, keypair, prefix);
        return new MigrationOptions(origin, destination, selection, mapping, floatingIps, keepIps, storage, shutdown, uuids);
    }

    private static void unknownKeys(String what, Map<String, ?> environment, Set<String> known, List<String> problems) {
        for (String key : environment.keySet()) {
            if (!known.contains(key)) {
                problems.add(what + ": unknown option '" + key + "' (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    private static MigrationOptions.FloatingIps floatingIps(String mode, List<String> problems) {
        try {
            return MigrationOptions.FloatingIps.valueOf(mode.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            problems.add("floating_ips must be new or skip, not '" + mode + "'");
            return MigrationOptions.FloatingIps.NEW;
        }
    }

    private static Optional<String> text(Object value, String key, List<String> problems) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text && !text.isBlank()) {
            return Optional.of(text);
        }
        problems.add(key + " takes a name, not '" + value + "'");
        return Optional.empty();
    }

    private static boolean flag(Object value, String key, boolean otherwise, List<String> problems) {
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if ("true".equalsIgnoreCase(String.valueOf(value)) || "false".equalsIgnoreCase(String.valueOf(value))) {
            return Boolean.parseBoolean(String.valueOf(value));
        }
        problems.add(key + " must be true or false, not '" + value + "'");
        return otherwise;
    }

    /** A map from YAML, or {@code a=b,c=d} from a command line. */
    private static Map<String, String> stringMap(Object value, String key, List<String> problems) {
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null) {
            return map;
        }
        if (value instanceof Map<?, ?> yaml) {
            yaml.forEach((from, to) -> map.put(String.valueOf(from), String.valueOf(to)));
            return map;
        }
        for (String pair : String.valueOf(value).split(",")) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                problems.add(key + " takes SOURCE=DEST pairs separated by commas, not '" + value + "'");
                return Map.of();
            }
            map.put(parts[0].strip(), parts[1].strip());
        }
        return map;
    }
}
