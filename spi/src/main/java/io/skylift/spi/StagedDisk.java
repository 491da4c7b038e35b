package io.skylift.spi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Disk data ready to be read, from {@link DiskSource#stage}.
 *
 * @param id              what the provider reads it through (for OpenStack, a Glance image id)
 * @param size            its length in bytes, when the cloud says
 * @param diskFormat      {@code raw}, {@code qcow2}, ...
 * @param containerFormat {@code bare}, {@code ovf}, ...
 * @param checksum        the digest the cloud computed of the data, when it says
 */
public record StagedDisk(String id, OptionalLong size, String diskFormat, String containerFormat, Optional<Checksum> checksum) {

    public StagedDisk {
        requireNonNull(id, "id is null");
        requireNonNull(size, "size is null");
        requireNonNull(diskFormat, "diskFormat is null");
        requireNonNull(containerFormat, "containerFormat is null");
        requireNonNull(checksum, "checksum is null");
    }

    /** Without a checksum from the cloud. */
    public StagedDisk(String id, OptionalLong size, String diskFormat, String containerFormat) {
        this(id, size, diskFormat, containerFormat, Optional.empty());
    }
}
