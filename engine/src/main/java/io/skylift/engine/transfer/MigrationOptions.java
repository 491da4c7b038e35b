package io.skylift.engine.transfer;

import static java.util.Objects.requireNonNull;

import io.skylift.model.ResourceFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a migration moves and how it maps it onto the destination.
 *
 * @param origin      the endpoint it reads; never changed
 * @param destination the endpoint it creates in
 * @param selection   what to move, closed over dependencies: servers named with {@code --instance}
 *                    (with their disks), or a resource file
 * @param mapping     networks, flavors, storage, keypair and name prefix, as for an import
 * @param floatingIps what becomes of floating IPs
 * @param keepIps     whether ports keep their fixed IPs and MAC addresses (the destination subnet
 *                    needs the same CIDR), or the destination assigns new ones
 * @param storage     what overrides the mapping's storage map (source volume type to destination type)
 * @param shutdownInstances whether each server whose disks move is stopped while they are staged,
 *                    and started again after if it ran
 * @param uuids       where the old and new ids are written
 */
public record MigrationOptions(String origin, String destination, ResourceFile selection, ImportOptions mapping, FloatingIps floatingIps,
        boolean keepIps, Storage storage, boolean shutdownInstances, Path uuids) {

    /** Floating IP modes. */
    public enum FloatingIps {
        /** Each gets a new address at the destination, which the report and uuids.csv record. */
        NEW,
        /** None is created; the servers are reached through their fixed IPs. */
        SKIP
    }

    /**
     * What overrides the storage map, from weakest to strongest.
     *
     * @param defaultType the destination volume type of every source volume type the storage map leaves out
     * @param byDisk      a selected volume, named by its name, {@code project/name} or source id, to the destination
     *                    volume type it is created with, whatever its source type maps to
     */
    public record Storage(Optional<String> defaultType, Map<String, String> byDisk) {

        public Storage {
            requireNonNull(defaultType, "defaultType is null");
            byDisk = Map.copyOf(requireNonNull(byDisk, "byDisk is null"));
        }

        /** Only the storage map. */
        public static Storage none() {
            return new Storage(Optional.empty(), Map.of());
        }
    }

    public MigrationOptions {
        requireNonNull(origin, "origin is null");
        requireNonNull(destination, "destination is null");
        requireNonNull(selection, "selection is null");
        requireNonNull(mapping, "mapping is null");
        requireNonNull(floatingIps, "floatingIps is null");
        requireNonNull(storage, "storage is null");
        requireNonNull(uuids, "uuids is null");
    }
}
