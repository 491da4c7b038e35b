package io.skylift.engine.transfer;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * How an import maps the bundle onto the destination.
 *
 * @param networkMap source network name to the name of an existing destination network, which is
 *                   used instead of creating one (external networks are always mapped, by default
 *                   to the same name)
 * @param flavorMap  source flavor name to an existing destination flavor
 * @param storageMap source volume type name to a destination volume type (unmapped ones keep their name)
 * @param keypair    an existing destination keypair every server gets instead of its own
 * @param namePrefix put before the name of every resource created
 */
public record ImportOptions(Map<String, String> networkMap, Map<String, String> flavorMap, Map<String, String> storageMap,
        Optional<String> keypair, String namePrefix) {

    public ImportOptions {
        networkMap = Map.copyOf(requireNonNull(networkMap, "networkMap is null"));
        flavorMap = Map.copyOf(requireNonNull(flavorMap, "flavorMap is null"));
        storageMap = Map.copyOf(requireNonNull(storageMap, "storageMap is null"));
        requireNonNull(keypair, "keypair is null");
        requireNonNull(namePrefix, "namePrefix is null");
    }

    public static ImportOptions none() {
        return new ImportOptions(Map.of(), Map.of(), Map.of(), Optional.empty(), "");
    }
}
