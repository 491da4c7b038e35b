package io.skylift.engine.transfer;

import static java.util.Objects.requireNonNull;

import io.skylift.model.ResourceFile;
import java.nio.file.Path;
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
 * @param defaultStorage the destination volume type of every source volume type the mapping leaves out
 * @param shutdownInstances whether each server whose disks move is stopped while they are staged,
 *                    and started again after if it ran
 * @param uuids       where the old and new ids are written
 */
public record MigrationOptions(String origin, String destination, ResourceFile selection, ImportOptions mapping, FloatingIps floatingIps,
        boolean keepIps, Optional<String> defaultStorage, boolean shutdownInstances, Path uuids) {

    /** Floating IP modes. */
    public enum FloatingIps {
        /** Each gets a new address at the destination, which the report and uuids.csv record. */
        NEW,
        /** None is created; the servers are reached through their fixed IPs. */
        SKIP
    }

    public MigrationOptions {
        requireNonNull(origin, "origin is null");
        requireNonNull(destination, "destination is null");
        requireNonNull(selection, "selection is null");
        requireNonNull(mapping, "mapping is null");
        requireNonNull(floatingIps, "floatingIps is null");
        requireNonNull(defaultStorage, "defaultStorage is null");
        requireNonNull(uuids, "uuids is null");
    }
}
